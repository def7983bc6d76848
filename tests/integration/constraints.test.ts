// The database itself refuses impossible values (CHECK constraints on PostgreSQL, their trigger
// equivalents on SQLite), so no code path can store negative stock or a broken sale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'

let testDb: TestDatabase
beforeAll(async () => {
  testDb = await createTestDatabase()
})
afterAll(() => testDb?.drop())

describe('database constraints', () => {
  it('refuses negative stock and leaves the level unchanged', async () => {
    const db = testDb.database.prisma
    const level = await db.stockLevel.findFirstOrThrow({ select: { id: true, onHand: true } })
    await expect(db.stockLevel.update({ where: { id: level.id }, data: { onHand: -1 } })).rejects.toThrow(/StockLevel_onHand_nonnegative/)
    await expect(db.stockLevel.update({ where: { id: level.id }, data: { reserved: -1 } })).rejects.toThrow(/StockLevel_reserved_nonnegative/)
    expect((await db.stockLevel.findUniqueOrThrow({ where: { id: level.id }, select: { onHand: true } })).onHand).toBe(level.onHand)
  })

  it('refuses a negative price, a zero-quantity line and a sale whose parts do not add up', async () => {
    const db = testDb.database.prisma
    const product = await db.product.findFirstOrThrow({ select: { id: true } })
    await expect(db.product.update({ where: { id: product.id }, data: { priceWon: -100 } })).rejects.toThrow(/Product_price_nonnegative/)
    const line = await db.saleLine.findFirstOrThrow({ select: { id: true } })
    await expect(db.saleLine.update({ where: { id: line.id }, data: { quantity: 0 } })).rejects.toThrow(/SaleLine_quantity_positive/)
    const sale = await db.sale.findFirstOrThrow({ select: { id: true, totalWon: true } })
    await expect(db.sale.update({ where: { id: sale.id }, data: { totalWon: sale.totalWon + 1 } })).rejects.toThrow(/Sale_total_is_taxable_plus_exempt/)
  })

  it('refuses a transfer to the same location and an event that ends before it starts', async () => {
    const db = testDb.database.prisma
    const location = await db.location.findFirstOrThrow({ select: { id: true } })
    await expect(db.transfer.create({ data: { fromLocationId: location.id, toLocationId: location.id } })).rejects.toThrow(/Transfer_distinct_locations/)
    expect(await db.transfer.count({ where: { fromLocationId: location.id, toLocationId: location.id } })).toBe(0)
    const event = await db.event.findFirstOrThrow({ select: { id: true, startsAt: true } })
    await expect(db.event.update({ where: { id: event.id }, data: { endsAt: new Date(event.startsAt.getTime() - 1) } })).rejects.toThrow(/Event_ends_after_start/)
  })
})

describe('constraints that survive table redefinitions', () => {
  it('refuses a zero-quantity reservation and a negative shortfall', async () => {
    const db = testDb.database.prisma
    const level = await db.stockLevel.findFirstOrThrow({ select: { productId: true, locationId: true } })
    await expect(
      db.reservation.create({ data: { checkoutId: 'c', productId: level.productId, locationId: level.locationId, quantity: 0, expiresAt: new Date() } }),
    ).rejects.toThrow(/Reservation_quantity_positive/)
    const movement = await db.stockMovement.findFirstOrThrow({ select: { id: true } })
    await expect(db.stockMovement.update({ where: { id: movement.id }, data: { shortfall: -1 } })).rejects.toThrow(/StockMovement_shortfall_nonnegative/)
  })
})
