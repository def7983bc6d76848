// Inventory events a client may send: catch-up after a (re)connect. Reads live in the domain
// (app/domain/inventory/live-read.server.ts); this module validates, authorises by scope and answers.
import type { AppServices } from '../../app/services.server.ts'
import { readCatchUp } from '../../app/domain/inventory/live-read.server.ts'
import { catchUpSchema } from '../../app/domain/live/socket-events.ts'
import type { LiveServer, LiveSocket } from './index.ts'

export function registerInventoryHandlers(_io: LiveServer, socket: LiveSocket, services: AppServices, options: { catchUpLimit?: number } = {}) {
  socket.on('inventory:catch-up', async (payload, ack) => {
    if (typeof ack !== 'function') return
    const parsed = catchUpSchema.safeParse(payload)
    if (!parsed.success) return ack({ ok: false, error: `invalid payload: ${parsed.error.issues[0]?.message ?? 'unknown'}` })
    const { scope } = socket.data
    const feed = parsed.data.feed ?? (scope.kind === 'online' ? 'online' : 'levels')
    if (feed === 'levels' && scope.kind === 'online') return ack({ ok: false, error: 'sign in to follow stock levels' })
    try {
      ack({ ok: true, data: await readCatchUp({ database: services.database, scope, feed, since: parsed.data.since, limit: options.catchUpLimit }) })
    } catch (error) {
      services.log.error('inventory catch-up failed', { error })
      ack({ ok: false, error: 'catch-up failed; try again' })
    }
  })
}
