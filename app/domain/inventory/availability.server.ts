// What the storefront may sell: available stock (on hand − reserved, never below zero) summed
// over the active locations that fulfil online orders.
import type { Db } from '../../db/client.server.ts'

export async function onlineAvailability({ db, productIds }: { db: Db; productIds?: number[] }): Promise<Map<number, number>> {
  const levels = await db.stockLevel.findMany({
    where: { location: { fulfilsOnline: true, active: true }, ...(productIds ? { productId: { in: productIds } } : {}) },
    select: { productId: true, onHand: true, reserved: true },
  })
  const available = new Map<number, number>((productIds ?? []).map((id) => [id, 0]))
  for (const level of levels) available.set(level.productId, (available.get(level.productId) ?? 0) + Math.max(0, level.onHand - level.reserved))
  return available
}
