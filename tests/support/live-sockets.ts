// Socket.IO clients for tests of live inventory: typed sockets with the cookies a browser would
// send, sessions for each kind of viewer, and small waiting helpers.
import { io as connect, type Socket } from 'socket.io-client'
import type { Db } from '../../app/db/client.server.ts'
import { SESSION_COOKIE } from '../../app/domain/auth/cookies.server.ts'
import { createSession } from '../../app/domain/auth/session.server.ts'
import type { ClientToServerEvents, ServerToClientEvents } from '../../app/domain/live/socket-events.ts'

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>

export class SocketPool {
  readonly sockets: TestSocket[] = []

  /** A connected socket (no automatic reconnection: tests reconnect by hand). */
  async open(url: string, cookie?: string, headers: Record<string, string> = {}): Promise<TestSocket> {
    const socket: TestSocket = connect(url, { transports: ['websocket'], extraHeaders: { ...headers, ...(cookie ? { cookie } : {}) }, reconnection: false, forceNew: true })
    this.sockets.push(socket)
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve())
      socket.once('connect_error', reject)
    })
    return socket
  }

  closeAll() {
    for (const socket of this.sockets.splice(0)) socket.close()
  }
}

/** Everything a socket receives on one event, in arrival order. */
export function collect<E extends 'inventory:changed' | 'inventory:online'>(socket: TestSocket, event: E): Parameters<ServerToClientEvents[E]>[0][] {
  const seen: Parameters<ServerToClientEvents[E]>[0][] = []
  socket.on(event as 'inventory:changed', (payload) => void seen.push(payload as Parameters<ServerToClientEvents[E]>[0]))
  return seen
}

/** Waits until `check` returns true (polling), or fails naming what it waited for. */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** A round trip on the socket: everything the server sent it before has arrived. */
export async function roundTrip(socket: TestSocket) {
  await socket.emitWithAck('system:hello', { client: 'test' })
}

export async function sessionCookie(db: Db, user: { userId: number; deviceId?: number | null }) {
  const { token } = await createSession({ db, userId: user.userId, deviceId: user.deviceId ?? null })
  return `${SESSION_COOKIE}=${token}`
}

export async function organizerCookie(db: Db) {
  const organizer = await db.user.findFirstOrThrow({ where: { role: 'ORGANIZER', active: true }, select: { id: true } })
  return sessionCookie(db, { userId: organizer.id })
}
