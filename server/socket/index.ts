// Socket.IO on the same HTTP server. Sockets carry change notices and catch-up only; writes go
// through HTTP actions. With REDIS_URL set, the Redis adapter carries broadcasts between server
// instances, so a change committed through one instance reaches clients of every instance.
// Inventory: every instance tails the shared ledger and feeds its own sockets (docs/inventory-live.md).
import type { Server as HttpServer } from 'node:http'
import { Server, type Socket } from 'socket.io'
import { readCookies, SESSION_COOKIE } from '../../app/domain/auth/cookies.server.ts'
import { findSessionUser } from '../../app/domain/auth/session.server.ts'
import { liveScopeFor } from '../../app/domain/inventory/live-read.server.ts'
import type { AppServices } from '../../app/services.server.ts'
import type { ClientToServerEvents, ServerSideEvents, ServerToClientEvents, SocketData } from '../../app/domain/live/socket-events.ts'
import { isSameOrigin } from '../origin.ts'
import { createCallGuard, DEFAULT_CALL_LIMITS } from './call-guard.ts'
import { createCatchUpCache } from './catch-up-cache.ts'
import { clientAddress } from './client-address.ts'
import { registerInventoryHandlers } from './inventory-handlers.ts'
import { startInventoryTailer } from './inventory-tailer.ts'
import { ROOMS, roomsFor } from './rooms.ts'
import { registerSystemHandlers } from './system-handlers.ts'

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, ServerSideEvents, SocketData>
export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, ServerSideEvents, SocketData>

export { ROOMS }

export async function attachSocketServer({ httpServer, services }: { httpServer: HttpServer; services: AppServices }) {
  const io: LiveServer = new Server(httpServer, {
    serveClient: false,
    // Tablets on weak mobile data: tolerate long gaps before declaring a socket dead.
    pingInterval: 20_000,
    pingTimeout: 25_000,
    // No connectionStateRecovery: a recovered socket skips the middleware below and gets its old
    // rooms back, so a session signed out (or a tablet revoked) while its socket was disconnected
    // would regain its scope. Every (re)connection is judged on the session as it is now; the
    // ledger catch-up (and the dashboard's reload on reconnect) covers what was missed.
    // A page of another site may not open a socket with our cookies (no Origin: not a browser).
    allowRequest: (req, callback) => callback(null, req.headers.origin === undefined || isSameOrigin(req.headers.origin, req.headers.host) === true),
  })
  const guard = createCallGuard({ ...DEFAULT_CALL_LIMITS, connectionsPerAddress: services.env.SOCKET_CONNECTIONS_PER_ADDRESS })
  const catchUps = createCatchUpCache()

  const redisClients: { quit(): Promise<unknown> }[] = []
  if (services.env.REDIS_URL) {
    const [{ createClient }, { createAdapter }] = await Promise.all([import('redis'), import('@socket.io/redis-adapter')])
    const pub = createClient({ url: services.env.REDIS_URL })
    const sub = pub.duplicate()
    for (const client of [pub, sub]) client.on('error', (error: unknown) => services.log.error('redis error', { error }))
    await Promise.all([pub.connect(), sub.connect()])
    // A per-deployment key keeps separate deployments (or test runs) sharing one Redis apart.
    io.adapter(createAdapter(pub, sub, { key: services.env.SOCKET_REDIS_KEY }))
    redisClients.push(pub, sub)
  }

  // Who is this socket, and what may it watch? Decided once here from the cookie session: a paired
  // POS device its location, an organizer everything, a vendor its enterprise, anyone else only
  // the public online availability.
  io.use(async (socket, next) => {
    try {
      const refused = await guard.admit(clientAddress(socket.request, services.env.TRUST_PROXY))
      if (refused) return next(new Error(refused))
      const token = readCookies(socket.handshake.headers.cookie)[SESSION_COOKIE]
      const user = await findSessionUser({ db: services.database.prisma, token, idle: services.env })
      socket.data.user = user ? { id: user.id, role: user.role, enterpriseId: user.enterpriseId, deviceId: user.deviceId, sessionId: user.sessionId } : null
      socket.data.scope = await liveScopeFor({ db: services.database.prisma, user })
      next()
    } catch (error) {
      services.log.error('socket authentication failed', { error })
      next(new Error('authentication failed'))
    }
  })

  io.on('connection', (socket) => {
    // Joined before the client can send anything, so a catch-up never misses a live event.
    socket.join(roomsFor(socket.data.scope))
    if (socket.data.user) socket.join(ROOMS.session(socket.data.user.sessionId))
    socket.data.joinedAt = catchUps.now()
    guard.watch(socket, clientAddress(socket.request, services.env.TRUST_PROXY), services.log)
    registerSystemHandlers(io, socket, services)
    registerInventoryHandlers(io, socket, services, { cache: catchUps })
  })

  const tailer = await startInventoryTailer({
    io,
    services,
    announce: services.env.REDIS_URL ? (seq) => io.serverSideEmit('inventory:advanced', seq) : undefined,
    safetyTickMs: services.env.LIVE_SAFETY_TICK_MS,
  })

  const unsubscribe = services.changes.subscribe('sales:recorded', (change) => {
    io.to(ROOMS.admin).emit('sales:recorded', change)
  })
  // A signed-out session or a revoked tablet must stop receiving at once, on every instance.
  const unsubscribeSessions = services.changes.subscribe('sessions:ended', ({ sessionIds }) => {
    io.in(sessionIds.map(ROOMS.session)).disconnectSockets(true)
  })

  return {
    io,
    async close() {
      unsubscribe()
      unsubscribeSessions()
      await tailer.stop()
      io.local.disconnectSockets(true)
      io.engine.close()
      await Promise.all(redisClients.map((client) => client.quit().catch(() => {})))
    },
  }
}
