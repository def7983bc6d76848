// Socket.IO on the same HTTP server. Sockets carry change notices and catch-up only; writes go
// through HTTP actions. With REDIS_URL set, the Redis adapter carries broadcasts between server
// instances, so a change committed through one instance reaches clients of every instance.
import type { Server as HttpServer } from 'node:http'
import { Server } from 'socket.io'
import { readCookies, SESSION_COOKIE } from '../../app/domain/auth/cookies.server.ts'
import { can } from '../../app/domain/auth/permissions.server.ts'
import { findSessionUser } from '../../app/domain/auth/session.server.ts'
import type { AppServices } from '../../app/services.server.ts'
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '../../app/domain/live/socket-events.ts'
import { registerSystemHandlers } from './system-handlers.ts'

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>

export const ROOMS = {
  admin: 'admin',
  enterprise: (id: number) => `enterprise:${id}`,
  location: (id: number) => `location:${id}`,
  online: 'online',
} as const

export async function attachSocketServer({ httpServer, services }: { httpServer: HttpServer; services: AppServices }) {
  const io: LiveServer = new Server(httpServer, {
    serveClient: false,
    // Tablets on weak mobile data: tolerate long gaps before declaring a socket dead.
    pingInterval: 20_000,
    pingTimeout: 25_000,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000 },
  })

  const redisClients: { quit(): Promise<unknown> }[] = []
  if (services.env.REDIS_URL) {
    const [{ createClient }, { createAdapter }] = await Promise.all([import('redis'), import('@socket.io/redis-adapter')])
    const pub = createClient({ url: services.env.REDIS_URL })
    const sub = pub.duplicate()
    for (const client of [pub, sub]) client.on('error', (error: unknown) => services.log.error('redis error', { error }))
    await Promise.all([pub.connect(), sub.connect()])
    io.adapter(createAdapter(pub, sub))
    redisClients.push(pub, sub)
  }

  // Who is this socket? Signed-in users (cookie session) join their rooms; anyone else only
  // the public online-availability room.
  io.use(async (socket, next) => {
    try {
      const token = readCookies(socket.handshake.headers.cookie)[SESSION_COOKIE]
      const user = await findSessionUser({ db: services.database.prisma, token })
      socket.data.user = user ? { id: user.id, role: user.role, enterpriseId: user.enterpriseId, deviceId: user.deviceId } : null
      next()
    } catch (error) {
      services.log.error('socket authentication failed', { error })
      next(new Error('authentication failed'))
    }
  })

  io.on('connection', (socket) => {
    const user = socket.data.user
    socket.join(ROOMS.online)
    if (user) {
      if (can(user, 'admin:view')) socket.join(ROOMS.admin)
      if (user.enterpriseId !== null) socket.join(ROOMS.enterprise(user.enterpriseId))
    }
    registerSystemHandlers(io, socket, services)
  })

  const unsubscribe = services.changes.subscribe('sales:recorded', (change) => {
    io.to(ROOMS.admin).emit('sales:recorded', change)
  })

  return {
    io,
    async close() {
      unsubscribe()
      io.local.disconnectSockets(true)
      io.engine.close()
      await Promise.all(redisClients.map((client) => client.quit().catch(() => {})))
    },
  }
}
