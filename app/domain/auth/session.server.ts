// Database-backed sessions: the cookie holds a random token, the database only its SHA-256, so a
// leaked database cannot be replayed as cookies. Sign-out deletes the row. A session ends at its
// absolute expiry or after an idle spell (SESSION_IDLE_MINUTES / POS_SESSION_IDLE_MINUTES), and
// a sweeper deletes ended rows.
import { createHash, randomBytes } from 'node:crypto'
import type { Env } from '../../config/env.server.ts'
import type { Db } from '../../db/client.server.ts'
import type { UserRole } from '../../generated/prisma/sqlite/enums.ts'
import { CSRF_COOKIE, readCookie, SESSION_COOKIE, serializeCookie, DEVICE_COOKIE } from './cookies.server.ts'
import { newCsrfSeed } from './csrf.server.ts'

const WEB_SESSION_DAYS = 14
/** A cashier session ends with the market day. */
const POS_SESSION_HOURS = 12
/** lastSeenAt is written at most this often per session, so reads stay cheap. */
const TOUCH_EVERY_MS = 60_000

/** The idle limits, from the environment. */
export type SessionIdle = Pick<Env, 'SESSION_IDLE_MINUTES' | 'POS_SESSION_IDLE_MINUTES'>

function idleLimitMs(idle: SessionIdle, deviceId: number | null): number {
  return (deviceId === null ? idle.SESSION_IDLE_MINUTES : idle.POS_SESSION_IDLE_MINUTES) * 60_000
}

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

export async function findSessionUser({ db, token, idle }: { db: Db; token: string | undefined; idle: SessionIdle }): Promise<SessionUser | null> {
  if (!token) return null
  const session = await db.session.findUnique({
    where: { id: hashToken(token) },
    select: {
      id: true,
      expiresAt: true,
      lastSeenAt: true,
      deviceId: true,
      device: { select: { active: true } },
      user: { select: { id: true, name: true, role: true, enterpriseId: true, locale: true, active: true } },
    },
  })
  const now = Date.now()
  if (!session || session.expiresAt.getTime() <= now || !session.user.active) return null
  if (now - session.lastSeenAt.getTime() >= idleLimitMs(idle, session.deviceId)) return null
  if (session.deviceId !== null && !session.device?.active) return null
  if (now - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    // Conditional on the value read, so concurrent requests of one session write once.
    await db.session.updateMany({ where: { id: session.id, lastSeenAt: session.lastSeenAt }, data: { lastSeenAt: new Date(now) } })
  }
  return { ...session.user, sessionId: session.id, deviceId: session.deviceId }
}

export function getSessionUser(request: Request, services: { database: { prisma: Db }; env: SessionIdle }): Promise<SessionUser | null> {
  return findSessionUser({ db: services.database.prisma, token: readCookie(request, SESSION_COOKIE), idle: services.env })
}

export type SessionChanges = { publish(topic: 'sessions:ended', change: { sessionIds: string[] }): void }

/** Ends sessions and tells the socket layer, so their open sockets close as well. */
export async function endSessions({ db, changes, sessionIds }: { db: Db; changes: SessionChanges; sessionIds: string[] }): Promise<void> {
  if (sessionIds.length === 0) return
  await db.session.deleteMany({ where: { id: { in: sessionIds } } })
  changes.publish('sessions:ended', { sessionIds })
}

/** Ends every cashier session on a tablet (revoked, or re-paired to another tablet). */
export async function endDeviceSessions({ db, changes }: { db: Db; changes: SessionChanges }, deviceId: number): Promise<void> {
  const sessions = await db.session.findMany({ where: { deviceId }, select: { id: true } })
  await endSessions({ db, changes, sessionIds: sessions.map((session) => session.id) })
}

export async function destroySession(request: Request, { db, changes }: { db: Db; changes: SessionChanges }): Promise<void> {
  const token = readCookie(request, SESSION_COOKIE)
  if (token) await endSessions({ db, changes, sessionIds: [hashToken(token)] })
}

export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return serializeCookie(SESSION_COOKIE, token, { secure, maxAgeSeconds })
}

/**
 * The response headers of a successful sign-in. The browser's previous session ends (a planted or
 * stale session cannot live on beside the new one), and the CSRF seed is renewed, so a token
 * learned before sign-in is worthless after it.
 */
export async function signedInHeaders(
  request: Request,
  services: { database: { prisma: Db }; changes: SessionChanges; env: Pick<Env, 'COOKIE_SECURE'> },
  session: { token: string; maxAgeSeconds: number },
): Promise<Headers> {
  await destroySession(request, { db: services.database.prisma, changes: services.changes })
  const secure = services.env.COOKIE_SECURE
  const headers = new Headers()
  headers.append('Set-Cookie', sessionCookie(session.token, session.maxAgeSeconds, secure))
  headers.append('Set-Cookie', serializeCookie(CSRF_COOKIE, newCsrfSeed(), { secure }))
  return headers
}

/** Ends every session past its absolute expiry or idle limit (and closes their sockets). */
export async function sweepEndedSessions({ db, changes, idle, now = new Date() }: { db: Db; changes: SessionChanges; idle: SessionIdle; now?: Date }): Promise<number> {
  const idleSince = (deviceId: number | null) => new Date(now.getTime() - idleLimitMs(idle, deviceId))
  let ended = 0
  for (;;) {
    const batch = await db.session.findMany({
      where: {
        OR: [
          { expiresAt: { lte: now } },
          { deviceId: null, lastSeenAt: { lte: idleSince(null) } },
          { deviceId: { not: null }, lastSeenAt: { lte: idleSince(0) } },
        ],
      },
      select: { id: true },
      take: 500,
    })
    await endSessions({ db, changes, sessionIds: batch.map((session) => session.id) })
    ended += batch.length
    if (batch.length < 500) return ended
  }
}

/** Runs sweepEndedSessions every few minutes on every instance (a repeated delete is harmless). */
export function startSessionSweeper(deps: Parameters<typeof sweepEndedSessions>[0], options: { intervalMs?: number; onError: (error: unknown) => void }) {
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    sweepEndedSessions({ ...deps, now: new Date() })
      .catch(options.onError)
      .finally(() => (running = false))
  }, options.intervalMs ?? 5 * 60_000)
  timer.unref()
  return () => clearInterval(timer)
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
