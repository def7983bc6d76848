// Stock operations at one location: receive, adjust, return/write off, resolve shortfalls, and the
// per-line step of an offline sale (an in-person sale's stock step is in sales/record-sale).
// Each public operation is one transaction through stockTransaction(), and refuses (FORBIDDEN)
// inside it what its actor may not touch, before anything is written.
import { z } from 'zod'
import { actorUserId, type Actor } from '../auth/permissions.server.ts'
import { InventoryRuleError } from './errors.ts'
import type { adjustSchema, receiveSchema, resolveShortfallSchema, returnSchema } from './inventory.schema.ts'
import { Prisma } from '../../generated/prisma/sqlite/client.ts'
import { applyMovement, queryRaw, stockTransaction, type LedgerContext, type StockChange, type StockDeps } from './ledger.server.ts'
import { requireStockAccess } from './stock-access.server.ts'

type ActedBy = { actor: Actor }

export function receiveStock(deps: StockDeps, input: z.output<typeof receiveSchema> & ActedBy): Promise<StockChange> {
  return stockTransaction(deps, async (ctx) => {
    await requireStockAccess(ctx.tx, input.actor, [input.productId])
    return applyMovement(ctx, {
      productId: input.productId,
      locationId: input.locationId,
      kind: 'RECEIVE',
      onHandDelta: input.quantity,
      reason: input.reason ?? null,
      actorUserId: actorUserId(input.actor),
    })
  })
}

/** A counted correction. Down-adjustments cannot take stock that is reserved for online orders. */
export function adjustStock(deps: StockDeps, input: z.output<typeof adjustSchema> & ActedBy): Promise<StockChange> {
  return stockTransaction(deps, async (ctx) => {
    await requireStockAccess(ctx.tx, input.actor, [input.productId])
    return applyMovement(ctx, {
      productId: input.productId,
      locationId: input.locationId,
      kind: 'ADJUST',
      onHandDelta: input.delta,
      requireAvailable: input.delta < 0 ? -input.delta : undefined,
      reason: input.reason,
      actorUserId: actorUserId(input.actor),
    })
  })
}

/** A customer return: back on the shelf, or recorded and written off as damaged (no stock change). */
export function returnStock(deps: StockDeps, input: z.output<typeof returnSchema> & ActedBy): Promise<StockChange> {
  return stockTransaction(deps, async (ctx) => {
    await requireStockAccess(ctx.tx, input.actor, [input.productId])
    return returnStockInTx(ctx, input)
  })
}

/** The stock step of a return inside a larger operation (a refund), which authorises its actor itself. */
export function returnStockInTx(ctx: LedgerContext, input: z.output<typeof returnSchema> & ActedBy): Promise<StockChange> {
  const restock = input.disposition === 'RESTOCK'
  return applyMovement(ctx, {
    productId: input.productId,
    locationId: input.locationId,
    kind: restock ? 'RETURN_RESTOCK' : 'RETURN_WRITE_OFF',
    onHandDelta: restock ? input.quantity : 0,
    reason: input.reason ?? (restock ? null : `${input.quantity} damaged, written off`),
    actorUserId: actorUserId(input.actor),
    saleId: input.saleId ?? null,
    refundId: input.refundId ?? null,
  })
}

/**
 * Records a sale that already happened offline. Never refused: the goods are gone. The ledger
 * gives what is available at that location (never below zero); any excess is written as an
 * OFFLINE_SHORTFALL movement flagged for the vendor and organizers to resolve.
 */
export async function recordOfflineSaleInTx(
  ctx: LedgerContext,
  line: { productId: number; locationId: number; quantity: number; saleId: number; actorUserId: number | null },
): Promise<StockChange[]> {
  const rows = await queryRaw<{ onHand: unknown; reserved: unknown }>(
    ctx.tx,
    Prisma.sql`SELECT "onHand", "reserved" FROM "StockLevel" WHERE "productId" = ${line.productId} AND "locationId" = ${line.locationId}`,
  )
  // Units held for online orders stay held: the ledger cannot know which physical units went.
  const onHand = rows[0] ? Number(rows[0].onHand) - Number(rows[0].reserved) : 0
  const taken = Math.min(line.quantity, onHand)
  const shortfall = line.quantity - taken
  const changes: StockChange[] = []
  if (taken > 0) {
    changes.push(
      await applyMovement(ctx, {
        productId: line.productId,
        locationId: line.locationId,
        kind: 'SALE',
        onHandDelta: -taken,
        saleId: line.saleId,
        actorUserId: line.actorUserId,
        reason: 'offline sale',
      }),
    )
  }
  if (shortfall > 0) {
    changes.push(
      await applyMovement(ctx, {
        productId: line.productId,
        locationId: line.locationId,
        kind: 'OFFLINE_SHORTFALL',
        onHandDelta: 0,
        shortfall,
        needsReview: true,
        saleId: line.saleId,
        actorUserId: line.actorUserId,
        reason: `offline sale sold ${shortfall} more than the ledger held (${onHand})`,
      }),
    )
  }
  return changes
}

/** Marks a flagged shortfall as dealt with (e.g. recounted, stock received late). */
export async function resolveShortfall(
  deps: StockDeps,
  input: z.output<typeof resolveShortfallSchema> & ActedBy,
): Promise<void> {
  await deps.database.prisma.$transaction(async (tx) => {
    const movement = await tx.stockMovement.findUnique({ where: { id: input.movementId }, select: { needsReview: true, productId: true } })
    if (!movement || !movement.needsReview) throw new InventoryRuleError('NOT_FOUND', 'no flagged shortfall with that id')
    await requireStockAccess(tx, input.actor, [movement.productId])
    const updated = await tx.stockMovement.updateMany({
      where: { id: input.movementId, resolvedAt: null },
      data: { resolvedAt: new Date(), resolvedById: actorUserId(input.actor), resolution: input.resolution },
    })
    if (updated.count === 0) throw new InventoryRuleError('INVALID_STATE', 'this shortfall is already resolved')
  })
}
