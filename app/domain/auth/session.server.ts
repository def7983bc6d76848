// Database-backed sessions: the cookie holds a random token, the database only its SHA-256, so a
// leaked database cannot be replayed as cookies. Sign-out deletes the row.
import { createHash, randomBytes } from 'node:crypto'
import type { Db } from '../../db/client.server.ts'
import type { UserRole } from '../../generated/prisma/sqlite/enums.ts'
import { readCookie, SESSION_COOKIE, serializeCookie, DEVICE_COOKIE } from './cookies.server.ts'

const WEB_SESSION_DAYS = 14
/** A cashier session ends with the market day. */
const POS_SESSION_HOURS = 12

export interface SessionUser {
  id: number
  name: string
  role: UserRole
  enterpriseId: number | null
  locale: string
  sessionId: string
  deviceId: number | null
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

export async function createSession({
  db,
  userId,
  deviceId = null,
}: {
  db: Db
  userId: number
  deviceId?: number | null
}): Promise<{ token: string; maxAgeSeconds: number }> {
  const token = newToken()
  const maxAgeSeconds = deviceId ? POS_SESSION_HOURS * 3600 : WEB_SESSION_DAYS * 86400
  await db.session.create({
    data: { id: hashToken(token), userId, deviceId, expiresAt: new Date(Date.now() + maxAgeSeconds * 1000) },
  })
  return { token, maxAgeSeconds }
}

export async function findSessionUser({ db, token }: { db: Db; token: string | undefined }): Promise<SessionUser | null> {
  if (!token) return null
  const session = await db.session.findUnique({
    where: { id: hashToken(token) },
    select: {
      id: true,
      expiresAt: true,
      deviceId: true,
      device: { select: { active: true } },
      user: { select: { id: true, name: true, role: true, enterpriseId: true, locale: true, active: true } },
    },
  })
  if (!session || session.expiresAt.getTime() <= Date.now() || !session.user.active) return null
  if (session.deviceId !== null && !session.device?.active) return null
  return { ...session.user, sessionId: session.id, deviceId: session.deviceId }
}

export function getSessionUser(request: Request, db: Db): Promise<SessionUser | null> {
  return findSessionUser({ db, token: readCookie(request, SESSION_COOKIE) })
}

type SessionChanges = { publish(topic: 'sessions:ended', change: { sessionIds: string[] }): void }

/** Ends sessions and tells the socket layer, so their open sockets close as well. */
export async function endSessions({ db, changes, sessionIds }: { db: Db; changes: SessionChanges; sessionIds: string[] }): Promise<void> {
  if (sessionIds.length === 0) return
  await db.session.deleteMany({ where: { id: { in: sessionIds } } })
  changes.publish('sessions:ended', { sessionIds })
}

export async function destroySession(request: Request, { db, changes }: { db: Db; changes: SessionChanges }): Promise<void> {
  const token = readCookie(request, SESSION_COOKIE)
  if (token) await endSessions({ db, changes, sessionIds: [hashToken(token)] })
}

export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return serializeCookie(SESSION_COOKIE, token, { secure, maxAgeSeconds })
}

export function clearSessionCookie(secure: boolean): string {
  return serializeCookie(SESSION_COOKIE, '', { secure, maxAgeSeconds: 0 })
}

export function deviceCookie(token: string, secure: boolean): string {
  // A paired tablet stays paired for a year, until an organizer revokes it.
  return serializeCookie(DEVICE_COOKIE, token, { secure, maxAgeSeconds: 365 * 86400 })
}

/** The registered POS device this browser belongs to, if any. */
export async function findDevice({ db, request }: { db: Db; request: Request }) {
  const token = readCookie(request, DEVICE_COOKIE)
  if (!token) return null
  return db.posDevice.findFirst({
    where: { tokenHash: hashToken(token), active: true },
    select: { id: true, name: true, locationId: true, location: { select: { id: true, code: true, nameKo: true, nameEn: true, kind: true } } },
  })
}
