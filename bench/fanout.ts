// fanout: commit-to-receipt latency of `inventory:changed` on N connected sockets, against a bare
// Socket.IO broadcast of the same payload to the same sockets in the same run (interleaved rounds).
// The sockets are POS tablets of one location (the room a sale there is published to).
import { systemActor } from '../app/domain/auth/permissions.server.ts'
import { fork } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseEnv } from '../app/config/env.server.ts'
import { createLogger } from '../app/config/logger.server.ts'
import { receiveStock } from '../app/domain/inventory/stock.server.ts'
import { recordSale } from '../app/domain/sales/record-sale.server.ts'
import { startServer } from '../server/start.ts'
import { benchCatalog } from './fixtures.ts'

const now = () => performance.timeOrigin + performance.now()
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
}

export async function benchFanout({ clients = 1000, rounds = 30, clientProcesses = 2 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'dm-bench-fanout-'))
  const url = `file:${join(dir, 'fanout.db')}`
  const catalog = await benchCatalog(url)
  await catalog.database.close()
  const env = parseEnv({ NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', DATABASE_URL: url, SEED_ON_EMPTY: 'false', SESSION_SECRET: 'b'.repeat(40), LOG_LEVEL: 'silent', SOCKET_CONNECTIONS_PER_ADDRESS: String(clients * 2) })
  const server = await startServer({ env, log: createLogger('silent'), withoutApp: true })
  const deps = { database: server.services.database, changes: server.services.changes }
  const locationId = catalog.locations.plaza
  await receiveStock(deps, { productId: catalog.productId, locationId, quantity: 1_000_000, actor: systemActor('maintenance') })

  const committedAt = new Map<number, number>()
  server.services.changes.subscribe('inventory:committed', ({ changes }) => {
    const at = now()
    for (const change of changes) committedAt.set(change.seq, at)
  })
  // The sockets live in separate processes (as they would on separate devices), so that decoding
  // 1,000 messages in one process does not dominate what is measured.
  const children = Array.from({ length: clientProcesses }, (_, i) =>
    fork(new URL('./fanout-clients.ts', import.meta.url).pathname, [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, FANOUT_URL: server.url, FANOUT_COOKIE: catalog.posCookie, FANOUT_CLIENTS: String(Math.floor(clients / clientProcesses) + (i < clients % clientProcesses ? 1 : 0)) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  )
  const messages = children.map(() => [] as { type: string; receipts?: [number, number[]][]; message?: string }[])
  children.forEach((child, i) => child.on('message', (message: (typeof messages)[number][number]) => messages[i].push(message)))
  const waitFor = async (type: string) => {
    const found: (typeof messages)[number][number][] = []
    for (const inbox of messages) {
      for (;;) {
        const message = inbox.find((m) => m.type === type || m.type === 'error')
        if (message) {
          if (message.type === 'error') throw new Error(`fan-out clients: ${message.message}`)
          found.push(message)
          break
        }
        await sleep(20)
      }
    }
    return found
  }
  try {
    await waitFor('ready')
    await sleep(500)
    const bareAt = new Map<number, number>()
    const warmUp = 3 // not measured: lets every process reach steady state (JIT, buffers)
    const warmSeqs = new Set<number>()
    for (let round = -warmUp; round < rounds; round++) {
      // The bare broadcast: same event, same payload shape, same room, no database.
      const seq = -(round + warmUp + 1)
      if (round < 0) warmSeqs.add(seq)
      bareAt.set(seq, now())
      server.io.to(`location:${locationId}`).emit('inventory:changed', { seq, productId: catalog.productId, locationId, onHand: 1, reserved: 0, available: 1 })
      await sleep(120)
      await recordSale(deps, {
        clientId: `bench-fanout-${round + warmUp}`,
        locationId,
        lines: [{ productId: catalog.productId, quantity: 1 }],
        tenders: [{ kind: 'CASH', amountWon: catalog.priceWon }],
      }, { actor: systemActor('maintenance') })
      if (round < 0) for (const seq of committedAt.keys()) warmSeqs.add(seq)
      await sleep(120)
    }
    await sleep(1000)
    children.forEach((child) => child.send({ type: 'report' }))
    const reports = await waitFor('report')
    const bare: number[] = []
    const live: number[] = []
    for (const [seq, times] of reports.flatMap((report) => report.receipts!)) {
      const origin = seq < 0 ? bareAt.get(seq) : committedAt.get(seq)
      if (origin === undefined || warmSeqs.has(seq)) continue
      for (const at of times) (seq < 0 ? bare : live).push(at - origin)
    }
    bare.sort((a, b) => a - b)
    live.sort((a, b) => a - b)
    const round1 = (value: number) => Math.round(value * 10) / 10
    const p99 = percentile(live, 0.99)
    const bareP99 = percentile(bare, 0.99)
    return {
      clients,
      p50Ms: round1(percentile(live, 0.5)),
      p99Ms: round1(p99),
      bareP99Ms: round1(bareP99),
      ratio: Number((p99 / bareP99).toFixed(2)),
      delivered: live.length,
      expected: clients * rounds,
    }
  } finally {
    children.forEach((child) => child.send({ type: 'close' }))
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
