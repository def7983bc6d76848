// `npm run bench:memory`: resident memory of the production server. Starts the server the way
// `npm start` runs it, on a throwaway seeded SQLite database, and records its RSS after start, after
// 10,000 mixed requests (storefront pages, their `.data` requests, /healthz, with a few Socket.IO
// clients connected) and after a further 10,000. Progress goes to stderr; the last line on stdout is
// one JSON object. Targets (issue 10): idle ≤ 150 MB, after load ≤ 250 MB, ≤ 10% growth between loads.
//   BENCH_REQUESTS     requests per load round (default 10000)
//   BENCH_CONCURRENCY  requests in flight (default 8)
//   BENCH_SERVER_ARGS  node arguments that start the server (default: the built production server)
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { io, type Socket } from 'socket.io-client'
import { PRODUCTION_SERVER_ARGS } from '../scripts/production-server.mjs'

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 10_000)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8)
const SOCKET_CLIENTS = 5
const SERVER_ARGS = process.env.BENCH_SERVER_ARGS?.split(' ').filter(Boolean) ?? PRODUCTION_SERVER_ARGS
const PORT = 3900 + Math.floor(Math.random() * 90)
const BASE = `http://127.0.0.1:${PORT}`

const progress = (...parts: unknown[]) => console.error('[bench:memory]', ...parts)

/** Resident set size of one process, in MB, from the kernel's own accounting. */
function rssMB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB$/m)
  if (!line) throw new Error(`no VmRSS for process ${pid}`)
  return Math.round(Number(line[1]) / 1024)
}

async function startServer(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, SERVER_ARGS, {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(PORT), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', COOKIE_SECURE: 'false' },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    const ok = await fetch(`${BASE}/healthz`).then((response) => response.ok, () => false)
    if (ok) return child
    await sleep(250)
  }
  child.kill('SIGKILL')
  throw new Error('server did not answer /healthz within 180 s')
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}

/** The storefront's own links: category pages and a search, as a visitor would follow them. */
async function storefrontPaths(): Promise<string[]> {
  const html = await (await fetch(`${BASE}/`)).text()
  const categories = [...new Set([...html.matchAll(/href="\/\?category=([a-z0-9-]+)"/g)].map((match) => match[1]!))]
  if (categories.length === 0) throw new Error('the storefront home shows no category links')
  const pages = ['/', '/?q=%EC%B0%A8', '/?q=soap', '/login', ...categories.map((slug) => `/?category=${slug}`)]
  // React Router's single fetch: client navigations load `<path>.data` (`/_root.data` for `/`).
  const data = pages.map((page) => {
    const [path, query] = page.split('?')
    return `${path === '/' ? '/_root' : path}.data${query ? `?${query}` : ''}`
  })
  return [...pages, ...data, '/healthz']
}

async function load(paths: string[], total: number): Promise<void> {
  let next = 0
  let failures = 0
  const started = performance.now()
  async function worker(id: number) {
    // Half the visitors come back with their cookie; the others are new every time (crawlers).
    let cookie = ''
    while (next < total) {
      const n = next++
      const path = paths[n % paths.length]!
      const response = await fetch(BASE + path, { headers: id % 2 && cookie ? { cookie } : {} })
      await response.arrayBuffer()
      if (!response.ok) failures++
      const set = response.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ')
      if (set) cookie = set
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, id) => worker(id)))
  const seconds = (performance.now() - started) / 1000
  progress(`${total} requests in ${seconds.toFixed(1)} s (${Math.round(total / seconds)}/s), ${failures} not ok`)
  if (failures > total / 100) throw new Error(`${failures} of ${total} requests failed`)
}

async function connectSockets(count: number): Promise<Socket[]> {
  return Promise.all(
    Array.from({ length: count }, () => {
      const socket = io(BASE, { transports: ['websocket'], reconnection: false, forceNew: true })
      return new Promise<Socket>((resolve, reject) => {
        socket.once('connect', () => resolve(socket))
        socket.once('connect_error', reject)
      })
    }),
  )
}

/** RSS once the process has had a moment to settle (timers, lazy compilation, GC). */
async function settledRss(pid: number): Promise<number> {
  await sleep(3000)
  return rssMB(pid)
}

const dir = mkdtempSync(join(tmpdir(), 'bench-memory-'))
const databaseUrl = `file:${join(dir, 'bench.db')}`
let server: ChildProcess | undefined
try {
  progress('server:', process.execPath, SERVER_ARGS.join(' '))
  // First start seeds the empty database; the measured start is a restart on seeded data, as in use.
  progress('seeding a fresh database…')
  await stopServer(await startServer(databaseUrl))
  server = await startServer(databaseUrl)
  const pid = server.pid!
  const rssMBIdle = await settledRss(pid)
  progress('idle', rssMBIdle, 'MB')

  const paths = await storefrontPaths()
  const sockets = await connectSockets(SOCKET_CLIENTS)
  await load(paths, REQUESTS)
  const rssMBAfterLoad = await settledRss(pid)
  progress('after load', rssMBAfterLoad, 'MB')
  await load(paths, REQUESTS)
  const rssMBAfterSecondLoad = await settledRss(pid)
  progress('after second load', rssMBAfterSecondLoad, 'MB')
  sockets.forEach((socket) => socket.close())

  console.log(JSON.stringify({ rssMBIdle, rssMBAfterLoad, rssMBAfterSecondLoad, requests: REQUESTS * 2 }))
} finally {
  if (server) await stopServer(server)
  rmSync(dir, { recursive: true, force: true })
}
