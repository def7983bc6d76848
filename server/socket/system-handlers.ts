// Connection-level events: a client introduces itself and learns who the server thinks it is.
import type { Socket } from 'socket.io'
import type { AppServices } from '../../app/services.server.ts'
import { helloSchema, type ClientToServerEvents, type ServerToClientEvents, type SocketData } from '../../app/domain/live/socket-events.ts'
import type { LiveServer } from './index.ts'

type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>

export function registerSystemHandlers(_io: LiveServer, socket: LiveSocket, _services: AppServices) {
  socket.on('system:hello', (payload, ack) => {
    if (typeof ack !== 'function') return
    const parsed = helloSchema.safeParse(payload)
    if (!parsed.success) return ack({ ok: false, error: `invalid payload: ${parsed.error.issues[0]?.message ?? 'unknown'}` })
    ack({
      ok: true,
      data: { signedIn: socket.data.user !== null, role: socket.data.user?.role ?? null, serverTime: new Date().toISOString() },
    })
  })
}
