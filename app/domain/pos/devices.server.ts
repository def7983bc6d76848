// POS tablets: organizers register a tablet for a location, hand it a one-time pairing code, and
// can revoke it (its device cookie and cashier sessions stop working at once).
import { randomInt } from 'node:crypto'
import { z } from 'zod'
import type { Db } from '../../db/client.server.ts'
import { recordAudit } from '../audit/audit-log.server.ts'
import type { Actor } from '../auth/permissions.server.ts'
import { endDeviceSessions, hashToken, type SessionChanges } from '../auth/session.server.ts'

/** Who asks, for the audit row written in the same transaction as the change. */
export interface DeviceAudit {
  actor: Actor
  requestId?: string | null
}

export const createDeviceSchema = z.object({
  name: z.string().trim().min(2, 'Name the tablet').max(60),
  locationId: z.coerce.number().int().positive('Choose a location'),
})

export const deviceIdSchema = z.object({ deviceId: z.coerce.number().int().positive() })

// No 0/O or 1/I: the code is read off one screen and typed on another.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** A code is read off the organizer's screen and typed on the tablet within minutes. */
export const PAIRING_CODE_TTL_MS = 15 * 60_000

function pairingCodeExpiry(): Date {
  return new Date(Date.now() + PAIRING_CODE_TTL_MS)
}

function newPairingCode(): string {
  const part = () => Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')
  return `${part()}-${part()}`
}

export function listDevices(db: Db) {
  return db.posDevice.findMany({
    select: {
      id: true,
      name: true,
      active: true,
      registeredAt: true,
      pairingCodeHash: true,
      pairingCodeExpiresAt: true,
      location: { select: { code: true, nameKo: true, nameEn: true } },
      _count: { select: { sessions: true } },
    },
    orderBy: [{ active: 'desc' }, { id: 'asc' }],
  })
}

export async function createDevice(db: Db, input: z.output<typeof createDeviceSchema>, audit: DeviceAudit): Promise<{ deviceId: number; pairingCode: string }> {
  const pairingCode = newPairingCode()
  return db.$transaction(async (tx) => {
    const device = await tx.posDevice.create({
      data: { name: input.name, locationId: input.locationId, pairingCodeHash: hashToken(pairingCode), pairingCodeExpiresAt: pairingCodeExpiry() },
      select: { id: true },
    })
    await recordAudit(tx, { ...audit, action: 'device.created', entity: 'PosDevice', entityId: device.id })
    return { deviceId: device.id, pairingCode }
  })
}

/** A fresh code for re-pairing (e.g. a replaced tablet). The code is shown once, stored hashed. */
export async function issuePairingCode(db: Db, deviceId: number, audit: DeviceAudit): Promise<string | null> {
  const pairingCode = newPairingCode()
  return db.$transaction(async (tx) => {
    const updated = await tx.posDevice.updateMany({ where: { id: deviceId, active: true }, data: { pairingCodeHash: hashToken(pairingCode), pairingCodeExpiresAt: pairingCodeExpiry() } })
    if (!updated.count) return null
    await recordAudit(tx, { ...audit, action: 'device.pairing_code_issued', entity: 'PosDevice', entityId: deviceId })
    return pairingCode
  })
}

/** Stops a tablet: its device token, pairing code, every session on it and their sockets. */
export async function revokeDevice({ db, changes }: { db: Db; changes: SessionChanges }, deviceId: number, audit: DeviceAudit): Promise<boolean> {
  const updated = await db.$transaction(async (tx) => {
    const revoked = await tx.posDevice.updateMany({
      where: { id: deviceId, active: true },
      data: { active: false, tokenHash: null, pairingCodeHash: null, pairingCodeExpiresAt: null },
    })
    if (revoked.count) await recordAudit(tx, { ...audit, action: 'device.revoked', entity: 'PosDevice', entityId: deviceId })
    return revoked
  })
  // Ending the sessions publishes to sockets, so it runs after the commit (an inactive device's sessions no longer work anyway).
  await endDeviceSessions({ db, changes }, deviceId)
  return updated.count > 0
}
