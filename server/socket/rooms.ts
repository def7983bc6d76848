// Socket.IO room names, and the rooms a connection's scope puts it in.
import type { LiveScope } from '../../app/domain/live/socket-events.ts'

export const ROOMS = {
  admin: 'admin',
  enterprise: (id: number) => `enterprise:${id}`,
  location: (id: number) => `location:${id}`,
  online: 'online',
  /** Every socket of one sign-in, so ending the session can close them (on every instance). */
  session: (sessionId: string) => `session:${sessionId}`,
} as const

/** Every socket follows public online availability; signed-in scopes add their own room. */
export function roomsFor(scope: LiveScope): string[] {
  switch (scope.kind) {
    case 'admin':
      return [ROOMS.online, ROOMS.admin]
    case 'enterprise':
      return [ROOMS.online, ROOMS.enterprise(scope.enterpriseId)]
    case 'location':
      return [ROOMS.online, ROOMS.location(scope.locationId)]
    case 'online':
      return [ROOMS.online]
  }
}

/** The room of a signed-in scope: the tailer emits a level change to its audience's rooms. */
export function scopeRoom(scope: Exclude<LiveScope, { kind: 'online' }>): string {
  return roomsFor(scope).find((room) => room !== ROOMS.online)!
}
