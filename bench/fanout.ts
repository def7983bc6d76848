// fanout: commit-to-receipt latency of `inventory:changed` on N connected sockets, against a bare
// Socket.IO broadcast of the same payload to the same sockets in the same run (interleaved rounds).
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

export async function benchFanout({ clients = 1000, rounds = 30 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'dm-bench-fanout-'))
  const url = `file:${join(dir, 'fanout.db')}`
  const catalog = await benchCatalog(url)
  await catalog.database.close()
  const env = parseEnv({ NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', DATABASE_URL: url, SEED_ON_EMPTY: 'false', SESSION_SECRET: 'b'.repeat(40), LOG_LEVEL: 'silent' })
  const server = await startServer({ env, log: createLogger('silent'), withoutApp: true })
  const deps = { database: server.services.database, changes: server.services.changes }
  const locationId = catalog.locations.plaza
  await receiveStock(deps, { productId: catalog.productId, locationId, quantity: 1_000_000, actorUserId: null })

  const committedAt = new Map<number, number>()
  server.services.changes.subscribe('inventory:committed', ({ changes }) => {
    const at = now()
    for (const change of changes) committedAt.set(change.seq, at)
  })
  const child = fork(new URL('./fanout-clients.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, FANOUT_URL: server.url, FANOUT_COOKIE: catalog.organizerCookie, FANOUT_CLIENTS: String(clients) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const messages: { type: string; receipts?: [number, number[]][]; message?: string }[] = []
  const waitFor = async (type: string) => {
    for (;;) {
      const found = messages.find((m) => m.type === type || m.type === 'error')
      if (found) {
        if (found.type === 'error') throw new Error(`fan-out clients: ${found.message}`)
        return found
      }
      await sleep(20)
    }
  }
  child.on('message', (message: (typeof messages)[number]) => messages.push(message))
  try {
    await waitFor('ready')
    await sleep(500)
    const bareAt = new Map<number, number>()
    for (let round = 0; round < rounds; round++) {
      // The bare broadcast: same event, same payload shape, same room, no database.
      const seq = -(round + 1)
      bareAt.set(seq, now())
      server.io.to('admin').emit('inventory:changed', { seq, productId: catalog.productId, locationId, onHand: 1, reserved: 0, available: 1 })
      await sleep(120)
      await recordSale(deps, {
        clientId: `bench-fanout-${round}`,
        locationId,
        lines: [{ productId: catalog.productId, quantity: 1 }],
        tenders: [{ kind: 'CASH', amountWon: catalog.priceWon }],
      })
      await sleep(120)
    }
    await sleep(1000)
    child.send({ type: 'report' })
    const report = await waitFor('report')
    const bare: number[] = []
    const live: number[] = []
    for (const [seq, times] of report.receipts!) {
      const origin = seq < 0 ? bareAt.get(seq) : committedAt.get(seq)
      if (origin === undefined) continue
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
    child.send({ type: 'close' })
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
