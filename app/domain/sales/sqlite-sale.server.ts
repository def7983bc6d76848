// An in-person sale on the embedded database: ONE synchronous better-sqlite3 IMMEDIATE
// transaction on Prisma's own connection (held exclusively, so no Prisma statement interleaves),
// with statements prepared once. Prisma's per-statement cost is several times SQLite's own, and
// this is the path a busy stall hits on every sale (docs/decisions/0004). The rows come from the
// one builder (sale-rows.server.ts) and the rules are those of the PostgreSQL path in
// record-sale.server.ts; the tests run both.
import type BetterSqlite3 from 'better-sqlite3'
import { z } from 'zod'
import type { Database } from '../../db/client.server.ts'
import type { Channel } from '../../generated/prisma/sqlite/enums.ts'
import { InventoryRuleError, OutOfStockError } from '../inventory/errors.ts'
import type { StockChange } from '../inventory/ledger.server.ts'
import type { SaleFacts } from './catalog-facts.server.ts'
import { priceSale, type PricedSale } from './pricing.server.ts'
import type { saleInputSchema } from './sale.schema.ts'
import { ALLOCATION_COLUMNS, buildSaleRows, LINE_COLUMNS, SALE_COLUMNS, sqliteValue, TENDER_COLUMNS, valuesOf } from './sale-rows.server.ts'

type Statement = BetterSqlite3.Statement<unknown[], unknown>
const prepared = new WeakMap<BetterSqlite3.Database, Map<string, Statement>>()

function statement(connection: BetterSqlite3.Database, sql: string): Statement {
  let cache = prepared.get(connection)
  if (!cache) prepared.set(connection, (cache = new Map()))
  let stmt = cache.get(sql)
  if (!stmt) {
    // Prisma's adapter turns on safe integers for the connection; our ids and won fit in numbers.
    stmt = connection.prepare(sql).safeIntegers(false)
    cache.set(sql, stmt)
  }
  return stmt
}

const insertInto = (table: string, columns: readonly string[]) =>
  `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`

/** Binds SALE_COLUMNS in order; a known client id inserts nothing (a replay). */
export const SALE_INSERT = `${insertInto('Sale', SALE_COLUMNS)} ON CONFLICT ("clientId") DO NOTHING RETURNING "id"`
/** Binds the sale id, then LINE_COLUMNS. */
export const LINE_INSERT = insertInto('SaleLine', ['saleId', ...LINE_COLUMNS])
/** Binds the sale id, then TENDER_COLUMNS. */
export const TENDER_INSERT = `${insertInto('Tender', ['saleId', ...TENDER_COLUMNS])} RETURNING "id"`
/** Binds the tender id, then ALLOCATION_COLUMNS. */
export const ALLOCATION_INSERT = insertInto('TenderAllocation', ['tenderId', ...ALLOCATION_COLUMNS])
export const TAKE_STOCK = `UPDATE "StockLevel" SET "onHand" = "onHand" - ?, "updatedAt" = ? WHERE "productId" = ? AND "locationId" = ? AND "onHand" - "reserved" >= ? RETURNING "onHand", "reserved"`
export const LEVEL = `SELECT "onHand", "reserved" FROM "StockLevel" WHERE "productId" = ? AND "locationId" = ?`
export const MOVEMENT_INSERT = `INSERT INTO "StockMovement" ("productId", "locationId", "kind", "onHandDelta", "reservedDelta", "onHandAfter", "reservedAfter", "actorUserId", "saleId", "createdAt")
  VALUES (?, ?, 'SALE', ?, 0, ?, ?, ?, ?, ?) RETURNING "id"`

export const LOCATION_KIND = `SELECT "kind" FROM "Location" WHERE "id" = ?`
export const productFactsSql = (count: number) => `SELECT "id", "enterpriseId", "priceWon", "vatExempt" FROM "Product" WHERE "active" = 1 AND "id" IN (${Array(count).fill('?').join(', ')})`

function readFacts(connection: BetterSqlite3.Database, locationId: number, productIds: number[]): SaleFacts {
  const location = statement(connection, LOCATION_KIND).get(locationId) as { kind: Channel } | undefined
  const rows = statement(connection, productFactsSql(productIds.length)).all(...productIds) as { id: number; enterpriseId: number; priceWon: number; vatExempt: number }[]
  return {
    channel: location?.kind ?? null,
    products: new Map(rows.map((row) => [row.id, { enterpriseId: row.enterpriseId, priceWon: row.priceWon, vatExempt: row.vatExempt === 1 }])),
  }
}

export type SqliteSaleOutcome = { replayed: true } | { replayed: false; saleId: number; priced: PricedSale; changes: StockChange[] }
type SaleContext = { cashierId?: number | null; deviceId?: number | null; registerSessionId?: number | null }

/** Throws SaleRuleError / OutOfStockError / InventoryRuleError with nothing written. */
export function sellOnSqlite(connection: BetterSqlite3.Database, input: z.output<typeof saleInputSchema>, context: SaleContext): SqliteSaleOutcome {
  const run = connection.transaction((): SqliteSaleOutcome => {
    const facts = readFacts(connection, input.locationId, [...new Set(input.lines.map((l) => l.productId))])
    const priced = priceSale(input, facts, context)
    const rows = buildSaleRows(priced, { now: new Date() })
    const now = sqliteValue(rows.sale.createdAt)
    const inserted = statement(connection, SALE_INSERT).get(...valuesOf(rows.sale, SALE_COLUMNS).map(sqliteValue)) as { id: number } | undefined
    if (!inserted) return { replayed: true } // the client id is recorded already: write nothing
    const saleId = inserted.id
    for (const line of rows.lines) statement(connection, LINE_INSERT).run(saleId, ...valuesOf(line, LINE_COLUMNS).map(sqliteValue))
    for (const { tender, allocations } of rows.tenders) {
      const { id: tenderId } = statement(connection, TENDER_INSERT).get(saleId, ...valuesOf(tender, TENDER_COLUMNS).map(sqliteValue)) as { id: number }
      for (const allocation of allocations) statement(connection, ALLOCATION_INSERT).run(tenderId, ...valuesOf(allocation, ALLOCATION_COLUMNS))
    }
    const { sale } = priced
    const changes: StockChange[] = []
    for (const line of priced.lines) {
      const level = statement(connection, TAKE_STOCK).get(line.quantity, now, line.productId, sale.locationId, line.quantity) as { onHand: number; reserved: number } | undefined
      if (!level) {
        const current = statement(connection, LEVEL).get(line.productId, sale.locationId) as { onHand: number; reserved: number } | undefined
        if (!current) throw new InventoryRuleError('NOT_STOCKED', `product ${line.productId} is not stocked at location ${sale.locationId}`)
        throw new OutOfStockError(line.productId, sale.locationId, line.quantity, Math.max(0, current.onHand - current.reserved))
      }
      const movement = statement(connection, MOVEMENT_INSERT).get(line.productId, sale.locationId, -line.quantity, level.onHand, level.reserved, context.cashierId ?? null, saleId, now) as { id: number }
      changes.push({ seq: movement.id, productId: line.productId, locationId: sale.locationId, kind: 'SALE', onHand: level.onHand, reserved: level.reserved, available: level.onHand - level.reserved })
    }
    return { replayed: false, saleId, priced, changes }
  })
  // IMMEDIATE: take the write lock before reading, as every writer on this file does.
  return run.immediate()
}

/**
 * The one place a sale reaches Prisma's private SQLite connection (`Database.sqlite`, the
 * adapter's own better-sqlite3 handle), held exclusively so no Prisma statement interleaves.
 */
export function sellOnPrismasSqliteConnection(database: Pick<Database, 'sqlite'>, input: z.output<typeof saleInputSchema>, context: SaleContext): Promise<SqliteSaleOutcome> {
  if (!database.sqlite) throw new Error('sellOnPrismasSqliteConnection needs the embedded SQLite database')
  return database.sqlite.exclusive((connection) => sellOnSqlite(connection, input, context))
}
