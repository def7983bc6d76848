// Inventory events a client may send: catch-up after a (re)connect. Reads live in the domain
// (app/domain/inventory/live-read.server.ts); this module validates, authorises by scope and answers.
import type { AppServices } from '../../app/services.server.ts'
import { readCatchUp } from '../../app/domain/inventory/live-read.server.ts'
import { catchUpSchema } from '../../app/domain/live/socket-events.ts'
import { answer } from './call-guard.ts'
import type { CatchUpCache } from './catch-up-cache.ts'
import type { LiveServer, LiveSocket } from './index.ts'

/** A client needs one catch-up per (re)connect; more in parallel are refused, not queued. */
const CATCH_UPS_IN_FLIGHT = 2

export function registerInventoryHandlers(
  _io: LiveServer,
  socket: LiveSocket,
  services: AppServices,
  { cache, catchUpLimit }: { cache?: CatchUpCache; catchUpLimit?: number } = {},
) {
  answer(
    socket,
    'inventory:catch-up',
    catchUpSchema,
    async ({ since, feed: asked }) => {
      const { scope } = socket.data
      const feed = asked ?? (scope.kind === 'online' ? 'online' : 'levels')
      if (feed === 'levels' && scope.kind === 'online') return { ok: false, error: 'sign in to follow stock levels' }
      const read = () => readCatchUp({ database: services.database, scope, feed, since, limit: catchUpLimit })
      return { ok: true, data: await (cache ? cache.read({ scope, feed, since, joinedAt: socket.data.joinedAt }, read) : read()) }
    },
    { log: services.log, maxInFlight: CATCH_UPS_IN_FLIGHT },
  )
}
