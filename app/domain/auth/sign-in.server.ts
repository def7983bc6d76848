// Sign-in with e-mail + password (organizers, vendors) and with a PIN on a paired POS device.
// Failures return one message whatever was wrong, so the form does not reveal which e-mail
// addresses exist. Guessing is braked per account, per client address and per tablet (the
// app's SignInBrakes), and a cashier's PIN locks after repeated failures on any tablet.
import { z } from 'zod'
import type { Db } from '../../db/client.server.ts'
import { hashSecret, verifySecret } from './password.server.ts'
import { recordAudit } from '../audit/audit-log.server.ts'
import { can, forbidden, type Actor } from './permissions.server.ts'
import type { SignInBrakes } from './rate-limit.server.ts'
import { createSession, endDeviceSessions, hashToken, newToken, type SessionChanges, type SessionUser } from './session.server.ts'

export const passwordSignInSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid e-mail address').max(200),
  password: z.string().min(1, 'Enter your password').max(200),
  redirectTo: z.string().optional(),
})

// Existing PINs may be 4 digits; new ones must be at least 6 (newPinSchema).
export const pinSignInSchema = z.object({
  handle: z.string().trim().min(1, 'Choose who you are').max(50),
  pin: z.string().regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits'),
})

export const newPinSchema = z.string().regex(/^\d{6,8}$/, 'A new PIN is 6 to 8 digits')

/** The stored hash of a new PIN; refuses PINs shorter than 6 digits. */
export async function hashNewPin(pin: string): Promise<string> {
  return hashSecret(newPinSchema.parse(pin))
}

export const pairDeviceSchema = z.object({
  code: z.string().trim().toUpperCase().min(4, 'Enter the pairing code').max(64),
})

/** Wrong PINs in a row (on any tablet) after which a cashier's PIN locks until an organizer unlocks it. */
export const PIN_LOCK_AFTER = 10

export type SignInResult =
  | { ok: true; token: string; maxAgeSeconds: number; userId: number }
  | { ok: false; reason: 'invalid' | 'rate-limited' | 'locked'; retryAfterSeconds?: number }

// A fixed hash to compare against when the e-mail is unknown, so both paths take as long.
const decoyHash = hashSecret('decoy-password-for-timing')

export async function signInWithPassword({
  db,
  brakes,
  email,
  password,
  clientAddress,
}: {
  db: Db
  brakes: SignInBrakes
  email: string
  password: string
  clientAddress: string
}): Promise<SignInResult> {
  const keys = { passwordAccountAddress: `${email}|${clientAddress}`, passwordAccount: email, passwordAddress: clientAddress }
  const wait = await brakes.attempt(keys)
  if (wait > 0) return { ok: false, reason: 'rate-limited', retryAfterSeconds: wait }
  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, active: true, role: true } })
  const valid = await verifySecret(password, user?.passwordHash ?? (await decoyHash))
  if (!user || !user.active || !user.passwordHash || !valid || user.role === 'CASHIER') return { ok: false, reason: 'invalid' }
  // Only this person's own typos are forgiven; the account's and the address's counts run out in time.
  await brakes.succeeded(keys, ['passwordAccountAddress'])
  const session = await createSession({ db, userId: user.id })
  return { ok: true, userId: user.id, ...session }
}

export async function signInWithPin({
  db,
  brakes,
  deviceId,
  handle,
  pin,
}: {
  db: Db
  brakes: SignInBrakes
  deviceId: number
  handle: string
  pin: string
}): Promise<SignInResult> {
  const keys = { pinDevice: `device:${deviceId}` }
  const wait = await brakes.attempt(keys)
  if (wait > 0) return { ok: false, reason: 'rate-limited', retryAfterSeconds: wait }
  const user = await db.user.findUnique({ where: { posHandle: handle }, select: { id: true, pinHash: true, active: true } })
  if (!user || !user.active || !user.pinHash) {
    await verifySecret(pin, await decoyHash)
    return { ok: false, reason: 'invalid' }
  }
  // The attempt is counted on the cashier BEFORE the PIN is checked, in one conditional update, so
  // parallel guesses cannot get past the limit; a locked PIN is not checked at all.
  const reserved = await db.user.updateMany({
    where: { id: user.id, pinLockedAt: null, pinFailures: { lt: PIN_LOCK_AFTER } },
    data: { pinFailures: { increment: 1 } },
  })
  if (reserved.count === 0) return { ok: false, reason: 'locked' }
  if (!(await verifySecret(pin, user.pinHash))) {
    const locked = await db.user.updateMany({
      where: { id: user.id, pinLockedAt: null, pinFailures: { gte: PIN_LOCK_AFTER } },
      data: { pinLockedAt: new Date() },
    })
    return { ok: false, reason: locked.count ? 'locked' : 'invalid' }
  }
  // A success clears this cashier's count only: the tablet's count of wrong PINs stands.
  await db.user.update({ where: { id: user.id }, data: { pinFailures: 0 } })
  await brakes.succeeded(keys)
  const session = await createSession({ db, userId: user.id, deviceId })
  return { ok: true, userId: user.id, ...session }
}

/** Cashiers whose PIN is locked after repeated failures. */
export function listLockedCashiers(db: Db) {
  return db.user.findMany({
    where: { pinLockedAt: { not: null } },
    select: { id: true, name: true, posHandle: true, pinLockedAt: true },
    orderBy: { pinLockedAt: 'asc' },
  })
}

export const unlockCashierSchema = z.object({ userId: z.coerce.number().int().positive() })

/** An organizer lets a locked cashier use their PIN again. False when that user's PIN was not locked. */
export async function unlockCashierPin({
  db,
  actor,
  userId,
  audit,
}: {
  db: Db
  actor: Pick<SessionUser, 'role'>
  userId: number
  audit: { actor: Actor; requestId?: string | null }
}): Promise<boolean> {
  if (!can(actor, 'devices:manage')) forbidden()
  return db.$transaction(async (tx) => {
    const unlocked = await tx.user.updateMany({ where: { id: userId, pinLockedAt: { not: null } }, data: { pinLockedAt: null, pinFailures: 0 } })
    if (unlocked.count === 0) return false
    await recordAudit(tx, { ...audit, action: 'user.pin_unlocked', entity: 'User', entityId: userId })
    return true
  })
}

/**
 * Exchanges a one-time pairing code for a long-lived device token (kept in the tablet's cookie).
 * The code is used up: of two tablets racing with one code, exactly one is paired. An expired code
 * pairs nothing. Re-pairing replaces the old tablet's token and ends its cashiers' sessions.
 * Wrong codes are braked per client address and in total.
 */
export async function pairDevice({
  db,
  brakes,
  changes,
  code,
  clientAddress,
}: {
  db: Db
  brakes: SignInBrakes
  changes: SessionChanges
  code: string
  clientAddress: string
}): Promise<{ ok: true; token: string; deviceId: number } | { ok: false; reason: 'invalid' | 'rate-limited'; retryAfterSeconds?: number }> {
  const keys = { pairingAddress: clientAddress, pairingAll: 'all' }
  const wait = await brakes.attempt(keys)
  if (wait > 0) return { ok: false, reason: 'rate-limited', retryAfterSeconds: wait }
  const codeHash = hashToken(code)
  const now = new Date()
  const device = await db.posDevice.findUnique({ where: { pairingCodeHash: codeHash }, select: { id: true } })
  if (!device) return { ok: false, reason: 'invalid' }
  const token = newToken()
  const claimed = await db.posDevice.updateMany({
    where: { id: device.id, pairingCodeHash: codeHash, pairingCodeExpiresAt: { gt: now }, active: true },
    data: { tokenHash: hashToken(token), pairingCodeHash: null, pairingCodeExpiresAt: null, registeredAt: now },
  })
  if (!claimed.count) return { ok: false, reason: 'invalid' }
  await brakes.succeeded(keys)
  await endDeviceSessions({ db, changes }, device.id)
  return { ok: true, token, deviceId: device.id }
}

/** The cashiers who may sign in on the PIN pad. */
export function listPosCashiers(db: Db) {
  return db.user.findMany({
    where: { active: true, posHandle: { not: null }, pinHash: { not: null } },
    select: { posHandle: true, name: true, role: true, enterprise: { select: { nameKo: true, nameEn: true } } },
    orderBy: [{ role: 'asc' }, { name: 'asc' }],
  })
}
