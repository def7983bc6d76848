// Recording a sale from any channel: prices from the catalog, VAT split, tenders attributed to
// each enterprise of a multi-vendor basket, and the stock taken — all in one transaction.
// Idempotent on the client-generated id: a retried or replayed sale is recorded exactly once.
import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { DatabaseKind } from '../../db/client.server.ts'
import type { Prisma } from '../../generated/prisma/sqlite/client.ts'
import type { Channel } from '../../generated/prisma/sqlite/enums.ts'
import { InventoryRuleError, OutOfStockError } from '../inventory/errors.ts'
import { PG_STOCK_LOCK_KEY, queryRaw, stockTransaction, type StockChange, type StockDeps, type Tx } from '../inventory/ledger.server.ts'
import { convertReservationsInTx } from '../inventory/reservations.server.ts'
import { recordOfflineSaleInTx } from '../inventory/stock.server.ts'
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

const seoulDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: '2-digit', month: '2-digit', day: '2-digit' })

function saleCode(clientId: string, at: Date): string {
  const day = seoulDay.format(at).replace(/-/g, '')
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

interface SaleRow {
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
}

interface TenderRow {
  kind: string
  amountWon: number
  reference: string | null
  voucherProgrammeId: number | null
  allocations: Map<number, number>
}

type RawClient = Pick<Tx, '$queryRawUnsafe'>
const SALE_ID_OF = (placeholder: string) => `(SELECT "id" FROM "Sale" WHERE "clientId" = ${placeholder})`

/**
 * The statements that write a sale's own rows. Child rows find the sale by its unique client id,
 * so the statements need nothing from each other's results and can run as one batch.
 * `skipIfRecorded`: the Sale insert does nothing for a known client id (the caller checks).
 */
function saleStatements(client: RawClient, k: DatabaseKind, sale: SaleRow, lines: PricedLine[], tenders: TenderRow[], now: Date, skipIfRecorded: boolean) {
  // Only the columns this sale fills: shorter SQL is cheaper to prepare on every call.
  const columns: [string, unknown, string?][] = [
    ['clientId', sale.clientId],
    ['code', sale.code],
    ['channel', sale.channel, 'Channel'],
    ['status', 'COMPLETED', 'SaleStatus'],
    ['locationId', sale.locationId],
    ['eventId', sale.eventId],
    ['deviceId', sale.deviceId],
    ['cashierId', sale.cashierId],
    ['registerSessionId', sale.registerSessionId],
    ['fulfilment', sale.fulfilment, 'Fulfilment'],
    ['recordedOffline', sale.recordedOffline],
    ['subtotalWon', sale.subtotalWon],
    ['discountWon', sale.discountWon],
    ['totalWon', sale.totalWon],
    ['taxableWon', sale.taxableWon],
    ['vatWon', sale.vatWon],
    ['exemptWon', sale.exemptWon],
    ['customerName', sale.customerName],
    ['customerPhone', sale.customerPhone],
    ['deliveryAddress', sale.deliveryAddress],
    ['cashReceiptId', sale.cashReceiptId],
    ['occurredAt', sale.occurredAt],
    ['createdAt', now],
    ['updatedAt', now],
  ]
  const filled = columns.filter(([, value]) => value !== null)
  const statements = [
    queryRaw<{ id: unknown }>(
      client,
      k,
      `INSERT INTO "Sale" (${filled.map(([name]) => `"${name}"`).join(', ')})
       VALUES (${filled.map(([, , enumName], i) => (enumName ? cast(k, `$${i + 1}`, enumName) : `$${i + 1}`)).join(', ')})${skipIfRecorded ? ' ON CONFLICT ("clientId") DO NOTHING' : ''} RETURNING "id"`,
      ...filled.map(([, value]) => value),
    ),
  ]
  const lineValues: unknown[] = [sale.clientId]
  const linePlaceholders = lines.map((line, i) => {
    lineValues.push(line.productId, line.enterpriseId, line.quantity, line.unitPriceWon, line.discountWon, line.lineTotalWon, line.vatExempt)
    const b = 1 + i * 7
    return `(${SALE_ID_OF('$1')}, $${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7})`
  })
  statements.push(
    queryRaw(
      client,
      k,
      `INSERT INTO "SaleLine" ("saleId", "productId", "enterpriseId", "quantity", "unitPriceWon", "discountWon", "lineTotalWon", "vatExempt") VALUES ${linePlaceholders.join(', ')} RETURNING "id"`,
      ...lineValues,
    ),
  )
  tenders.forEach((tender, position) => {
    statements.push(
      queryRaw(
        client,
        k,
        `INSERT INTO "Tender" ("saleId", "kind", "amountWon", "voucherProgrammeId", "reference", "createdAt")
         VALUES (${SALE_ID_OF('$1')}, ${cast(k, '$2', 'TenderKind')}, $3, $4, $5, $6) RETURNING "id"`,
        sale.clientId, tender.kind, tender.amountWon, tender.voucherProgrammeId, tender.reference, now,
      ),
    )
    // Single-enterprise baskets need no split: the tender is that enterprise's (reported from lines).
    if (tender.allocations.size > 1) {
      const values: unknown[] = [sale.clientId, position]
      const placeholders = [...tender.allocations].map(([enterpriseId, amountWon], i) => {
        values.push(enterpriseId, amountWon)
        return `((SELECT "id" FROM "Tender" WHERE "saleId" = ${SALE_ID_OF('$1')} ORDER BY "id" LIMIT 1 OFFSET $2), $${i * 2 + 3}, $${i * 2 + 4})`
      })
      statements.push(queryRaw(client, k, `INSERT INTO "TenderAllocation" ("tenderId", "enterpriseId", "amountWon") VALUES ${placeholders.join(', ')} RETURNING "id"`, ...values))
    }
  })
  return statements
}

/**
 * The common in-person sale as ONE batch transaction (no round trips between statements): the
 * level decrements are unconditional and the database's CHECK (0 <= reserved <= onHand) refuses
 * an oversell. Any failure rolls the whole batch back; the caller
 * then explains it (replay, out of stock, not stocked).
 */
async function sellInOneBatch(deps: SaleDeps, sale: SaleRow, lines: PricedLine[], tenders: TenderRow[], actorUserId: number | null): Promise<{ saleId: number; changes: StockChange[] }> {
  const { kind: k, prisma: db } = deps.database
  const now = new Date()
  const statements: Prisma.PrismaPromise<unknown>[] = []
  if (k === 'postgresql') statements.push(db.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${PG_STOCK_LOCK_KEY})`))
  statements.push(...saleStatements(db, k, sale, lines, tenders, now, false))
  const movementStatements = lines.map((line) => {
    statements.push(
      queryRaw(
        db,
        k,
        `UPDATE "StockLevel" SET "onHand" = "onHand" - $3, "updatedAt" = $4 WHERE "productId" = $1 AND "locationId" = $2 RETURNING "id"`,
        line.productId, sale.locationId, line.quantity, now,
      ),
    )
    // The resulting levels are read by scalar subqueries: for a product not stocked here they are
    // NULL and the NOT NULL columns refuse the row, failing the batch.
    const level = (column: string) => `(SELECT "${column}" FROM "StockLevel" WHERE "productId" = $1 AND "locationId" = $2)`
    const movement = queryRaw<{ id: unknown; onHandAfter: unknown; reservedAfter: unknown; saleId: unknown }>(
      db,
      k,
      `INSERT INTO "StockMovement" ("productId", "locationId", "kind", "onHandDelta", "onHandAfter", "reservedAfter", "actorUserId", "saleId", "createdAt")
       VALUES ($1, $2, ${cast(k, '$3', 'StockMovementKind')}, $4, ${level('onHand')}, ${level('reserved')}, $5, ${SALE_ID_OF('$6')}, $7)
       RETURNING "id", "onHandAfter", "reservedAfter", "saleId"`,
      line.productId, sale.locationId, 'SALE', -line.quantity, actorUserId, sale.clientId, now,
    )
    statements.push(movement)
    return { index: statements.length - 1, line }
  })
  const results = await db.$transaction(statements)
  const changes: StockChange[] = movementStatements.map(({ index, line }) => {
    const [row] = results[index] as { id: unknown; onHandAfter: unknown; reservedAfter: unknown }[]
    const onHand = Number(row.onHandAfter)
    const reserved = Number(row.reservedAfter)
    return { seq: Number(row.id), productId: line.productId, locationId: sale.locationId, kind: 'SALE', onHand, reserved, available: onHand - reserved }
  })
  const saleId = Number((results[movementStatements[0].index] as { saleId: unknown }[])[0].saleId)
  deps.changes.publish('inventory:committed', { changes })
  return { saleId, changes }
}

/** Why a sale batch failed, as a named error when it is about stock. */
async function explainStockFailure(deps: SaleDeps, locationId: number, lines: PricedLine[], failure: unknown): Promise<never> {
  const wanted = new Map<number, number>()
  for (const line of lines) wanted.set(line.productId, (wanted.get(line.productId) ?? 0) + line.quantity)
  const levels = await deps.database.prisma.stockLevel.findMany({
    where: { locationId, productId: { in: [...wanted.keys()] } },
    select: { productId: true, onHand: true, reserved: true },
  })
  for (const [productId, quantity] of wanted) {
    const level = levels.find((l) => l.productId === productId)
    if (!level) throw new InventoryRuleError('NOT_STOCKED', `product ${productId} is not stocked at location ${locationId}`)
    const available = level.onHand - level.reserved
    if (available < quantity) throw new OutOfStockError(productId, locationId, quantity, Math.max(0, available))
  }
  throw failure
}

export async function recordSale(
  deps: SaleDeps,
  rawInput: z.input<typeof saleInputSchema>,
  context: { cashierId?: number | null; deviceId?: number | null; registerSessionId?: number | null } = {},
): Promise<RecordedSale> {
  const input = saleInputSchema.parse(rawInput)
  const db = deps.database.prisma

  const productIds = [...new Set(input.lines.map((l) => l.productId))]
  // One round trip for the catalog facts the sale needs (prices are taken from here, never the client).
  const productRows = await queryRaw<{ id: unknown; enterpriseId: unknown; priceWon: unknown; vatExempt: unknown; locationKind: unknown }>(
    db,
    deps.database.kind,
    `SELECT p."id", p."enterpriseId", p."priceWon", p."vatExempt", (SELECT l."kind" FROM "Location" l WHERE l."id" = $1) AS "locationKind"
     FROM "Product" p WHERE p."active" = $2 AND p."id" IN (${productIds.map((_, i) => `$${i + 3}`).join(', ')})`,
    input.locationId,
    true,
    ...productIds,
  )
  const locationKind = productRows[0]?.locationKind ?? (await db.location.findUnique({ where: { id: input.locationId }, select: { kind: true } }))?.kind
  if (!locationKind) throw new SaleRuleError('UNKNOWN_LOCATION', `no location ${input.locationId}`)
  const location = { kind: String(locationKind) as Channel }
  const products = productRows.map((row) => ({ id: Number(row.id), enterpriseId: Number(row.enterpriseId), priceWon: Number(row.priceWon), vatExempt: row.vatExempt === true || Number(row.vatExempt) === 1 }))
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

  const saleRow: SaleRow = {
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
  }
  const actorUserId = context.cashierId ?? null
  let saleId: number | null
  if (!input.checkoutId && !input.recordedOffline) {
    // The hot path (a sale at a stall): one batch. Idempotency is the unique client id: a replay
    // fails the batch on that key and is answered with the recorded sale.
    try {
      saleId = (await sellInOneBatch(deps, saleRow, lines, tenders, actorUserId)).saleId
    } catch (error) {
      if (await db.sale.findUnique({ where: { clientId: input.clientId }, select: { id: true } })) return replayOf(input.clientId)
      return explainStockFailure(deps, input.locationId, lines, error)
    }
  } else {
    // Offline replays and online orders need reads inside the transaction (what the ledger holds,
    // which holds to convert): an interactive transaction. A known client id inserts nothing.
    saleId = await stockTransaction(deps, async (ctx) => {
      const [inserted, ...rest] = saleStatements(ctx.tx, ctx.kind, saleRow, lines, tenders, ctx.now, true)
      const [row] = await inserted
      if (!row) return null
      for (const statement of rest) await statement
      const id = Number(row.id)
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
          await recordOfflineSaleInTx(ctx, { productId: line.productId, locationId: input.locationId, quantity: line.quantity, saleId: id, actorUserId })
        }
      }
      return id
    })
  }
  if (saleId === null) return replayOf(input.clientId)
  deps.changes.publish('sales:recorded', { saleId, channel: location.kind, locationId: input.locationId, totalWon, occurredAt: occurredAt.toISOString() })
  return { saleId, code, totalWon, replayed: false }

  async function replayOf(clientId: string): Promise<RecordedSale> {
    const recorded = await db.sale.findUniqueOrThrow({ where: { clientId }, select: { id: true, code: true, totalWon: true } })
    return { saleId: recorded.id, code: recorded.code, totalWon: recorded.totalWon, replayed: true }
  }
}

