// The ledger invariant, checked over the whole database: for every (product, location)
//   on hand  = sum of the movements' onHandDelta,
//   reserved = sum of the movements' reservedDelta = sum of ACTIVE reservations,
// and the last movement's "after" columns equal the level. Any mismatch is a bug or tampering.
import type { Db } from '../../db/client.server.ts'

export interface Mismatch {
  productId: number
  locationId: number
  problem: string
}

export async function verifyInventory({ db }: { db: Db }): Promise<Mismatch[]> {
  const [levels, sums, holds, lastMovements] = await Promise.all([
    db.stockLevel.findMany({ select: { productId: true, locationId: true, onHand: true, reserved: true } }),
    db.stockMovement.groupBy({ by: ['productId', 'locationId'], _sum: { onHandDelta: true, reservedDelta: true }, _max: { id: true } }),
    db.reservation.groupBy({ by: ['productId', 'locationId'], where: { status: 'ACTIVE' }, _sum: { quantity: true } }),
    db.$queryRawUnsafe<{ productId: unknown; locationId: unknown; onHandAfter: unknown; reservedAfter: unknown }[]>(
      `SELECT m."productId", m."locationId", m."onHandAfter", m."reservedAfter" FROM "StockMovement" m
       WHERE m."id" = (SELECT MAX(m2."id") FROM "StockMovement" m2 WHERE m2."productId" = m."productId" AND m2."locationId" = m."locationId")`,
    ),
  ])
  const key = (p: number | unknown, l: number | unknown) => `${Number(p)}:${Number(l)}`
  const ledger = new Map(sums.map((s) => [key(s.productId, s.locationId), s]))
  const held = new Map(holds.map((h) => [key(h.productId, h.locationId), h._sum.quantity ?? 0]))
  const last = new Map(lastMovements.map((m) => [key(m.productId, m.locationId), { onHand: Number(m.onHandAfter), reserved: Number(m.reservedAfter) }]))
  const mismatches: Mismatch[] = []
  const seen = new Set<string>()
  for (const level of levels) {
    const k = key(level.productId, level.locationId)
    seen.add(k)
    const sum = ledger.get(k)
    const onHandSum = sum?._sum.onHandDelta ?? 0
    const reservedSum = sum?._sum.reservedDelta ?? 0
    const at = { productId: level.productId, locationId: level.locationId }
    if (onHandSum !== level.onHand) mismatches.push({ ...at, problem: `on hand ${level.onHand} ≠ ledger sum ${onHandSum}` })
    if (reservedSum !== level.reserved) mismatches.push({ ...at, problem: `reserved ${level.reserved} ≠ ledger sum ${reservedSum}` })
    if ((held.get(k) ?? 0) !== level.reserved) mismatches.push({ ...at, problem: `reserved ${level.reserved} ≠ active reservations ${held.get(k) ?? 0}` })
    const latest = last.get(k)
    if (latest && (latest.onHand !== level.onHand || latest.reserved !== level.reserved)) {
      mismatches.push({ ...at, problem: `level ${level.onHand}/${level.reserved} ≠ last movement's ${latest.onHand}/${latest.reserved}` })
    }
  }
  for (const [k, sum] of ledger) {
    if (!seen.has(k)) mismatches.push({ productId: sum.productId, locationId: sum.locationId, problem: 'movements without a stock level' })
  }
  for (const [k, quantity] of held) {
    if (!seen.has(k)) {
      const [productId, locationId] = k.split(':').map(Number)
      mismatches.push({ productId, locationId, problem: `${quantity} reserved without a stock level` })
    }
  }
  return mismatches
}
