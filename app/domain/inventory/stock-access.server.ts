// The scope check every stock write makes inside its own transaction: the actor may manage the
// goods it touches (the rule itself is actorMay in auth/permissions.server.ts). Routes may check
// first for friendlier forms; this is the check no caller can forget.
import { actorMay, type Actor, type Permission } from '../auth/permissions.server.ts'
import { InventoryRuleError } from './errors.ts'
import type { Tx } from './ledger.server.ts'

/** Refuses (FORBIDDEN) unless the actor may do `permission` on every product; NOT_FOUND for an unknown one. */
export async function requireStockAccess(tx: Tx, actor: Actor, productIds: number[], permission: Permission = 'stock:manage'): Promise<void> {
  // System work (checkout holds, the sweeper, the seed) may touch any enterprise's goods.
  if (actor.kind === 'system') return
  if (!actorMay(actor, permission)) throw new InventoryRuleError('FORBIDDEN', `not allowed to ${permission}`)
  const ids = [...new Set(productIds)]
  const products = await tx.product.findMany({ where: { id: { in: ids } }, select: { enterpriseId: true } })
  if (products.length !== ids.length) throw new InventoryRuleError('NOT_FOUND', 'unknown product')
  if (!actorMay(actor, permission, products.map((product) => product.enterpriseId))) throw new InventoryRuleError('FORBIDDEN', 'not your enterprise’s product')
}

/** For work only the system does (e.g. the reservation sweeper). */
export function requireSystemActor(actor: Actor, what: string): void {
  if (actor.kind !== 'system') throw new InventoryRuleError('FORBIDDEN', `${what} is system work`)
}
