// A real server process for multi-instance tests (tests/integration/multi-instance.test.ts), run
// with child_process.fork. It reports its URL over IPC and makes stock changes through its OWN
// services when the parent asks, so a change is committed "through this instance". Test-only.
import { systemActor } from '../../app/domain/auth/permissions.server.ts'
import { parseEnv } from '../../app/config/env.server.ts'
import { createLogger } from '../../app/config/logger.server.ts'
import { receiveStock } from '../../app/domain/inventory/stock.server.ts'
import { recordSale } from '../../app/domain/sales/record-sale.server.ts'
import { startServer } from '../../server/start.ts'

export type InstanceRequest =
  | { id: number; op: 'sale'; input: Parameters<typeof recordSale>[1] }
  | { id: number; op: 'receive'; input: { productId: number; locationId: number; quantity: number } }
  | { id: number; op: 'stop' }

export type InstanceMessage = { ready: string } | { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string }

const send = (message: InstanceMessage) => process.send?.(message)
const server = await startServer({ env: parseEnv(), log: createLogger('warn'), withoutApp: true })
const deps = { database: server.services.database, changes: server.services.changes }

process.on('message', (request: InstanceRequest) => {
  const run = async () => {
    switch (request.op) {
      case 'sale':
        return recordSale(deps, request.input, { actor: systemActor('maintenance') })
      case 'receive':
        return receiveStock(deps, { ...request.input, actor: systemActor('maintenance') })
      case 'stop':
        await server.close()
        setImmediate(() => process.exit(0))
        return null
    }
  }
  run().then(
    (result) => send({ id: request.id, ok: true, result }),
    (error: unknown) => send({ id: request.id, ok: false, error: String(error) }),
  )
})
// The parent went away (a crashed test run): do not linger.
process.on('disconnect', () => void server.close().finally(() => process.exit(0)))

send({ ready: server.url })
