// Recording a sale from any channel: prices from the catalog, VAT split, tenders attributed to
// each enterprise of a multi-vendor basket, and the stock taken — all in one transaction.
// Idempotent on the client-generated id: a retried or replayed sale is recorded exactly once.
import { z } from 'zod'
import type { DatabaseKind } from '../../db/client.server.ts'
import { Prisma } from '../../generated/prisma/sqlite/client.ts'
import { actorMay, actorUserId, type Actor } from '../auth/permissions.server.ts'
import { InventoryRuleError, OutOfStockError } from '../inventory/errors.ts'
import { PG_STOCK_LOCK_KEY, stockTransaction, type StockChange, type StockDeps, type Tx } from '../inventory/ledger.server.ts'
import { convertReservationsInTx } from '../inventory/reservations.server.ts'
import { recordOfflineSaleInTx } from '../inventory/stock.server.ts'
import type { ChangeMap } from '../live/change-feed.server.ts'
import { catalogFactsFor, sameFacts } from './catalog-facts.server.ts'
import { priceSale, SaleRuleError, type PricedLine, type PricedSale, type SaleRow } from './pricing.server.ts'
import { ALLOCATION_COLUMNS, boundValue, buildSaleRows, columnList, LINE_COLUMNS, PG_ENUMS, SALE_COLUMNS, TENDER_COLUMNS, type SqlValue } from './sale-rows.server.ts'
import { saleInputSchema } from './sale.schema.ts'
import { sellOnPrismasSqliteConnection } from './sqlite-sale.server.ts'

export interface SaleDeps extends StockDeps {
  changes: StockDeps['changes'] & { publish(topic: 'sales:recorded', change: ChangeMap['sales:recorded']): void }
}

export interface RecordedSale {
  saleId: number
  code: string
  totalWon: number
  replayed: boolean
}

type RawClient = Pick<Tx, '$queryRaw' | '$executeRaw'>

/**
 * The statements that write a sale's rows (from the one builder, sale-rows.server.ts) through
 * Prisma's tagged SQL. Child rows find the sale by its unique client id, so the statements need
 * nothing from each other's results and can run as one batch.
 * `skipIfRecorded`: the Sale insert does nothing for a known client id (the caller checks).
 */
function saleStatements(client: RawClient, k: DatabaseKind, priced: PricedSale, now: Date, skipIfRecorded: boolean) {
  const rows = buildSaleRows(priced, { now })
  const { sale } = priced
  const pg = k === 'postgresql'
  const bind = (table: string, column: string, value: SqlValue) => boundValue(k, value, PG_ENUMS[table]?.[column])
  const asText = Prisma.raw(pg ? '::text' : '')
  const saleIdOf = Prisma.sql`(SELECT "id" FROM "Sale" WHERE "clientId" = ${sale.clientId})`
  // The channel is read back from the location under the kind it was priced with (NULL → fails).
  const checkedChannel = Prisma.sql`(SELECT l."kind"${asText} FROM "Location" l WHERE l."id" = ${sale.locationId} AND l."kind"${asText} = ${sale.channel})${Prisma.raw(pg ? '::"Channel"' : '')}`
  // Only the columns this sale fills: shorter SQL is cheaper to prepare on every call.
  const filled = SALE_COLUMNS.filter((column) => rows.sale[column] !== null)
  const insertSale = Prisma.sql`INSERT INTO "Sale" (${columnList(filled)})
    VALUES (${Prisma.join(filled.map((column) => (column === 'channel' ? checkedChannel : bind('Sale', column, rows.sale[column]))))})`
  // In a batch nothing reads the new id back (children find the sale by its client id); in an
  // interactive transaction a known client id inserts nothing and returns no row.
  const saleInsert = skipIfRecorded
    ? client.$queryRaw<{ id: unknown }[]>`${insertSale} ON CONFLICT ("clientId") DO NOTHING RETURNING "id"`
    : client.$executeRaw(insertSale)
  // The enterprise is read back under the facts the line was priced with: if the price, VAT
  // exemption or enterprise changed (or the product was withdrawn), it is NULL and the row fails.
  // The same subquery makes a product the location does not stock fail here (no level row).
  const checkedEnterprise = (line: (typeof rows.lines)[number]) =>
    Prisma.sql`(SELECT p."enterpriseId" FROM "Product" p WHERE p."id" = ${line.productId} AND p."enterpriseId" = ${line.enterpriseId}
      AND p."priceWon" = ${line.unitPriceWon} AND p."vatExempt" = ${bind('Product', 'vatExempt', line.vatExempt)} AND p."active" = ${bind('Product', 'active', true)}
      AND EXISTS (SELECT 1 FROM "StockLevel" s WHERE s."productId" = p."id" AND s."locationId" = ${sale.locationId}))`
  const lineTuples = rows.lines.map(
    (line) => Prisma.sql`(${saleIdOf}, ${Prisma.join(LINE_COLUMNS.map((column) => (column === 'enterpriseId' ? checkedEnterprise(line) : bind('SaleLine', column, line[column]))))})`,
  )
  const rest: Prisma.PrismaPromise<number>[] = [
    client.$executeRaw`INSERT INTO "SaleLine" ("saleId", ${columnList(LINE_COLUMNS)}) VALUES ${Prisma.join(lineTuples)}`,
  ]
  for (const { tender, allocations } of rows.tenders) {
    rest.push(
      client.$executeRaw`INSERT INTO "Tender" ("saleId", ${columnList(TENDER_COLUMNS)})
        VALUES (${saleIdOf}, ${Prisma.join(TENDER_COLUMNS.map((column) => bind('Tender', column, tender[column])))})`,
    )
    // Runs right after its tender's insert, so the sale's newest tender is this one. (MAX, not
    // ORDER BY id OFFSET n: PostgreSQL plans the latter as a walk of the whole Tender table.)
    const tenderId = Prisma.sql`(SELECT MAX("id") FROM "Tender" WHERE "saleId" = ${saleIdOf})`
    const tuples = allocations.map((allocation) => Prisma.sql`(${tenderId}, ${Prisma.join(ALLOCATION_COLUMNS.map((column) => allocation[column]))})`)
    rest.push(client.$executeRaw`INSERT INTO "TenderAllocation" ("tenderId", ${columnList(ALLOCATION_COLUMNS)}) VALUES ${Prisma.join(tuples)}`)
  }
  return { saleInsert, rest }
}

/**
 * The common in-person sale as ONE batch transaction (no round trips between statements): the
 * level decrements are unconditional and the database's CHECK (0 <= reserved <= onHand) refuses
 * an oversell. Any failure rolls the whole batch back; the caller then explains it (replay, a
 * catalog change, out of stock, not stocked).
 */
async function sellInOneBatch(deps: SaleDeps, priced: PricedSale, actorUserId: number | null): Promise<{ saleId: number; changes: StockChange[] }> {
  const { kind: k, prisma: db } = deps.database
  const { sale, lines } = priced
  const now = new Date()
  const at = boundValue(k, now)
  const statements: Prisma.PrismaPromise<unknown>[] = []
  if (k === 'postgresql') statements.push(db.$executeRaw`SELECT pg_advisory_xact_lock(${Prisma.raw(String(PG_STOCK_LOCK_KEY))})`)
  const { saleInsert, rest } = saleStatements(db, k, priced, now, false)
  statements.push(saleInsert, ...rest)
  const saleKind = boundValue(k, 'SALE', PG_ENUMS.StockMovement.kind)
  const movementStatements = lines.map((line) => {
    statements.push(
      db.$executeRaw`UPDATE "StockLevel" SET "onHand" = "onHand" - ${line.quantity}, "updatedAt" = ${at} WHERE "productId" = ${line.productId} AND "locationId" = ${sale.locationId}`,
    )
    // The level exists (the SaleLine insert checked it), so this writes exactly one ledger row.
    const movement = db.$queryRaw<{ id: unknown; onHandAfter: unknown; reservedAfter: unknown; saleId: unknown }[]>`
      INSERT INTO "StockMovement" ("productId", "locationId", "kind", "onHandDelta", "onHandAfter", "reservedAfter", "actorUserId", "saleId", "createdAt")
      SELECT "productId", "locationId", ${saleKind}, ${-line.quantity}, "onHand", "reserved", ${actorUserId}, (SELECT "id" FROM "Sale" WHERE "clientId" = ${sale.clientId}), ${at}
      FROM "StockLevel" WHERE "productId" = ${line.productId} AND "locationId" = ${sale.locationId}
      RETURNING "id", "onHandAfter", "reservedAfter", "saleId"`
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
  /** Who sells: a cashier signed in on a paired tablet, or a system actor (the storefront's checkout). */
  by: { actor: Actor; registerSessionId?: number | null },
): Promise<RecordedSale> {
  // Refused before anything is read or written, whatever route or socket called: a person sells
  // only with `pos:sell` and on the paired tablet their session belongs to (as requirePermission).
  const { actor } = by
  if (!actorMay(actor, 'pos:sell') || (actor.kind === 'user' && actor.deviceId === null)) {
    throw new InventoryRuleError('FORBIDDEN', 'only a cashier on a paired tablet (or the storefront checkout) records sales')
  }
  const context = { cashierId: actorUserId(actor), deviceId: actor.kind === 'user' ? actor.deviceId : null, registerSessionId: by.registerSessionId ?? null }
  const input = saleInputSchema.parse(rawInput)
  const db = deps.database.prisma
  const catalog = catalogFactsFor(deps.database)
  const factsQuery = { locationId: input.locationId, productIds: [...new Set(input.lines.map((l) => l.productId))] }
  const actingUserId = context.cashierId
  let saleId: number | null

  if (!input.checkoutId && !input.recordedOffline && deps.database.sqlite) {
    const outcome = await sellOnPrismasSqliteConnection(deps.database, input, context)
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
      saleId = (await sellInOneBatch(deps, priced, actingUserId)).saleId
    } catch (error) {
      if (await db.sale.findUnique({ where: { clientId: input.clientId }, select: { id: true } })) return replayOf(input.clientId)
      const fresh = await catalog.load({ ...factsQuery, fresh: true })
      if (sameFacts(cached, fresh)) return explainStockFailure(deps, input.locationId, priced.lines, error)
      // The catalog changed since it was cached (price, VAT, enterprise, location): price again.
      priced = priceSale(input, fresh, context)
      try {
        saleId = (await sellInOneBatch(deps, priced, actingUserId)).saleId
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
    const { saleInsert, rest } = saleStatements(ctx.tx, ctx.kind, priced, ctx.now, true)
    const [row] = (await saleInsert) as { id: unknown }[]
    if (!row) return null
    for (const statement of rest) await statement
    const id = Number(row.id)
    if (input.checkoutId) {
      const holds = await convertReservationsInTx(ctx, { checkoutId: input.checkoutId, saleId: id, actorUserId: actingUserId })
      const held = new Map<number, number>()
      for (const hold of holds) held.set(hold.productId, (held.get(hold.productId) ?? 0) + hold.quantity)
      const wanted = new Map<number, number>()
      for (const line of lines) wanted.set(line.productId, (wanted.get(line.productId) ?? 0) + line.quantity)
      if (held.size !== wanted.size || [...wanted].some(([p, q]) => held.get(p) !== q)) {
        throw new SaleRuleError('CHECKOUT_MISMATCH', 'the order lines differ from what the checkout reserved')
      }
    } else {
      for (const line of lines) {
        await recordOfflineSaleInTx(ctx, { productId: line.productId, locationId: input.locationId, quantity: line.quantity, saleId: id, actorUserId: actingUserId })
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


export { splitProportionally } from './allocation.ts'
export { SaleRuleError, vatIncluded } from './pricing.server.ts'
