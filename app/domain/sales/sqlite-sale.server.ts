// An in-person sale on the embedded database: ONE synchronous better-sqlite3 IMMEDIATE
// transaction on Prisma's own connection (held exclusively, so no Prisma statement interleaves),
// with statements prepared once. Prisma's per-statement cost is several times SQLite's own, and
// this is the path a busy stall hits on every sale (docs/decisions/0004). The rows and rules are
// exactly those of the PostgreSQL path in record-sale.server.ts; the tests run both.
import type BetterSqlite3 from 'better-sqlite3'
import { z } from 'zod'
import type { Channel } from '../../generated/prisma/sqlite/enums.ts'
import { InventoryRuleError, OutOfStockError } from '../inventory/errors.ts'
import type { StockChange } from '../inventory/ledger.server.ts'
import type { SaleFacts } from './catalog-facts.server.ts'
import { priceSale, type PricedSale } from './pricing.server.ts'
import type { saleInputSchema } from './sale.schema.ts'

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

/** Dates and booleans exactly as Prisma's SQLite adapter stores them. */
const timestamp = (date: Date) => date.toISOString().replace('Z', '+00:00')
const flag = (value: boolean) => (value ? 1 : 0)

export const SALE_INSERT = `INSERT INTO "Sale" ("clientId", "code", "channel", "status", "locationId", "eventId", "deviceId", "cashierId", "registerSessionId",
  "fulfilment", "recordedOffline", "subtotalWon", "discountWon", "totalWon", "taxableWon", "vatWon", "exemptWon", "customerName", "customerPhone",
  "deliveryAddress", "cashReceiptId", "occurredAt", "createdAt", "updatedAt")
  VALUES (?, ?, ?, 'COMPLETED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ("clientId") DO NOTHING RETURNING "id"`
export const LINE_INSERT = `INSERT INTO "SaleLine" ("saleId", "productId", "enterpriseId", "quantity", "unitPriceWon", "discountWon", "lineTotalWon", "vatExempt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
export const TENDER_INSERT = `INSERT INTO "Tender" ("saleId", "kind", "amountWon", "voucherProgrammeId", "reference", "createdAt") VALUES (?, ?, ?, ?, ?, ?) RETURNING "id"`
export const ALLOCATION_INSERT = `INSERT INTO "TenderAllocation" ("tenderId", "enterpriseId", "amountWon") VALUES (?, ?, ?)`
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

/** Throws SaleRuleError / OutOfStockError / InventoryRuleError with nothing written. */
export function sellOnSqlite(
  connection: BetterSqlite3.Database,
  input: z.output<typeof saleInputSchema>,
  context: { cashierId?: number | null; deviceId?: number | null; registerSessionId?: number | null },
): SqliteSaleOutcome {
  const run = connection.transaction((): SqliteSaleOutcome => {
    const facts = readFacts(connection, input.locationId, [...new Set(input.lines.map((l) => l.productId))])
    const priced = priceSale(input, facts, context)
    const { sale, lines, tenders } = priced
    const now = timestamp(new Date())
    const inserted = statement(connection, SALE_INSERT).get(
      sale.clientId, sale.code, sale.channel, sale.locationId, sale.eventId, sale.deviceId, sale.cashierId, sale.registerSessionId,
      sale.fulfilment, flag(sale.recordedOffline), sale.subtotalWon, sale.discountWon, sale.totalWon, sale.taxableWon, sale.vatWon, sale.exemptWon,
      sale.customerName, sale.customerPhone, sale.deliveryAddress, sale.cashReceiptId, timestamp(sale.occurredAt), now, now,
    ) as { id: number } | undefined
    if (!inserted) return { replayed: true } // the client id is recorded already: write nothing
    const saleId = inserted.id
    for (const line of lines) {
      statement(connection, LINE_INSERT).run(saleId, line.productId, line.enterpriseId, line.quantity, line.unitPriceWon, line.discountWon, line.lineTotalWon, flag(line.vatExempt))
    }
    for (const tender of tenders) {
      const { id: tenderId } = statement(connection, TENDER_INSERT).get(saleId, tender.kind, tender.amountWon, tender.voucherProgrammeId, tender.reference, now) as { id: number }
      // Single-enterprise baskets need no split: the tender is that enterprise's (reported from lines).
      if (tender.allocations.size > 1) for (const [enterpriseId, amountWon] of tender.allocations) statement(connection, ALLOCATION_INSERT).run(tenderId, enterpriseId, amountWon)
    }
    const changes: StockChange[] = []
    for (const line of lines) {
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
