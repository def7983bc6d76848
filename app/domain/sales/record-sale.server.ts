// Recording a sale from any channel: prices from the catalog, VAT split, tenders attributed to
// each enterprise of a multi-vendor basket, and the stock taken — all in one transaction.
// Idempotent on the client-generated id: a retried or replayed sale is recorded exactly once.
import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { DatabaseKind } from '../../db/client.server.ts'
import { queryRaw, stockTransaction, type LedgerContext, type StockDeps } from '../inventory/ledger.server.ts'
import { convertReservationsInTx } from '../inventory/reservations.server.ts'
import { recordOfflineSaleInTx, sellInTx } from '../inventory/stock.server.ts'
import type { ChangeMap } from '../live/change-feed.server.ts'
import { saleInputSchema } from './sale.schema.ts'

export class SaleRuleError extends Error {
  constructor(
    readonly code: 'UNKNOWN_PRODUCT' | 'UNKNOWN_LOCATION' | 'TENDER_MISMATCH' | 'DISCOUNT_TOO_LARGE' | 'CHECKOUT_MISMATCH',
    message: string,
  ) {
    super(message)
    this.name = 'SaleRuleError'
  }
  toJSON() {
    return { code: this.code, message: this.message }
  }
}

export interface SaleDeps extends StockDeps {
  changes: StockDeps['changes'] & { publish(topic: 'sales:recorded', change: ChangeMap['sales:recorded']): void }
}

export interface RecordedSale {
  saleId: number
  code: string
  totalWon: number
  replayed: boolean
}

/** Korean prices include 10% VAT: the VAT inside a taxable amount. */
export function vatIncluded(taxableWon: number): number {
  return Math.round(taxableWon / 11)
}

/** Splits `amount` in proportion to `basis`, in integers that add up exactly (largest remainder). */
export function splitProportionally(amount: number, basis: readonly number[]): number[] {
  const total = basis.reduce((sum, b) => sum + b, 0)
  if (total === 0) return basis.map((_, i) => (i === 0 ? amount : 0))
  const exact = basis.map((b) => (amount * b) / total)
  const parts = exact.map(Math.floor)
  let left = amount - parts.reduce((sum, p) => sum + p, 0)
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1])
  for (const [, i] of order) {
    if (left-- <= 0) break
    parts[i]++
  }
  return parts
}

function saleCode(clientId: string, at: Date): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: '2-digit', month: '2-digit', day: '2-digit' }).format(at).replace(/-/g, '')
  const digest = createHash('sha256').update(clientId).digest('hex').slice(0, 8).toUpperCase()
  return `DM-${day}-${digest}`
}

const cast = (kind: DatabaseKind, placeholder: string, enumName: string) => (kind === 'postgresql' ? `${placeholder}::"${enumName}"` : placeholder)

interface PricedLine {
  productId: number
  enterpriseId: number
  quantity: number
  unitPriceWon: number
  discountWon: number
  lineTotalWon: number
  vatExempt: boolean
}

async function insertSaleRows(
  ctx: LedgerContext,
  sale: {
    clientId: string
    code: string
    channel: string
    locationId: number
    eventId: number | null
    deviceId: number | null
    cashierId: number | null
    registerSessionId: number | null
    fulfilment: string
    recordedOffline: boolean
    subtotalWon: number
    discountWon: number
    totalWon: number
    taxableWon: number
    vatWon: number
    exemptWon: number
    customerName: string | null
    customerPhone: string | null
    deliveryAddress: string | null
    cashReceiptId: string | null
    occurredAt: Date
  },
  lines: PricedLine[],
  tenders: { kind: string; amountWon: number; reference: string | null; voucherProgrammeId: number | null; allocations: Map<number, number> }[],
): Promise<number> {
  const k = ctx.kind
  const [row] = await queryRaw<{ id: unknown }>(
    ctx.tx,
    k,
    `INSERT INTO "Sale" ("clientId", "code", "channel", "status", "locationId", "eventId", "deviceId", "cashierId", "registerSessionId", "fulfilment",
       "recordedOffline", "subtotalWon", "discountWon", "totalWon", "taxableWon", "vatWon", "exemptWon", "customerName", "customerPhone",
       "deliveryAddress", "cashReceiptId", "occurredAt", "createdAt", "updatedAt")
     VALUES ($1, $2, ${cast(k, '$3', 'Channel')}, ${cast(k, '$4', 'SaleStatus')}, $5, $6, $7, $8, $9, ${cast(k, '$10', 'Fulfilment')},
       $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $23) RETURNING "id"`,
    sale.clientId,
    sale.code,
    sale.channel,
    'COMPLETED',
    sale.locationId,
    sale.eventId,
    sale.deviceId,
    sale.cashierId,
    sale.registerSessionId,
    sale.fulfilment,
    sale.recordedOffline,
    sale.subtotalWon,
    sale.discountWon,
    sale.totalWon,
    sale.taxableWon,
    sale.vatWon,
    sale.exemptWon,
    sale.customerName,
    sale.customerPhone,
    sale.deliveryAddress,
    sale.cashReceiptId,
    sale.occurredAt,
    ctx.now,
  )
  const saleId = Number(row.id)
  const lineValues: unknown[] = []
  const linePlaceholders = lines.map((line, i) => {
    lineValues.push(saleId, line.productId, line.enterpriseId, line.quantity, line.unitPriceWon, line.discountWon, line.lineTotalWon, line.vatExempt)
    const b = i * 8
    return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8})`
  })
  await queryRaw(
    ctx.tx,
    k,
    `INSERT INTO "SaleLine" ("saleId", "productId", "enterpriseId", "quantity", "unitPriceWon", "discountWon", "lineTotalWon", "vatExempt") VALUES ${linePlaceholders.join(', ')} RETURNING "id"`,
    ...lineValues,
  )
  for (const tender of tenders) {
    const [inserted] = await queryRaw<{ id: unknown }>(
      ctx.tx,
      k,
      `INSERT INTO "Tender" ("saleId", "kind", "amountWon", "voucherProgrammeId", "reference", "createdAt") VALUES ($1, ${cast(k, '$2', 'TenderKind')}, $3, $4, $5, $6) RETURNING "id"`,
      saleId,
      tender.kind,
      tender.amountWon,
      tender.voucherProgrammeId,
      tender.reference,
      ctx.now,
    )
    // Single-enterprise baskets need no split: the tender is the enterprise's (reported from lines).
    if (tender.allocations.size > 1) {
      const values: unknown[] = []
      const placeholders = [...tender.allocations].map(([enterpriseId, amountWon], i) => {
        values.push(Number(inserted.id), enterpriseId, amountWon)
        return `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3})`
      })
      await queryRaw(ctx.tx, k, `INSERT INTO "TenderAllocation" ("tenderId", "enterpriseId", "amountWon") VALUES ${placeholders.join(', ')} RETURNING "id"`, ...values)
    }
  }
  return saleId
}

export async function recordSale(
  deps: SaleDeps,
  rawInput: z.input<typeof saleInputSchema>,
  context: { cashierId?: number | null; deviceId?: number | null; registerSessionId?: number | null } = {},
): Promise<RecordedSale> {
  const input = saleInputSchema.parse(rawInput)
  const db = deps.database.prisma
  const existing = await db.sale.findUnique({ where: { clientId: input.clientId }, select: { id: true, code: true, totalWon: true } })
  if (existing) return { saleId: existing.id, code: existing.code, totalWon: existing.totalWon, replayed: true }

  const productIds = [...new Set(input.lines.map((l) => l.productId))]
  const [location, products] = await Promise.all([
    db.location.findUnique({ where: { id: input.locationId }, select: { kind: true } }),
    db.product.findMany({ where: { id: { in: productIds }, active: true }, select: { id: true, enterpriseId: true, priceWon: true, vatExempt: true } }),
  ])
  if (!location) throw new SaleRuleError('UNKNOWN_LOCATION', `no location ${input.locationId}`)
  const byId = new Map(products.map((p) => [p.id, p]))
  const lines: PricedLine[] = input.lines.map((line) => {
    const product = byId.get(line.productId)
    if (!product) throw new SaleRuleError('UNKNOWN_PRODUCT', `product ${line.productId} is not for sale`)
    const gross = product.priceWon * line.quantity
    if (line.discountWon > gross) throw new SaleRuleError('DISCOUNT_TOO_LARGE', `discount exceeds the line total of product ${line.productId}`)
    return { productId: product.id, enterpriseId: product.enterpriseId, quantity: line.quantity, unitPriceWon: product.priceWon, discountWon: line.discountWon, lineTotalWon: gross - line.discountWon, vatExempt: product.vatExempt }
  })
  const taxableWon = lines.filter((l) => !l.vatExempt).reduce((sum, l) => sum + l.lineTotalWon, 0)
  const exemptWon = lines.filter((l) => l.vatExempt).reduce((sum, l) => sum + l.lineTotalWon, 0)
  const totalWon = taxableWon + exemptWon
  const discountWon = lines.reduce((sum, l) => sum + l.discountWon, 0)
  const tendered = input.tenders.reduce((sum, t) => sum + t.amountWon, 0)
  if (tendered !== totalWon) throw new SaleRuleError('TENDER_MISMATCH', `tenders add up to ${tendered} won, the sale is ${totalWon} won`)

  const byEnterprise = new Map<number, number>()
  for (const line of lines) byEnterprise.set(line.enterpriseId, (byEnterprise.get(line.enterpriseId) ?? 0) + line.lineTotalWon)
  const enterprises = [...byEnterprise.keys()]
  const tenders = input.tenders.map((tender) => {
    const parts = splitProportionally(tender.amountWon, enterprises.map((e) => byEnterprise.get(e)!))
    return {
      kind: tender.kind,
      amountWon: tender.amountWon,
      reference: tender.reference ?? null,
      voucherProgrammeId: tender.voucherProgrammeId ?? null,
      allocations: new Map(enterprises.map((e, i) => [e, parts[i]])),
    }
  })
  const occurredAt = input.occurredAt ?? new Date()
  const code = saleCode(input.clientId, occurredAt)

  try {
    const saleId = await stockTransaction(deps, async (ctx) => {
      const id = await insertSaleRows(
        ctx,
        {
          clientId: input.clientId,
          code,
          channel: location.kind,
          locationId: input.locationId,
          eventId: input.eventId ?? null,
          deviceId: context.deviceId ?? null,
          cashierId: context.cashierId ?? null,
          registerSessionId: context.registerSessionId ?? null,
          fulfilment: input.fulfilment,
          recordedOffline: input.recordedOffline,
          subtotalWon: totalWon + discountWon,
          discountWon,
          totalWon,
          taxableWon,
          vatWon: vatIncluded(taxableWon),
          exemptWon,
          customerName: input.customerName ?? null,
          customerPhone: input.customerPhone ?? null,
          deliveryAddress: input.deliveryAddress ?? null,
          cashReceiptId: input.cashReceiptId ?? null,
          occurredAt,
        },
        lines,
        tenders,
      )
      const actorUserId = context.cashierId ?? null
      if (input.checkoutId) {
        const holds = await convertReservationsInTx(ctx, { checkoutId: input.checkoutId, saleId: id, actorUserId })
        const held = new Map<number, number>()
        for (const hold of holds) held.set(hold.productId, (held.get(hold.productId) ?? 0) + hold.quantity)
        const wanted = new Map<number, number>()
        for (const line of lines) wanted.set(line.productId, (wanted.get(line.productId) ?? 0) + line.quantity)
        if (held.size !== wanted.size || [...wanted].some(([p, q]) => held.get(p) !== q)) {
          throw new SaleRuleError('CHECKOUT_MISMATCH', 'the order lines differ from what the checkout reserved')
        }
      } else {
        for (const line of lines) {
          const step = { productId: line.productId, locationId: input.locationId, quantity: line.quantity, saleId: id, actorUserId }
          if (input.recordedOffline) await recordOfflineSaleInTx(ctx, step)
          else await sellInTx(ctx, step)
        }
      }
      return id
    })
    deps.changes.publish('sales:recorded', { saleId, channel: location.kind, locationId: input.locationId, totalWon, occurredAt: occurredAt.toISOString() })
    return { saleId, code, totalWon, replayed: false }
  } catch (error) {
    // Two deliveries of the same offline sale racing: the loser finds the winner's row.
    if (isUniqueViolation(error)) {
      const winner = await db.sale.findUnique({ where: { clientId: input.clientId }, select: { id: true, code: true, totalWon: true } })
      if (winner) return { saleId: winner.id, code: winner.code, totalWon: winner.totalWon, replayed: true }
    }
    throw error
  }
}

function isUniqueViolation(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ''} ${(error as Error)?.message ?? ''}`
  return /P2002|UNIQUE constraint|unique constraint|duplicate key/i.test(text)
}

