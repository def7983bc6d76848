// Sign-in with e-mail + password (organizers, vendors) and with a PIN on a paired POS device.
// Failures are counted per key and return one message whatever was wrong, so the form does not
// reveal which e-mail addresses exist.
import { z } from 'zod'
import type { Db } from '../../db/client.server.ts'
import { hashSecret, verifySecret } from './password.server.ts'
import { passwordFailures, pinFailures } from './rate-limit.server.ts'
import { createSession, endDeviceSessions, hashToken, newToken, type SessionChanges } from './session.server.ts'

export const passwordSignInSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid e-mail address').max(200),
  password: z.string().min(1, 'Enter your password').max(200),
  redirectTo: z.string().optional(),
})

export const pinSignInSchema = z.object({
  handle: z.string().trim().min(1, 'Choose who you are').max(50),
  pin: z.string().regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits'),
})

export const pairDeviceSchema = z.object({
  code: z.string().trim().toUpperCase().min(4, 'Enter the pairing code').max(64),
})

export type SignInResult =
  | { ok: true; token: string; maxAgeSeconds: number; userId: number }
  | { ok: false; reason: 'invalid' | 'rate-limited'; retryAfterSeconds?: number }

// A fixed hash to compare against when the e-mail is unknown, so both paths take as long.
const decoyHash = hashSecret('decoy-password-for-timing')

export async function signInWithPassword({
  db,
  email,
  password,
  clientAddress,
}: {
  db: Db
  email: string
  password: string
  clientAddress: string
}): Promise<SignInResult> {
  const key = `${email}|${clientAddress}`
  const wait = passwordFailures.retryAfterMs(key)
  if (wait > 0) return { ok: false, reason: 'rate-limited', retryAfterSeconds: Math.ceil(wait / 1000) }
  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, active: true, role: true } })
  const valid = await verifySecret(password, user?.passwordHash ?? (await decoyHash))
  if (!user || !user.active || !user.passwordHash || !valid || user.role === 'CASHIER') {
    passwordFailures.recordFailure(key)
    return { ok: false, reason: 'invalid' }
  }
  passwordFailures.reset(key)
  const session = await createSession({ db, userId: user.id })
  return { ok: true, userId: user.id, ...session }
}

export async function signInWithPin({
  db,
  deviceId,
  handle,
  pin,
}: {
  db: Db
  deviceId: number
  handle: string
  pin: string
}): Promise<SignInResult> {
  const key = `device:${deviceId}`
  const wait = pinFailures.retryAfterMs(key)
  if (wait > 0) return { ok: false, reason: 'rate-limited', retryAfterSeconds: Math.ceil(wait / 1000) }
  const user = await db.user.findUnique({ where: { posHandle: handle }, select: { id: true, pinHash: true, active: true } })
  if (!user || !user.active || !(await verifySecret(pin, user.pinHash))) {
    pinFailures.recordFailure(key)
    return { ok: false, reason: 'invalid' }
  }
  pinFailures.reset(key)
  const session = await createSession({ db, userId: user.id, deviceId })
  return { ok: true, userId: user.id, ...session }
}

/**
 * Exchanges a one-time pairing code for a long-lived device token (kept in the tablet's cookie).
 * The code is used up: of two tablets racing with one code, exactly one is paired. An expired code
 * pairs nothing. Re-pairing replaces the old tablet's token and ends its cashiers' sessions.
 */
export async function pairDevice({ db, changes, code }: { db: Db; changes: SessionChanges; code: string }): Promise<{ token: string; deviceId: number } | null> {
  const codeHash = hashToken(code)
  const now = new Date()
  const device = await db.posDevice.findUnique({ where: { pairingCodeHash: codeHash }, select: { id: true } })
  if (!device) return null
  const token = newToken()
  const claimed = await db.posDevice.updateMany({
    where: { id: device.id, pairingCodeHash: codeHash, pairingCodeExpiresAt: { gt: now }, active: true },
    data: { tokenHash: hashToken(token), pairingCodeHash: null, pairingCodeExpiresAt: null, registeredAt: now },
  })
  if (!claimed.count) return null
  await endDeviceSessions({ db, changes }, device.id)
  return { token, deviceId: device.id }
}

/** The cashiers who may sign in on the PIN pad. */
export function listPosCashiers(db: Db) {
  return db.user.findMany({
    where: { active: true, posHandle: { not: null }, pinHash: { not: null } },
    select: { posHandle: true, name: true, role: true, enterprise: { select: { nameKo: true, nameEn: true } } },
    orderBy: [{ role: 'asc' }, { name: 'asc' }],
  })
}
