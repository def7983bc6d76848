// The demo seed: deterministic for a given day, realistic totals, every invariant the app relies on.
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../app/db/client.server.ts'
import { seedDatabase } from '../../prisma/seed/seed.server.ts'
import { seedTodayFromEnv } from '../../prisma/seed/today.ts'
import { TEST_TODAY } from '../support/database-kind.ts'
import { createEmptyDatabase, createTestDatabase, type TestDatabase } from '../support/test-database.ts'

const TABLES = ['Enterprise', 'Category', 'Product', 'Location', 'Event', 'StockLevel', 'StockMovement', 'Sale', 'SaleLine', 'Tender', 'TenderAllocation', 'Refund', 'SalesTarget', 'User']
const SECRET_COLUMNS = new Set(['passwordHash', 'pinHash'])

async function digest(db: Db, table: string): Promise<string> {
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table}" ORDER BY "id"`)
  const hash = createHash('sha256')
  for (const row of rows) {
    for (const [column, value] of Object.entries(row)) {
      if (SECRET_COLUMNS.has(column)) continue
      hash.update(`${column}=${value instanceof Date ? value.toISOString() : String(value)};`)
    }
    hash.update('\n')
  }
  return `${rows.length}:${hash.digest('hex')}`
}

let seeded: TestDatabase
let fresh: TestDatabase

beforeAll(async () => {
  seeded = await createTestDatabase() // the template, seeded once for TEST_TODAY
  fresh = await createEmptyDatabase()
  await seedDatabase(fresh.database.prisma, { today: seedTodayFromEnv(TEST_TODAY), provider: fresh.database.kind, writeImages: false })
})
afterAll(async () => {
  await seeded?.drop()
  await fresh?.drop()
})

describe('demo seed', () => {
  it('writes identical rows on every run for the same day', async () => {
    for (const table of TABLES) expect(await digest(fresh.database.prisma, table), table).toBe(await digest(seeded.database.prisma, table))
  })

  it('refuses to seed a database that already has data, and changes nothing', async () => {
    const before = await fresh.database.prisma.sale.count()
    await expect(seedDatabase(fresh.database.prisma, { today: seedTodayFromEnv(TEST_TODAY), writeImages: false })).rejects.toThrow(/empty database/)
    expect(await fresh.database.prisma.sale.count()).toBe(before)
  })

  it('covers every enterprise type with at least 20 enterprises and 150 products', async () => {
    const db = seeded.database.prisma
    expect(await db.enterprise.count()).toBeGreaterThanOrEqual(20)
    const types = await db.enterprise.groupBy({ by: ['type'], _count: { _all: true } })
    expect(types.map((t) => t.type).sort()).toEqual(
      ['COOPERATIVE', 'PRELIMINARY_SOCIAL_ENTERPRISE', 'SELF_SUFFICIENCY_ENTERPRISE', 'SOCIAL_COOPERATIVE', 'SOCIAL_ENTERPRISE', 'VILLAGE_ENTERPRISE'],
    )
    expect(await db.product.count()).toBeGreaterThanOrEqual(150)
    const prices = await db.product.findMany({ select: { priceWon: true } })
    expect(prices.every((p) => Number.isInteger(p.priceWon) && p.priceWon >= 500)).toBe(true)
  })

  it('has plaza stalls, popup booths, a festival booth and an online warehouse, with stock', async () => {
    const db = seeded.database.prisma
    const kinds = await db.location.groupBy({ by: ['kind'], _count: { _all: true } })
    const count = Object.fromEntries(kinds.map((k) => [k.kind, k._count._all]))
    expect(count.PLAZA).toBeGreaterThanOrEqual(3)
    expect(count.POPUP).toBeGreaterThanOrEqual(2)
    expect(count.FESTIVAL).toBeGreaterThanOrEqual(1)
    expect(await db.location.count({ where: { kind: 'ONLINE', fulfilsOnline: true } })).toBe(1)
    expect(await db.stockLevel.count({ where: { onHand: { gt: 0 } } })).toBeGreaterThan(150)
  })

  it('sold about ₩300,000,000 last year and keeps a target for this year', async () => {
    const db = seeded.database.prisma
    const year = Number(TEST_TODAY.slice(0, 4))
    const lastYear = await db.sale.aggregate({
      where: { status: 'COMPLETED', occurredAt: { gte: new Date(`${year - 1}-01-01T00:00:00+09:00`), lt: new Date(`${year}-01-01T00:00:00+09:00`) } },
      _sum: { totalWon: true },
    })
    expect(lastYear._sum.totalWon).toBeGreaterThanOrEqual(295_000_000)
    expect(lastYear._sum.totalWon).toBeLessThanOrEqual(305_000_000)
    const target = await db.salesTarget.findUniqueOrThrow({ where: { year }, select: { amountWon: true, channels: { select: { amountWon: true } } } })
    expect(target.channels.reduce((sum, c) => sum + c.amountWon, 0)).toBe(target.amountWon)
    const channels = await db.sale.groupBy({ by: ['channel'], _count: { _all: true } })
    expect(channels.map((c) => c.channel).sort()).toEqual(['FESTIVAL', 'ONLINE', 'PLAZA', 'POPUP'])
  })

  it('keeps sales, tenders and allocations consistent to the won', async () => {
    const db = seeded.database.prisma
    const sales = await db.sale.findMany({
      take: 2000,
      orderBy: { id: 'asc' },
      select: { totalWon: true, taxableWon: true, exemptWon: true, lines: { select: { lineTotalWon: true, vatExempt: true } }, tenders: { select: { amountWon: true, allocations: { select: { amountWon: true } } } } },
    })
    for (const sale of sales) {
      expect(sale.lines.reduce((sum, l) => sum + l.lineTotalWon, 0)).toBe(sale.totalWon)
      expect(sale.lines.filter((l) => l.vatExempt).reduce((sum, l) => sum + l.lineTotalWon, 0)).toBe(sale.exemptWon)
      expect(sale.tenders.reduce((sum, t) => sum + t.amountWon, 0)).toBe(sale.totalWon)
      for (const tender of sale.tenders) expect(tender.allocations.reduce((sum, a) => sum + a.amountWon, 0)).toBe(tender.amountWon)
    }
  })

  it('opens every stock level with a ledger that sums to it', async () => {
    const db = seeded.database.prisma
    const levels = await db.stockLevel.findMany({ select: { productId: true, locationId: true, onHand: true, reserved: true } })
    const sums = await db.stockMovement.groupBy({ by: ['productId', 'locationId'], _sum: { onHandDelta: true } })
    const ledger = new Map(sums.map((s) => [`${s.productId}:${s.locationId}`, s._sum.onHandDelta ?? 0]))
    for (const level of levels) expect(ledger.get(`${level.productId}:${level.locationId}`)).toBe(level.onHand)
  })
})
