// saleCommit: one sale after another on the app's SQLite settings (WAL, synchronous=FULL), three ways:
//   domain  — recordSale(), exactly as the app writes a sale (level + ledger + sale + line + tender + allocation)
//   floor   — the same rows through the leanest single Prisma transaction (one batch)
//   raw     — the domain's SQL through better-sqlite3 directly
import { systemActor } from '../app/domain/auth/permissions.server.ts'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { SQLITE_PRAGMAS, type Database } from '../app/db/client.server.ts'
import { receiveStock } from '../app/domain/inventory/stock.server.ts'
import { ChangeFeed } from '../app/domain/live/change-feed.server.ts'
import { recordSale } from '../app/domain/sales/record-sale.server.ts'
import * as sql from '../app/domain/sales/sqlite-sale.server.ts'
import { benchCatalog } from './fixtures.ts'

interface Fixture {
  database: Database
  productId: number
  enterpriseId: number
  locationId: number
  priceWon: number
}

async function fixture(url: string): Promise<Fixture> {
  const catalog = await benchCatalog(url)
  const { database, productId, enterpriseId, priceWon } = catalog
  const locationId = catalog.locations.plaza
  await receiveStock({ database, changes: new ChangeFeed() }, { productId, locationId, quantity: 1_000_000_000, actor: systemActor('maintenance') })
  return { database, productId, enterpriseId, locationId, priceWon }
}

async function timed(count: number, run: (i: number) => Promise<unknown> | unknown): Promise<number> {
  for (let i = 0; i < Math.min(200, count / 10); i++) await run(-1 - i) // warm-up
  const started = performance.now()
  for (let i = 0; i < count; i++) await run(i)
  return count / ((performance.now() - started) / 1000)
}

async function domainRun(dir: string, count: number): Promise<number> {
  const f = await fixture(`file:${join(dir, 'domain.db')}`)
  const deps = { database: f.database, changes: new ChangeFeed() }
  const rate = await timed(count, (i) =>
    recordSale(deps, {
      clientId: `bench-domain-${i}`,
      locationId: f.locationId,
      lines: [{ productId: f.productId, quantity: 1 }],
      tenders: [{ kind: 'CASH', amountWon: f.priceWon }],
    }, { actor: systemActor('maintenance') }),
  )
  await f.database.close()
  return rate
}

/**
 * The leanest single Prisma transaction writing the same six rows: one batch transaction (no
 * round trips between statements), raw SQL, no catalog read, no validation, no replay handling.
 */
async function floorRun(dir: string, count: number): Promise<number> {
  const f = await fixture(`file:${join(dir, 'floor.db')}`)
  const db = f.database.prisma
  const saleId = `(SELECT "id" FROM "Sale" WHERE "clientId" = ?)`
  const rate = await timed(count, (i) => {
    const now = new Date()
    const clientId = `bench-floor-${i}`
    return db.$transaction([
      db.$executeRawUnsafe(
        `INSERT INTO "Sale" ("clientId", "code", "channel", "status", "locationId", "fulfilment", "recordedOffline", "subtotalWon", "discountWon", "totalWon", "taxableWon", "vatWon", "exemptWon", "occurredAt", "createdAt", "updatedAt")
         VALUES (?, ?, 'PLAZA', 'COMPLETED', ?, 'IN_PERSON', 0, ?, 0, ?, ?, ?, 0, ?, ?, ?)`,
        clientId, `F-${i}`, f.locationId, f.priceWon, f.priceWon, f.priceWon, Math.round(f.priceWon / 11), now, now, now,
      ),
      db.$executeRawUnsafe(
        `INSERT INTO "SaleLine" ("saleId", "productId", "enterpriseId", "quantity", "unitPriceWon", "discountWon", "lineTotalWon", "vatExempt") VALUES (${saleId}, ?, ?, 1, ?, 0, ?, 0)`,
        clientId, f.productId, f.enterpriseId, f.priceWon, f.priceWon,
      ),
      db.$executeRawUnsafe(`INSERT INTO "Tender" ("saleId", "kind", "amountWon", "createdAt") VALUES (${saleId}, 'CASH', ?, ?)`, clientId, f.priceWon, now),
      db.$executeRawUnsafe(
        `INSERT INTO "TenderAllocation" ("tenderId", "enterpriseId", "amountWon") VALUES ((SELECT "id" FROM "Tender" WHERE "saleId" = ${saleId}), ?, ?)`,
        clientId, f.enterpriseId, f.priceWon,
      ),
      db.$executeRawUnsafe(`UPDATE "StockLevel" SET "onHand" = "onHand" - 1, "updatedAt" = ? WHERE "productId" = ? AND "locationId" = ?`, now, f.productId, f.locationId),
      db.$executeRawUnsafe(
        `INSERT INTO "StockMovement" ("productId", "locationId", "kind", "onHandDelta", "reservedDelta", "onHandAfter", "reservedAfter", "saleId", "createdAt")
         SELECT "productId", "locationId", 'SALE', -1, 0, "onHand", "reserved", ${saleId}, ? FROM "StockLevel" WHERE "productId" = ? AND "locationId" = ?`,
        clientId, now, f.productId, f.locationId,
      ),
    ])
  })
  await f.database.close()
  return rate
}

/**
 * The domain's own SQL (app/domain/sales/sqlite-sale.server.ts) through better-sqlite3 directly,
 * prepared once, same pragmas: what the sale costs with no validation, pricing or bookkeeping.
 */
async function rawRun(dir: string, count: number): Promise<number> {
  const f = await fixture(`file:${join(dir, 'raw.db')}`)
  await f.database.close()
  const db = new Sqlite(join(dir, 'raw.db'))
  for (const pragma of SQLITE_PRAGMAS) db.exec(pragma)
  const prepare = (sql: string) => db.prepare(sql)
  const location = prepare(sql.LOCATION_KIND)
  const facts = prepare(sql.productFactsSql(1))
  const insertSale = prepare(sql.SALE_INSERT)
  const insertLine = prepare(sql.LINE_INSERT)
  const insertTender = prepare(sql.TENDER_INSERT)
  const insertAllocation = prepare(sql.ALLOCATION_INSERT)
  const takeStock = prepare(sql.TAKE_STOCK)
  const insertMovement = prepare(sql.MOVEMENT_INSERT)
  const vat = Math.round(f.priceWon / 11)
  const sell = db.transaction((i: number) => {
    const now = new Date().toISOString().replace('Z', '+00:00')
    location.get(f.locationId)
    facts.get(f.productId)
    const sale = insertSale.get(`bench-raw-${i}`, `R-${i}`, 'PLAZA', 'COMPLETED', f.locationId, null, null, null, null, 'IN_PERSON', 0, f.priceWon, 0, f.priceWon, f.priceWon, vat, 0, null, null, null, null, now, now, now) as { id: number }
    insertLine.run(sale.id, f.productId, f.enterpriseId, 1, f.priceWon, 0, f.priceWon, 0)
    const tender = insertTender.get(sale.id, 'CASH', f.priceWon, null, null, now) as { id: number }
    insertAllocation.run(tender.id, f.enterpriseId, f.priceWon)
    const level = takeStock.get(1, now, f.productId, f.locationId, 1) as { onHand: number; reserved: number }
    insertMovement.get(f.productId, f.locationId, -1, level.onHand, level.reserved, null, sale.id, now)
  })
  const rate = await timed(count * 3, (i) => sell.immediate(i))
  db.close()
  return rate
}

export async function benchSaleCommit(count = 3000) {
  const dir = mkdtempSync(join(tmpdir(), 'dm-bench-sale-'))
  try {
    // Interleave three rounds and keep each one's best, so a noisy moment on a 2-core machine does
    // not decide the ratio.
    const results = { domain: 0, floor: 0, raw: 0 }
    for (let round = 0; round < 3; round++) {
      const roundDir = mkdtempSync(join(dir, `round-${round}-`))
      results.domain = Math.max(results.domain, await domainRun(roundDir, count))
      results.floor = Math.max(results.floor, await floorRun(roundDir, count))
      results.raw = Math.max(results.raw, await rawRun(roundDir, count))
      console.error(`saleCommit round ${round + 1}: domain ${results.domain.toFixed(0)} tx/s, floor ${results.floor.toFixed(0)}, raw ${results.raw.toFixed(0)}`)
    }
    return {
      txPerSec: Math.round(results.domain),
      prismaFloorTxPerSec: Math.round(results.floor),
      rawTxPerSec: Math.round(results.raw),
      ratio: Number((results.domain / results.raw).toFixed(3)),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
