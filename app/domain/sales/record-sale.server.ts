// Recording a sale from any channel: prices from the catalog, VAT split, tenders attributed to
// each enterprise of a multi-vendor basket, and the stock taken — all in one transaction.
// Idempotent on the client-generated id: a retried or replayed sale is recorded exactly once.
import { z } from 'zod'
import type { DatabaseKind } from '../../db/client.server.ts'
import type { Prisma } from '../../generated/prisma/sqlite/client.ts'
import { InventoryRuleError, OutOfStockError } from '../inventory/errors.ts'
import { executeRaw, PG_STOCK_LOCK_KEY, queryRaw, stockTransaction, type StockChange, type StockDeps, type Tx } from '../inventory/ledger.server.ts'
import { convertReservationsInTx } from '../inventory/reservations.server.ts'
import { recordOfflineSaleInTx } from '../inventory/stock.server.ts'
import type { ChangeMap } from '../live/change-feed.server.ts'
import { catalogFactsFor, sameFacts } from './catalog-facts.server.ts'
import { priceSale, SaleRuleError, type PricedLine, type SaleRow, type TenderRow } from './pricing.server.ts'
import { saleInputSchema } from './sale.schema.ts'
import { sellOnSqlite } from './sqlite-sale.server.ts'

export interface SaleDeps extends StockDeps {
  changes: StockDeps['changes'] & { publish(topic: 'sales:recorded', change: ChangeMap['sales:recorded']): void }
}

export interface RecordedSale {
  saleId: number
  code: string
  totalWon: number
  replayed: boolean
}

const cast = (kind: DatabaseKind, placeholder: string, enumName: string) => (kind === 'postgresql' ? `${placeholder}::"${enumName}"` : placeholder)




type RawClient = Pick<Tx, '$queryRawUnsafe' | '$executeRawUnsafe'>
const SALE_ID_OF = (placeholder: string) => `(SELECT "id" FROM "Sale" WHERE "clientId" = ${placeholder})`

/**
 * The statements that write a sale's own rows. Child rows find the sale by its unique client id,
 * so the statements need nothing from each other's results and can run as one batch.
 * `skipIfRecorded`: the Sale insert does nothing for a known client id (the caller checks).
 */
function saleStatements(client: RawClient, k: DatabaseKind, sale: SaleRow, lines: PricedLine[], tenders: TenderRow[], now: Date, skipIfRecorded: boolean) {
  // Only the columns this sale fills: shorter SQL is cheaper to prepare on every call.
  const pg = k === 'postgresql'
  // The channel is read back from the location under the kind it was priced with (NULL → fails).
  const checkedChannel = (placeholder: string) =>
    `(SELECT l."kind"${pg ? '::text' : ''} FROM "Location" l WHERE l."id" = ${Number(sale.locationId)} AND l."kind"${pg ? '::text' : ''} = ${placeholder})${pg ? '::"Channel"' : ''}`
  const columns: [string, unknown, string?, ((placeholder: string) => string)?][] = [
    ['clientId', sale.clientId],
    ['code', sale.code],
    ['channel', sale.channel, undefined, checkedChannel],
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
  const insertSql = `INSERT INTO "Sale" (${filled.map(([name]) => `"${name}"`).join(', ')})
     VALUES (${filled.map(([, , enumName, expression], i) => (expression ? expression(`$${i + 1}`) : enumName ? cast(k, `$${i + 1}`, enumName) : `$${i + 1}`)).join(', ')})`
  const insertValues = filled.map(([, value]) => value)
  // In a batch nothing reads the new id back (children find the sale by its client id); in an
  // interactive transaction a known client id inserts nothing and returns no row.
  const saleInsert = skipIfRecorded
    ? queryRaw<{ id: unknown }>(client, k, `${insertSql} ON CONFLICT ("clientId") DO NOTHING RETURNING "id"`, ...insertValues)
    : executeRaw(client, k, insertSql, ...insertValues)
  const rest: Prisma.PrismaPromise<number>[] = []
  const lineValues: unknown[] = [sale.clientId]
  const activeParam = 2 + lines.length * 7
  const linePlaceholders = lines.map((line, i) => {
    lineValues.push(line.productId, line.enterpriseId, line.quantity, line.unitPriceWon, line.discountWon, line.lineTotalWon, line.vatExempt)
    const b = 1 + i * 7
    // The enterprise is read back under the facts the line was priced with: if the price, VAT
    // exemption or enterprise changed (or the product was withdrawn), it is NULL and the row fails.
    // The same subquery makes a product the location does not stock fail here (no level row).
    const checkedEnterprise = `(SELECT p."enterpriseId" FROM "Product" p WHERE p."id" = $${b + 1} AND p."enterpriseId" = $${b + 2} AND p."priceWon" = $${b + 4} AND p."vatExempt" = $${b + 7} AND p."active" = $${activeParam}
      AND EXISTS (SELECT 1 FROM "StockLevel" s WHERE s."productId" = p."id" AND s."locationId" = ${Number(sale.locationId)}))`
    return `(${SALE_ID_OF('$1')}, $${b + 1}, ${checkedEnterprise}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7})`
  })
  lineValues.push(true)
  rest.push(
    executeRaw(
      client,
      k,
      `INSERT INTO "SaleLine" ("saleId", "productId", "enterpriseId", "quantity", "unitPriceWon", "discountWon", "lineTotalWon", "vatExempt") VALUES ${linePlaceholders.join(', ')}`,
      ...lineValues,
    ),
  )
  tenders.forEach((tender, position) => {
    rest.push(
      executeRaw(
        client,
        k,
        `INSERT INTO "Tender" ("saleId", "kind", "amountWon", "voucherProgrammeId", "reference", "createdAt")
         VALUES (${SALE_ID_OF('$1')}, ${cast(k, '$2', 'TenderKind')}, $3, $4, $5, $6)`,
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
      rest.push(executeRaw(client, k, `INSERT INTO "TenderAllocation" ("tenderId", "enterpriseId", "amountWon") VALUES ${placeholders.join(', ')}`, ...values))
    }
  })
  return { saleInsert, rest }
}

/**
 * The common in-person sale as ONE batch transaction (no round trips between statements): the
 * level decrements are unconditional and the database's CHECK (0 <= reserved <= onHand) refuses
 * an oversell. Any failure rolls the whole batch back; the caller then explains it (replay, a
 * catalog change, out of stock, not stocked).
 */
async function sellInOneBatch(deps: SaleDeps, sale: SaleRow, lines: PricedLine[], tenders: TenderRow[], actorUserId: number | null): Promise<{ saleId: number; changes: StockChange[] }> {
  const { kind: k, prisma: db } = deps.database
  const now = new Date()
  const statements: Prisma.PrismaPromise<unknown>[] = []
  if (k === 'postgresql') statements.push(db.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${PG_STOCK_LOCK_KEY})`))
  const { saleInsert, rest } = saleStatements(db, k, sale, lines, tenders, now, false)
  statements.push(saleInsert, ...rest)
  const movementStatements = lines.map((line) => {
    statements.push(
      executeRaw(db, k, `UPDATE "StockLevel" SET "onHand" = "onHand" - $3, "updatedAt" = $4 WHERE "productId" = $1 AND "locationId" = $2`, line.productId, sale.locationId, line.quantity, now),
    )
    // The level exists (the SaleLine insert checked it), so this writes exactly one ledger row.
    const movement = queryRaw<{ id: unknown; onHandAfter: unknown; reservedAfter: unknown; saleId: unknown }>(
      db,
      k,
      `INSERT INTO "StockMovement" ("productId", "locationId", "kind", "onHandDelta", "onHandAfter", "reservedAfter", "actorUserId", "saleId", "createdAt")
       SELECT "productId", "locationId", ${cast(k, '$3', 'StockMovementKind')}, $4, "onHand", "reserved", $5, ${SALE_ID_OF('$6')}, $7
       FROM "StockLevel" WHERE "productId" = $1 AND "locationId" = $2
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
  const catalog = catalogFactsFor(deps.database)
  const factsQuery = { locationId: input.locationId, productIds: [...new Set(input.lines.map((l) => l.productId))] }
  const actorUserId = context.cashierId ?? null
  let saleId: number | null

  if (!input.checkoutId && !input.recordedOffline && deps.database.sqlite) {
    const outcome = await deps.database.sqlite.exclusive((connection) => sellOnSqlite(connection, input, context))
    if (outcome.replayed) return replayOf(input.clientId)
    deps.changes.publish('inventory:committed', { changes: outcome.changes })
    return recorded(outcome.saleId, outcome.priced.sale)
  }

  if (!input.checkoutId && !input.recordedOffline) {
    // The hot path on PostgreSQL (a sale at a stall): one batch, priced from cached facts that
    // the batch itself re-checks. Idempotency is the unique client id: a replay fails the batch on that key.
    const cached = await catalog.load({ ...factsQuery, fresh: false })
    let priced = priceSale(input, cached, context)
    try {
      saleId = (await sellInOneBatch(deps, priced.sale, priced.lines, priced.tenders, actorUserId)).saleId
    } catch (error) {
      if (await db.sale.findUnique({ where: { clientId: input.clientId }, select: { id: true } })) return replayOf(input.clientId)
      const fresh = await catalog.load({ ...factsQuery, fresh: true })
      if (sameFacts(cached, fresh)) return explainStockFailure(deps, input.locationId, priced.lines, error)
      // The catalog changed since it was cached (price, VAT, enterprise, location): price again.
      priced = priceSale(input, fresh, context)
      try {
        saleId = (await sellInOneBatch(deps, priced.sale, priced.lines, priced.tenders, actorUserId)).saleId
      } catch (retryError) {
        if (await db.sale.findUnique({ where: { clientId: input.clientId }, select: { id: true } })) return replayOf(input.clientId)
        return explainStockFailure(deps, input.locationId, priced.lines, retryError)
      }
    }
    return recorded(saleId, priced.sale)
  }

  // Offline replays and online orders need reads inside the transaction (what the ledger holds,
  // which holds to convert): an interactive transaction. A known client id inserts nothing.
  const priced = priceSale(input, await catalog.load({ ...factsQuery, fresh: true }), context)
  const { lines } = priced
  saleId = await stockTransaction(deps, async (ctx) => {
    const { saleInsert, rest } = saleStatements(ctx.tx, ctx.kind, priced.sale, lines, priced.tenders, ctx.now, true)
    const [row] = (await saleInsert) as { id: unknown }[]
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
  if (saleId === null) return replayOf(input.clientId)
  return recorded(saleId, priced.sale)

  /** Announces a newly recorded sale (after its commit) and answers the caller. */
  function recorded(id: number, sale: SaleRow): RecordedSale {
    deps.changes.publish('sales:recorded', { saleId: id, channel: sale.channel, locationId: sale.locationId, totalWon: sale.totalWon, occurredAt: sale.occurredAt.toISOString() })
    return { saleId: id, code: sale.code, totalWon: sale.totalWon, replayed: false }
  }

  async function replayOf(clientId: string): Promise<RecordedSale> {
    const recorded = await db.sale.findUniqueOrThrow({ where: { clientId }, select: { id: true, code: true, totalWon: true } })
    return { saleId: recorded.id, code: recorded.code, totalWon: recorded.totalWon, replayed: true }
  }
}


export { SaleRuleError, splitProportionally, vatIncluded } from './pricing.server.ts'
