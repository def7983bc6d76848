// Moving stock between locations: DRAFT → SENT (leaves the origin) → RECEIVED (arrives; a partial
// receipt records what arrived and keeps the difference on the line) or CANCELLED (a sent transfer
// that is cancelled goes back to the origin). Acting on a transfer needs access to every product
// on it, checked inside the operation's transaction.
import { z } from 'zod'
import { recordAudit } from '../audit/audit-log.server.ts'
import { actorUserId, type Actor } from '../auth/permissions.server.ts'
import { InventoryRuleError } from './errors.ts'
import type { createTransferSchema, receiveTransferSchema } from './inventory.schema.ts'
import { applyMovement, stockTransaction, type LedgerContext, type StockDeps } from './ledger.server.ts'
import { requireStockAccess } from './stock-access.server.ts'

type ActedBy = { actor: Actor }

export async function createTransfer(deps: StockDeps, input: z.output<typeof createTransferSchema> & ActedBy): Promise<{ transferId: number }> {
  return deps.database.prisma.$transaction(async (tx) => {
    await requireStockAccess(tx, input.actor, input.lines.map((line) => line.productId))
    const transfer = await tx.transfer.create({
      data: {
        fromLocationId: input.fromLocationId,
        toLocationId: input.toLocationId,
        note: input.note ?? null,
        createdById: actorUserId(input.actor),
        lines: { create: input.lines.map((line) => ({ productId: line.productId, quantity: line.quantity })) },
      },
      select: { id: true },
    })
    return { transferId: transfer.id }
  })
}

async function claim(ctx: LedgerContext, actor: Actor, transferId: number, from: 'DRAFT' | 'SENT' | ('DRAFT' | 'SENT')[], to: 'SENT' | 'RECEIVED' | 'CANCELLED') {
  const statuses = Array.isArray(from) ? from : [from]
  const transfer = await ctx.tx.transfer.findUnique({
    where: { id: transferId },
    select: { id: true, status: true, fromLocationId: true, toLocationId: true, lines: { select: { id: true, productId: true, quantity: true }, orderBy: { id: 'asc' } } },
  })
  if (!transfer) throw new InventoryRuleError('NOT_FOUND', `no transfer ${transferId}`)
  await requireStockAccess(ctx.tx, actor, transfer.lines.map((line) => line.productId))
  // Compare-and-set on the status: of two concurrent clicks, one wins and the other changes nothing.
  const updated = await ctx.tx.transfer.updateMany({
    where: { id: transferId, status: { in: statuses } },
    data: { status: to, ...(to === 'SENT' ? { sentAt: ctx.now } : to === 'RECEIVED' ? { receivedAt: ctx.now } : {}) },
  })
  if (updated.count === 0) throw new InventoryRuleError('INVALID_STATE', `transfer ${transferId} is ${transfer.status}, cannot become ${to}`)
  return transfer
}

/** Stock leaves the origin; refuses (OutOfStockError) if any line is not available there. */
export function sendTransfer(deps: StockDeps, input: { transferId: number } & ActedBy) {
  return stockTransaction(deps, async (ctx) => {
    const transfer = await claim(ctx, input.actor, input.transferId, 'DRAFT', 'SENT')
    for (const line of transfer.lines) {
      await applyMovement(ctx, {
        productId: line.productId,
        locationId: transfer.fromLocationId,
        kind: 'TRANSFER_OUT',
        onHandDelta: -line.quantity,
        requireAvailable: line.quantity,
        transferId: transfer.id,
        actorUserId: actorUserId(input.actor),
      })
    }
  })
}

/** Stock arrives. Lines not listed arrive in full; a short line keeps its difference on record. */
export function receiveTransfer(deps: StockDeps, input: z.output<typeof receiveTransferSchema> & ActedBy) {
  return stockTransaction(deps, async (ctx) => {
    const transfer = await claim(ctx, input.actor, input.transferId, 'SENT', 'RECEIVED')
    const received = new Map(input.lines.map((line) => [line.productId, line.receivedQuantity]))
    for (const productId of received.keys()) {
      if (!transfer.lines.some((line) => line.productId === productId)) throw new InventoryRuleError('INVALID_QUANTITY', `product ${productId} is not on this transfer`)
    }
    const shortLines: string[] = []
    for (const line of transfer.lines) {
      const arrived = received.get(line.productId) ?? line.quantity
      if (arrived > line.quantity) throw new InventoryRuleError('INVALID_QUANTITY', `more arrived than was sent for product ${line.productId}`)
      await ctx.tx.transferLine.update({ where: { id: line.id }, data: { receivedQuantity: arrived } })
      if (arrived < line.quantity) shortLines.push(`product ${line.productId}: sent ${line.quantity}, received ${arrived}`)
      if (arrived === 0) continue
      await applyMovement(ctx, {
        productId: line.productId,
        locationId: transfer.toLocationId,
        kind: 'TRANSFER_IN',
        onHandDelta: arrived,
        transferId: transfer.id,
        actorUserId: actorUserId(input.actor),
        reason: arrived < line.quantity ? `partial receipt: ${line.quantity - arrived} missing` : null,
      })
    }
    if (shortLines.length) {
      await recordAudit(ctx.tx, { actor: input.actor, action: 'transfer.received_short', entity: 'Transfer', entityId: transfer.id, detail: shortLines })
    }
  })
}

/** A draft is simply dropped; a sent transfer's stock goes back to the origin. */
export function cancelTransfer(deps: StockDeps, input: { transferId: number } & ActedBy) {
  return stockTransaction(deps, async (ctx) => {
    const transfer = await claim(ctx, input.actor, input.transferId, ['DRAFT', 'SENT'], 'CANCELLED')
    const wasSent = await ctx.tx.stockMovement.count({ where: { transferId: transfer.id, kind: 'TRANSFER_OUT' } })
    if (!wasSent) return
    for (const line of transfer.lines) {
      await applyMovement(ctx, {
        productId: line.productId,
        locationId: transfer.fromLocationId,
        kind: 'TRANSFER_IN',
        onHandDelta: line.quantity,
        transferId: transfer.id,
        actorUserId: actorUserId(input.actor),
        reason: 'transfer cancelled: back to origin',
      })
    }
  })
}
