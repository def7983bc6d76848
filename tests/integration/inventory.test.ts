// The inventory engine against a real database (SQLite by default, PostgreSQL with TEST_DATABASE_URL).
import { actorOf, systemActor } from '../../app/domain/auth/permissions.server.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OutOfStockError, InventoryRuleError } from '../../app/domain/inventory/errors.ts'
import { listStorefrontProducts } from '../../app/domain/catalog/catalog.server.ts'
import { onlineAvailability } from '../../app/domain/inventory/availability.server.ts'
import type { StockChange } from '../../app/domain/inventory/ledger.server.ts'
import { convertReservationsInTx, extendReservations, releaseReservations, reserveForCheckout, sweepExpiredReservations } from '../../app/domain/inventory/reservations.server.ts'
import { adjustStock, receiveStock, resolveShortfall, returnStock } from '../../app/domain/inventory/stock.server.ts'
import { cancelTransfer, createTransfer, receiveTransfer, sendTransfer } from '../../app/domain/inventory/transfers.server.ts'
import { verifyInventory } from '../../app/domain/inventory/verify.server.ts'
import { recordSale, SaleRuleError } from '../../app/domain/sales/record-sale.server.ts'
import { cashSale, freshProduct, inventoryDeps, locationsByKind } from '../support/inventory-fixtures.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'

let testDb: TestDatabase
let deps: ReturnType<typeof inventoryDeps>
let places: Awaited<ReturnType<typeof locationsByKind>>
const published: StockChange[] = []

beforeAll(async () => {
  testDb = await createTestDatabase()
  deps = inventoryDeps(testDb.database)
  deps.changes.subscribe('inventory:committed', ({ changes }) => published.push(...changes))
  places = await locationsByKind(testDb.database)
})
afterAll(() => testDb?.drop())

const level = (productId: number, locationId: number) =>
  testDb.database.prisma.stockLevel.findUniqueOrThrow({ where: { productId_locationId: { productId, locationId } }, select: { onHand: true, reserved: true } })

describe('levels and ledger', () => {
  it('receives, adjusts with a reason, and writes one movement per change with the resulting levels', async () => {
    const product = await freshProduct(deps, {})
    const received = await receiveStock(deps, { productId: product.id, locationId: places.plaza, quantity: 12, actor: systemActor('maintenance') })
    expect(received).toMatchObject({ onHand: 12, reserved: 0, available: 12, kind: 'RECEIVE' })
    const adjusted = await adjustStock(deps, { productId: product.id, locationId: places.plaza, delta: -2, reason: 'counted 10', actor: systemActor('maintenance') })
    expect(adjusted.seq).toBeGreaterThan(received.seq)
    const movements = await testDb.database.prisma.stockMovement.findMany({ where: { productId: product.id }, orderBy: { id: 'asc' }, select: { kind: true, onHandDelta: true, onHandAfter: true, reason: true } })
    expect(movements).toEqual([
      { kind: 'RECEIVE', onHandDelta: 12, onHandAfter: 12, reason: null },
      { kind: 'ADJUST', onHandDelta: -2, onHandAfter: 10, reason: 'counted 10' },
    ])
    expect(published.filter((c) => c.productId === product.id).map((c) => c.onHand)).toEqual([12, 10])
  })

  it('refuses to adjust below zero, naming what is available, and writes nothing', async () => {
    const product = await freshProduct(deps, { [places.plaza]: 3 })
    const before = await testDb.database.prisma.stockMovement.count({ where: { productId: product.id } })
    const error = await adjustStock(deps, { productId: product.id, locationId: places.plaza, delta: -5, reason: 'lost', actor: systemActor('maintenance') }).catch((e) => e)
    expect(error).toBeInstanceOf(OutOfStockError)
    expect(error).toMatchObject({ available: 3, requested: 5 })
    expect(await level(product.id, places.plaza)).toEqual({ onHand: 3, reserved: 0 })
    expect(await testDb.database.prisma.stockMovement.count({ where: { productId: product.id } })).toBe(before)
  })

  it('restocks a return or writes it off as damaged', async () => {
    const product = await freshProduct(deps, { [places.plaza]: 1 })
    await returnStock(deps, { productId: product.id, locationId: places.plaza, quantity: 2, disposition: 'RESTOCK', actor: systemActor('maintenance') })
    const writeOff = await returnStock(deps, { productId: product.id, locationId: places.plaza, quantity: 1, disposition: 'WRITE_OFF', actor: systemActor('maintenance') })
    expect(writeOff).toMatchObject({ kind: 'RETURN_WRITE_OFF', onHand: 3 })
    expect(await level(product.id, places.plaza)).toEqual({ onHand: 3, reserved: 0 })
  })
})

describe('selling', () => {
  it('sells a multi-vendor basket, attributes money to each enterprise and takes the stock', async () => {
    const enterprises = await testDb.database.prisma.enterprise.findMany({ select: { id: true }, take: 2, orderBy: { id: 'asc' } })
    const a = await freshProduct(deps, { [places.plaza]: 5 }, { priceWon: 12_000, enterpriseId: enterprises[0].id })
    const b = await freshProduct(deps, { [places.plaza]: 5 }, { priceWon: 3_300, vatExempt: true, enterpriseId: enterprises[1].id })
    const sale = await recordSale(deps, {
      clientId: 'basket-multi-vendor-0001',
      locationId: places.plaza,
      lines: [{ productId: a.id, quantity: 2 }, { productId: b.id, quantity: 1 }],
      tenders: [{ kind: 'CULTURE_NURI', amountWon: 10_000 }, { kind: 'CASH', amountWon: 17_300 }],
    }, { actor: systemActor('maintenance') })
    expect(sale).toMatchObject({ totalWon: 27_300, replayed: false })
    const stored = await testDb.database.prisma.sale.findUniqueOrThrow({
      where: { id: sale.saleId },
      select: { channel: true, taxableWon: true, exemptWon: true, vatWon: true, tenders: { select: { amountWon: true, allocations: { select: { enterpriseId: true, amountWon: true } } } } },
    })
    expect(stored).toMatchObject({ channel: 'PLAZA', taxableWon: 24_000, exemptWon: 3_300, vatWon: 2_182 })
    for (const tender of stored.tenders) expect(tender.allocations.reduce((sum, x) => sum + x.amountWon, 0)).toBe(tender.amountWon)
    expect(await level(a.id, places.plaza)).toEqual({ onHand: 3, reserved: 0 })
    expect(await level(b.id, places.plaza)).toEqual({ onHand: 4, reserved: 0 })
  })

  it('records a retried sale once', async () => {
    const product = await freshProduct(deps, { [places.plaza]: 5 }, { priceWon: 1_000 })
    const input = cashSale(places.plaza, [{ productId: product.id, quantity: 1, priceWon: 1_000 }])
    const results = await Promise.all([recordSale(deps, input, { actor: systemActor('maintenance') }), recordSale(deps, input, { actor: systemActor('maintenance') }), recordSale(deps, input, { actor: systemActor('maintenance') })])
    expect(new Set(results.map((r) => r.saleId)).size).toBe(1)
    expect(results.filter((r) => !r.replayed)).toHaveLength(1)
    expect(await level(product.id, places.plaza)).toEqual({ onHand: 4, reserved: 0 })
  })

  it('refuses a sale it cannot fill with a named error and writes nothing', async () => {
    const product = await freshProduct(deps, { [places.plaza]: 1 }, { priceWon: 1_000 })
    const before = await testDb.database.prisma.sale.count()
    const error = await recordSale(deps, cashSale(places.plaza, [{ productId: product.id, quantity: 2, priceWon: 1_000 }]), { actor: systemActor('maintenance') }).catch((e) => e)
    expect(error).toBeInstanceOf(OutOfStockError)
    expect(error.toJSON()).toMatchObject({ code: 'OUT_OF_STOCK', available: 1, requested: 2 })
    expect(await testDb.database.prisma.sale.count()).toBe(before)
    const tenderMismatch = await recordSale(deps, { ...cashSale(places.plaza, [{ productId: product.id, quantity: 1, priceWon: 999 }]) }, { actor: systemActor('maintenance') }).catch((e) => e)
    expect(tenderMismatch).toBeInstanceOf(SaleRuleError)
    expect(await level(product.id, places.plaza)).toEqual({ onHand: 1, reserved: 0 })
  })

  it('refuses to sell a product the location does not stock, writing nothing', async () => {
    const product = await freshProduct(deps, { [places.plaza]: 3 }, { priceWon: 1_000 })
    const sales = await testDb.database.prisma.sale.count()
    const error = await recordSale(deps, cashSale(places.festival, [{ productId: product.id, quantity: 1, priceWon: 1_000 }]), { actor: systemActor('maintenance') }).catch((e) => e)
    expect(error).toBeInstanceOf(InventoryRuleError)
    expect(error.code).toBe('NOT_STOCKED')
    expect(await testDb.database.prisma.sale.count()).toBe(sales)
    expect(await testDb.database.prisma.stockMovement.count({ where: { productId: product.id, locationId: places.festival } })).toBe(0)
  })

  it('never refuses an offline sale; the shortfall is recorded and flagged, then resolved', async () => {
    const product = await freshProduct(deps, { [places.popup]: 2 }, { priceWon: 2_000 })
    const sale = await recordSale(deps, { ...cashSale(places.popup, [{ productId: product.id, quantity: 5, priceWon: 2_000 }]), recordedOffline: true }, { actor: systemActor('maintenance') })
    expect(sale.replayed).toBe(false)
    expect(await level(product.id, places.popup)).toEqual({ onHand: 0, reserved: 0 })
    const flagged = await testDb.database.prisma.stockMovement.findFirstOrThrow({ where: { productId: product.id, kind: 'OFFLINE_SHORTFALL' }, select: { id: true, shortfall: true, needsReview: true, saleId: true } })
    expect(flagged).toMatchObject({ shortfall: 3, needsReview: true, saleId: sale.saleId })
    const organizer = actorOf({ ...(await testDb.database.prisma.user.findFirstOrThrow({ where: { role: 'ORGANIZER' }, select: { id: true, role: true, enterpriseId: true } })), deviceId: null })
    const otherVendor = await testDb.database.prisma.user.findFirstOrThrow({ where: { role: 'VENDOR', enterpriseId: { not: product.enterpriseId } }, select: { id: true, role: true, enterpriseId: true } })
    await expect(resolveShortfall(deps, { movementId: flagged.id, resolution: 'found 3 in the van', actor: actorOf({ ...otherVendor, deviceId: null }) })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await resolveShortfall(deps, { movementId: flagged.id, resolution: 'found 3 in the van', actor: organizer })
    await expect(resolveShortfall(deps, { movementId: flagged.id, resolution: 'again', actor: organizer })).rejects.toThrow(/already resolved/)
  })
})

describe('reservations for online checkout', () => {
  it('reserves, extends, converts into a sale, and releases', async () => {
    const product = await freshProduct(deps, { [places.online]: 4 }, { priceWon: 7_000 })
    const before = (await onlineAvailability({ db: testDb.database.prisma, productIds: [product.id] })).get(product.id)
    expect(before).toBe(4)
    const holds = await reserveForCheckout(deps, { checkoutId: 'checkout-aaaa-0001', lines: [{ productId: product.id, quantity: 3 }], ttlMinutes: 15, actor: systemActor('storefront-checkout') })
    expect(holds).toHaveLength(1)
    expect(await level(product.id, places.online)).toEqual({ onHand: 4, reserved: 3 })
    expect((await onlineAvailability({ db: testDb.database.prisma, productIds: [product.id] })).get(product.id)).toBe(1)
    // The storefront sells exactly that: stock held for another checkout is not offered.
    const shelf = await listStorefrontProducts({ database: testDb.database, q: '시험 상품' })
    expect(shelf.find((p) => p.id === product.id)?.availableOnline).toBe(1)
    await expect(reserveForCheckout(deps, { checkoutId: 'checkout-aaaa-0002', lines: [{ productId: product.id, quantity: 2 }], ttlMinutes: 15, actor: systemActor('storefront-checkout') })).rejects.toMatchObject({ available: 1 })
    await extendReservations(deps, { checkoutId: 'checkout-aaaa-0001', ttlMinutes: 30, actor: systemActor('storefront-checkout') })
    const sale = await recordSale(deps, {
      clientId: 'online-order-aaaa-0001',
      locationId: places.online,
      checkoutId: 'checkout-aaaa-0001',
      fulfilment: 'PICKUP',
      lines: [{ productId: product.id, quantity: 3 }],
      tenders: [{ kind: 'ONLINE_CARD', amountWon: 21_000 }],
    }, { actor: systemActor('maintenance') })
    expect(sale.replayed).toBe(false)
    expect(await level(product.id, places.online)).toEqual({ onHand: 1, reserved: 0 })
    const reservation = await testDb.database.prisma.reservation.findFirstOrThrow({ where: { checkoutId: 'checkout-aaaa-0001' }, select: { status: true, saleId: true } })
    expect(reservation).toEqual({ status: 'CONVERTED', saleId: sale.saleId })

    await reserveForCheckout(deps, { checkoutId: 'checkout-aaaa-0003', lines: [{ productId: product.id, quantity: 1 }], ttlMinutes: 15, actor: systemActor('storefront-checkout') })
    await releaseReservations(deps, { checkoutId: 'checkout-aaaa-0003', actor: systemActor('storefront-checkout') })
    expect(await level(product.id, places.online)).toEqual({ onHand: 1, reserved: 0 })
  })

  it('the sweeper releases expired holds, and an expired checkout cannot be converted', async () => {
    const product = await freshProduct(deps, { [places.online]: 2 }, { priceWon: 1_000 })
    await reserveForCheckout(deps, { checkoutId: 'checkout-expire-0001', lines: [{ productId: product.id, quantity: 2 }], ttlMinutes: 1, actor: systemActor('storefront-checkout') })
    const later = new Date(Date.now() + 2 * 60_000)
    expect(await sweepExpiredReservations(deps, { actor: systemActor('reservation-sweeper'), now: later })).toBeGreaterThanOrEqual(1)
    expect(await level(product.id, places.online)).toEqual({ onHand: 2, reserved: 0 })
    const status = await testDb.database.prisma.reservation.findFirstOrThrow({ where: { checkoutId: 'checkout-expire-0001' }, select: { status: true } })
    expect(status.status).toBe('EXPIRED')
    await expect(
      testDb.database.prisma.$transaction((tx) => convertReservationsInTx({ tx, kind: testDb.database.kind, now: new Date(), changes: [] }, { checkoutId: 'checkout-expire-0001', saleId: 1, actorUserId: null })),
    ).rejects.toThrow(/no active reservation/)
  })
})

describe('transfers', () => {
  it('sends, receives partially (recording the difference), and cancels a sent transfer back to the origin', async () => {
    const product = await freshProduct(deps, { [places.online]: 10 })
    const { transferId } = await createTransfer(deps, { fromLocationId: places.online, toLocationId: places.festival, lines: [{ productId: product.id, quantity: 6 }], actor: systemActor('maintenance') })
    expect(await level(product.id, places.online)).toEqual({ onHand: 10, reserved: 0 }) // a draft moves nothing
    await sendTransfer(deps, { transferId, actor: systemActor('maintenance') })
    expect(await level(product.id, places.online)).toEqual({ onHand: 4, reserved: 0 })
    await expect(sendTransfer(deps, { transferId, actor: systemActor('maintenance') })).rejects.toThrow(/is SENT/)
    await receiveTransfer(deps, { transferId, lines: [{ productId: product.id, receivedQuantity: 5 }], actor: systemActor('maintenance') })
    expect(await level(product.id, places.festival)).toEqual({ onHand: 5, reserved: 0 })
    const line = await testDb.database.prisma.transferLine.findFirstOrThrow({ where: { transferId }, select: { quantity: true, receivedQuantity: true } })
    expect(line).toEqual({ quantity: 6, receivedQuantity: 5 })

    const second = await createTransfer(deps, { fromLocationId: places.online, toLocationId: places.plaza, lines: [{ productId: product.id, quantity: 4 }], actor: systemActor('maintenance') })
    await sendTransfer(deps, { transferId: second.transferId, actor: systemActor('maintenance') })
    expect(await level(product.id, places.online)).toEqual({ onHand: 0, reserved: 0 })
    await cancelTransfer(deps, { transferId: second.transferId, actor: systemActor('maintenance') })
    expect(await level(product.id, places.online)).toEqual({ onHand: 4, reserved: 0 })
    await expect(receiveTransfer(deps, { transferId: second.transferId, lines: [{ productId: product.id, receivedQuantity: 4 }], actor: systemActor('maintenance') })).rejects.toThrow(/CANCELLED/)
  })

  it('refuses to send more than is available and leaves everything as it was', async () => {
    const product = await freshProduct(deps, { [places.plaza]: 2 })
    const { transferId } = await createTransfer(deps, { fromLocationId: places.plaza, toLocationId: places.popup, lines: [{ productId: product.id, quantity: 3 }], actor: systemActor('maintenance') })
    await expect(sendTransfer(deps, { transferId, actor: systemActor('maintenance') })).rejects.toBeInstanceOf(OutOfStockError)
    const transfer = await testDb.database.prisma.transfer.findUniqueOrThrow({ where: { id: transferId }, select: { status: true } })
    expect(transfer.status).toBe('DRAFT')
    expect(await level(product.id, places.plaza)).toEqual({ onHand: 2, reserved: 0 })
  })
})

describe('no oversell under concurrency', () => {
  it('200 concurrent buyers across 4 channels race for 50 units: exactly 50 sell', async () => {
    const { plaza, popup, festival, online } = places
    const product = await freshProduct(deps, { [plaza]: 50 }, { priceWon: 1_000 })
    // The 50 units are spread over the four channels' locations (20 plaza, 10 popup, 10 festival,
    // 10 online warehouse); 50 buyers per channel race for them at the same time. Online buyers go
    // the real online way: reserve at checkout, then pay (convert the reservation into the sale).
    const channels = [plaza, popup, festival, online]
    for (const locationId of channels.slice(1)) {
      const { transferId } = await createTransfer(deps, { fromLocationId: plaza, toLocationId: locationId, lines: [{ productId: product.id, quantity: 10 }], actor: systemActor('maintenance') })
      await sendTransfer(deps, { transferId, actor: systemActor('maintenance') })
      await receiveTransfer(deps, { transferId, lines: [], actor: systemActor('maintenance') })
    }
    const buy = async (i: number) => {
      const locationId = channels[i % 4]
      if (locationId !== online) return recordSale(deps, cashSale(locationId, [{ productId: product.id, quantity: 1, priceWon: 1_000 }]), { actor: systemActor('maintenance') })
      const checkoutId = `race-checkout-${i}-${product.id}`
      await reserveForCheckout(deps, { checkoutId, lines: [{ productId: product.id, quantity: 1 }], ttlMinutes: 15, actor: systemActor('storefront-checkout') })
      return recordSale(deps, { clientId: `race-order-${i}-${product.id}`, locationId, checkoutId, fulfilment: 'DELIVERY', lines: [{ productId: product.id, quantity: 1 }], tenders: [{ kind: 'ONLINE_CARD', amountWon: 1_000 }] }, { actor: systemActor('maintenance') })
    }
    const outcomes = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => buy(i)))
    const sold = outcomes.filter((o) => o.status === 'fulfilled').length
    const refused = outcomes.filter((o) => o.status === 'rejected')
    expect(sold).toBe(50)
    expect(refused.every((o) => (o as PromiseRejectedResult).reason instanceof OutOfStockError)).toBe(true)
    const levels = await testDb.database.prisma.stockLevel.findMany({ where: { productId: product.id }, select: { onHand: true, reserved: true } })
    expect(levels.every((l) => l.onHand === 0 && l.reserved === 0)).toBe(true)
    expect(await verifyInventory({ db: testDb.database.prisma })).toEqual([])
  })
})

describe('verifier', () => {
  it('passes on the seeded and exercised database, and names each mismatch it finds', async () => {
    expect(await verifyInventory({ db: testDb.database.prisma })).toEqual([])
    const product = await freshProduct(deps, { [places.plaza]: 3 })
    await testDb.database.prisma.stockLevel.update({ where: { productId_locationId: { productId: product.id, locationId: places.plaza } }, data: { onHand: 7 } })
    const mismatches = await verifyInventory({ db: testDb.database.prisma })
    expect(mismatches).toEqual(expect.arrayContaining([expect.objectContaining({ productId: product.id, locationId: places.plaza, problem: expect.stringMatching(/on hand 7 ≠ ledger sum 3/) })]))
    await testDb.database.prisma.stockLevel.update({ where: { productId_locationId: { productId: product.id, locationId: places.plaza } }, data: { onHand: 3 } })
  })
})

describe('prices come from the catalog, never stale', () => {
  it('prices a sale at the new price after a price change, and refuses a tender made for the old one', async () => {
    const product = await freshProduct(deps, { [places.plaza]: 10 }, { priceWon: 4_000 })
    await recordSale(deps, cashSale(places.plaza, [{ productId: product.id, quantity: 1, priceWon: 4_000 }]), { actor: systemActor('maintenance') }) // caches the price
    await testDb.database.prisma.product.update({ where: { id: product.id }, data: { priceWon: 4_500 } })
    const stale = await recordSale(deps, cashSale(places.plaza, [{ productId: product.id, quantity: 1, priceWon: 4_000 }]), { actor: systemActor('maintenance') }).catch((e) => e)
    expect(stale).toBeInstanceOf(SaleRuleError)
    expect(stale.code).toBe('TENDER_MISMATCH')
    const sale = await recordSale(deps, cashSale(places.plaza, [{ productId: product.id, quantity: 1, priceWon: 4_500 }]), { actor: systemActor('maintenance') })
    const line = await testDb.database.prisma.saleLine.findFirstOrThrow({ where: { saleId: sale.saleId }, select: { unitPriceWon: true } })
    expect(line.unitPriceWon).toBe(4_500)
    expect(await level(product.id, places.plaza)).toEqual({ onHand: 8, reserved: 0 })
  })

  it('refuses a product withdrawn after it was cached', async () => {
    const product = await freshProduct(deps, { [places.plaza]: 10 }, { priceWon: 2_000 })
    await recordSale(deps, cashSale(places.plaza, [{ productId: product.id, quantity: 1, priceWon: 2_000 }]), { actor: systemActor('maintenance') })
    await testDb.database.prisma.product.update({ where: { id: product.id }, data: { active: false } })
    const error = await recordSale(deps, cashSale(places.plaza, [{ productId: product.id, quantity: 1, priceWon: 2_000 }]), { actor: systemActor('maintenance') }).catch((e) => e)
    expect(error).toBeInstanceOf(SaleRuleError)
    expect(error.code).toBe('UNKNOWN_PRODUCT')
    expect(await level(product.id, places.plaza)).toEqual({ onHand: 9, reserved: 0 })
  })
})
