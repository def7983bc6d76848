// Connection-level events: a client introduces itself and learns who the server thinks it is.
import type { AppServices } from '../../app/services.server.ts'
import { helloSchema } from '../../app/domain/live/socket-events.ts'
import { answer } from './call-guard.ts'
import type { LiveServer, LiveSocket } from './index.ts'

export function registerSystemHandlers(_io: LiveServer, socket: LiveSocket, services: AppServices) {
  answer(socket, 'system:hello', helloSchema, () => ({
    ok: true,
    data: { signedIn: socket.data.user !== null, role: socket.data.user?.role ?? null, serverTime: new Date().toISOString() },
  }), { log: services.log })
}
