// `npm run bench:flood`: how one abusive socket affects storefront pages. Starts the production
// server (needs `npm run build`) as a child process on a freshly seeded SQLite database, measures
// the storefront home page (gzip and plain) quietly, then again while one anonymous socket keeps
// 20 catch-ups in flight (bench/socket-flood-client.ts, a second child). Progress on stderr; the
// last line on stdout is one JSON object with p50/p95 in ms (see docs/inventory-live.md).
import { fork, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 30)
const IN_FLIGHT = Number(process.env.FLOOD_IN_FLIGHT ?? 20)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
    probe.on('error', reject)
  })
}

/** One GET, timed until the last body byte; `gzip` asks for a compressed answer. */
function timedGet(url: string, gzip: boolean): Promise<{ ms: number; status: number; encoding: string }> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': gzip ? 'gzip' : 'identity' } }, (res) => {
      res.resume()
      res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, encoding: String(res.headers['content-encoding'] ?? 'identity') }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]

async function measure(url: string, gzip: boolean) {
  const times: number[] = []
  for (let i = 0; i < REQUESTS; i++) {
    const { ms, status, encoding } = await timedGet(url, gzip)
    if (status !== 200) throw new Error(`storefront answered ${status}`)
    if (gzip !== (encoding === 'gzip')) throw new Error(`expected ${gzip ? 'gzip' : 'identity'}, got ${encoding}`)
    times.push(ms)
    if (process.env.BENCH_VERBOSE) console.error(`  ${gzip ? 'gzip' : 'plain'} ${Math.round(ms)} ms`)
  }
  times.sort((a, b) => a - b)
  return { p50: Math.round(percentile(times, 0.5)), p95: Math.round(percentile(times, 0.95)), max: Math.round(times.at(-1)!) }
}

const dir = mkdtempSync(join(tmpdir(), 'dm-bench-flood-'))
const port = await freePort()
const base = `http://127.0.0.1:${port}`
const warnings: string[] = []
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  env: {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: `file:${join(dir, 'flood.db')}`,
    SEED_ON_EMPTY: 'true',
    SESSION_SECRET: 'f'.repeat(40),
    COOKIE_SECURE: 'false',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'ignore', 'pipe'],
})
server.stderr!.on('data', (chunk: Buffer) => {
  const text = chunk.toString()
  if (/Warning/.test(text)) warnings.push(...text.split('\n').filter((line) => /Warning/.test(line)))
})
let flood: ReturnType<typeof fork> | undefined
try {
  for (let i = 0; ; i++) {
    if (server.exitCode !== null) throw new Error('the server exited during start-up (did you run `npm run build`?)')
    const ok = await timedGet(`${base}/healthz`, false).then((r) => r.status === 200, () => false)
    if (ok) break
    if (i > 600) throw new Error('the server did not start within 60 s')
    await sleep(100)
  }
  // Warm up (first render compiles and caches).
  for (let i = 0; i < 5; i++) await timedGet(base, true)
  const quiet = { gzip: await measure(base, true), plain: await measure(base, false) }
  console.error('quiet', JSON.stringify(quiet))

  flood = fork(new URL('./socket-flood-client.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, FLOOD_URL: base, FLOOD_IN_FLIGHT: String(IN_FLIGHT) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const inbox: { type: string; message?: string; answeredPerSecond?: number; refusedPerSecond?: number }[] = []
  flood.on('message', (message: (typeof inbox)[number]) => inbox.push(message))
  const next = async (type: string) => {
    for (;;) {
      const message = inbox.find((m) => m.type === type || m.type === 'error')
      if (message) {
        if (message.type === 'error') throw new Error(`flood client: ${message.message}`)
        return message
      }
      await sleep(20)
    }
  }
  await next('ready')
  await sleep(1000)
  const underFlood = { gzip: await measure(base, true), plain: await measure(base, false) }
  flood.send({ type: 'stop' })
  const { answeredPerSecond, refusedPerSecond } = await next('report')
  console.error('flood', JSON.stringify({ ...underFlood, answeredPerSecond, refusedPerSecond }))
  console.log(JSON.stringify({ requests: REQUESTS, inFlight: IN_FLIGHT, quiet, underFlood, flood: { answeredPerSecond, refusedPerSecond }, warnings: [...new Set(warnings)] }))
} finally {
  flood?.kill()
  server.kill('SIGTERM')
  await new Promise((resolve) => server.once('exit', resolve))
  rmSync(dir, { recursive: true, force: true })
}
