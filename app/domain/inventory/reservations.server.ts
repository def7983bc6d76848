// Holds for online checkout: stock set aside at a location that fulfils online orders, with a time
// limit. Reserved stock moves only through reservations, so reserved = sum of ACTIVE holds.
// The storefront holds and releases as systemActor('storefront-checkout'); a person doing it needs
// stock access to the products, like any other stock write.
import { z } from 'zod'
import { actorUserId, systemActor, type Actor } from '../auth/permissions.server.ts'
import { InventoryRuleError, OutOfStockError } from './errors.ts'
import type { reserveSchema } from './inventory.schema.ts'
import { Prisma } from '../../generated/prisma/sqlite/client.ts'
import { applyMovement, queryRaw, stockTransaction, type LedgerContext, type StockChange, type StockDeps } from './ledger.server.ts'
import { requireStockAccess, requireSystemActor } from './stock-access.server.ts'

type ActedBy = { actor: Actor }

export interface Hold {
  reservationId: number
  productId: number
  locationId: number
  quantity: number
  expiresAt: Date
}

/**
 * Reserves every line or nothing. Each line is held at one fulfilling location (the one with the
 * most available stock); if no single location has enough, the whole checkout is refused with the
 * total available across fulfilling locations.
 */
export function reserveForCheckout(deps: StockDeps, input: z.output<typeof reserveSchema> & ActedBy): Promise<Hold[]> {
  return stockTransaction(deps, async (ctx) => {
    await requireStockAccess(ctx.tx, input.actor, input.lines.map((line) => line.productId))
    const expiresAt = new Date(ctx.now.getTime() + input.ttlMinutes * 60_000)
    const holds: Hold[] = []
    for (const line of input.lines) {
      const candidates = await queryRaw<{ locationId: unknown; available: unknown }>(
        ctx.tx,
        Prisma.sql`SELECT s."locationId", s."onHand" - s."reserved" AS "available" FROM "StockLevel" s JOIN "Location" l ON l."id" = s."locationId"
         WHERE s."productId" = ${line.productId} AND l."fulfilsOnline" = ${true} AND l."active" = ${true} ORDER BY "available" DESC, s."locationId" ASC`,
      )
      const best = candidates[0]
      const totalAvailable = candidates.reduce((sum, c) => sum + Math.max(0, Number(c.available)), 0)
      if (!best || Number(best.available) < line.quantity) {
        throw new OutOfStockError(line.productId, best ? Number(best.locationId) : 0, line.quantity, totalAvailable)
      }
      const locationId = Number(best.locationId)
      const reservation = await ctx.tx.reservation.create({
        data: { checkoutId: input.checkoutId, productId: line.productId, locationId, quantity: line.quantity, expiresAt },
        select: { id: true },
      })
      await applyMovement(ctx, {
        productId: line.productId,
        locationId,
        kind: 'RESERVE',
        onHandDelta: 0,
        reservedDelta: line.quantity,
        requireAvailable: line.quantity,
        reservationId: reservation.id,
        actorUserId: actorUserId(input.actor),
      })
      holds.push({ reservationId: reservation.id, productId: line.productId, locationId, quantity: line.quantity, expiresAt })
    }
    return holds
  })
}

/** Gives a checkout more time (e.g. while the customer is on the payment page). */
export async function extendReservations(deps: StockDeps, input: { checkoutId: string; ttlMinutes: number } & ActedBy): Promise<Date> {
  const expiresAt = new Date(Date.now() + input.ttlMinutes * 60_000)
  return deps.database.prisma.$transaction(async (tx) => {
    const where = { checkoutId: input.checkoutId, status: 'ACTIVE' as const, expiresAt: { gt: new Date() } }
    const holds = await tx.reservation.findMany({ where, select: { productId: true } })
    if (holds.length === 0) throw new InventoryRuleError('NOT_FOUND', 'no active reservation for this checkout')
    await requireStockAccess(tx, input.actor, holds.map((hold) => hold.productId))
    await tx.reservation.updateMany({ where, data: { expiresAt } })
    return expiresAt
  })
}

async function endHolds(ctx: LedgerContext, actor: Actor, where: { checkoutId?: string; ids?: number[] }, status: 'RELEASED' | 'EXPIRED', reason: string) {
  const holds = await ctx.tx.reservation.findMany({
    where: { status: 'ACTIVE', ...(where.checkoutId ? { checkoutId: where.checkoutId } : {}), ...(where.ids ? { id: { in: where.ids } } : {}) },
    select: { id: true, productId: true, locationId: true, quantity: true },
    orderBy: { id: 'asc' },
  })
  await requireStockAccess(ctx.tx, actor, holds.map((hold) => hold.productId))
  const changes: StockChange[] = []
  for (const hold of holds) {
    // Claim the hold first: a concurrent release/convert of the same hold then finds nothing to do.
    const claimed = await ctx.tx.reservation.updateMany({ where: { id: hold.id, status: 'ACTIVE' }, data: { status } })
    if (claimed.count === 0) continue
    changes.push(
      await applyMovement(ctx, {
        productId: hold.productId,
        locationId: hold.locationId,
        kind: 'RELEASE',
        onHandDelta: 0,
        reservedDelta: -hold.quantity,
        reservationId: hold.id,
        actorUserId: actorUserId(actor),
        reason,
      }),
    )
  }
  return changes
}

export function releaseReservations(deps: StockDeps, input: { checkoutId: string; reason?: string } & ActedBy): Promise<StockChange[]> {
  return stockTransaction(deps, (ctx) => endHolds(ctx, input.actor, { checkoutId: input.checkoutId }, 'RELEASED', input.reason ?? 'released'))
}

/** Releases holds whose time is up. Run by the sweeper (a system actor); safe on several instances at once. */
export async function sweepExpiredReservations(deps: StockDeps, { actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<number> {
  requireSystemActor(actor, 'sweeping reservations')
  const expired = await deps.database.prisma.reservation.findMany({
    where: { status: 'ACTIVE', expiresAt: { lte: now } },
    select: { id: true },
    take: 500,
  })
  if (expired.length === 0) return 0
  const changes = await stockTransaction(deps, (ctx) => endHolds(ctx, actor, { ids: expired.map((r) => r.id) }, 'EXPIRED', 'reservation expired'))
  return changes.length
}

/**
 * Turns a checkout's holds into sold stock inside the sale's transaction: each hold leaves both
 * on hand and reserved. Refuses if the checkout has no active, unexpired holds.
 */
export async function convertReservationsInTx(ctx: LedgerContext, input: { checkoutId: string; saleId: number; actorUserId: number | null }) {
  const holds = await ctx.tx.reservation.findMany({
    where: { checkoutId: input.checkoutId, status: 'ACTIVE', expiresAt: { gt: ctx.now } },
    select: { id: true, productId: true, locationId: true, quantity: true },
    orderBy: { id: 'asc' },
  })
  if (holds.length === 0) throw new InventoryRuleError('INVALID_STATE', 'the checkout has no active reservation (expired or already used)')
  for (const hold of holds) {
    const claimed = await ctx.tx.reservation.updateMany({ where: { id: hold.id, status: 'ACTIVE' }, data: { status: 'CONVERTED', saleId: input.saleId } })
    if (claimed.count === 0) throw new InventoryRuleError('INVALID_STATE', 'a reservation of this checkout was used meanwhile')
    await applyMovement(ctx, {
      productId: hold.productId,
      locationId: hold.locationId,
      kind: 'RESERVATION_SALE',
      onHandDelta: -hold.quantity,
      reservedDelta: -hold.quantity,
      reservationId: hold.id,
      saleId: input.saleId,
      actorUserId: input.actorUserId,
    })
  }
  return holds
}

/** Runs the sweeper every `intervalMs` until stopped. */
export function startReservationSweeper(deps: StockDeps, options: { intervalMs?: number; onError: (error: unknown) => void }) {
  const sweeper = systemActor('reservation-sweeper')
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    sweepExpiredReservations(deps, { actor: sweeper })
      .catch(options.onError)
      .finally(() => (running = false))
  }, options.intervalMs ?? 30_000)
  timer.unref()
  return () => clearInterval(timer)
}
