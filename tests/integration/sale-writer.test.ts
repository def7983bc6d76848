// One way to write a sale: the seed and live sales share the row builder and the allocation policy.
import { actorOf, systemActor } from '../../app/domain/auth/permissions.server.ts'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allocateTenders, splitProportionally } from '../../app/domain/sales/allocation.ts'
import { recordSale } from '../../app/domain/sales/record-sale.server.ts'
import { Rng } from '../../prisma/seed/random.ts'
import { pricedDraft } from '../../prisma/seed/sales-rows.ts'
import type { SaleDraft } from '../../prisma/seed/history.ts'
import { PRODUCTS } from '../../prisma/seed/catalog-data.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'
import { cashSale, freshProduct, inventoryDeps, locationsByKind } from '../support/inventory-fixtures.ts'

const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0)

describe('allocateTenders', () => {
  it('splits every tender to the won and gives each enterprise exactly its lines, for random baskets', () => {
    const rng = new Rng('allocation-properties')
    for (let round = 0; round < 2000; round++) {
      const due = new Map<number, number>()
      for (let e = 0, n = rng.int(1, 5); e < n; e++) due.set(rng.int(1, 40), rng.int(1, 200_000))
      const total = sum(due.values())
      const amounts: number[] = []
      let left = total
      while (left > 0) {
        const amount = amounts.length === 3 ? left : Math.min(left, rng.int(1, total))
        amounts.push(amount)
        left -= amount
      }
      const tenders = amounts.map((amountWon) => ({ amountWon }))
      const allocations = allocateTenders(due, tenders)
      allocations.forEach((allocation, i) => {
        expect(sum(allocation.values())).toBe(amounts[i])
        for (const [enterprise, won] of allocation) expect(due.has(enterprise) && won > 0 && Number.isInteger(won)).toBe(true)
        expect([...allocation.keys()]).toEqual([...allocation.keys()].sort((a, b) => a - b))
      })
      for (const [enterprise, won] of due) expect(sum(allocations.map((a) => a.get(enterprise) ?? 0))).toBe(won)
      expect(allocateTenders(due, tenders)).toEqual(allocations) // deterministic
    }
  })

  it('allocates a one-enterprise basket too, and charges a voucher only to its eligible enterprises', () => {
    expect(allocateTenders(new Map([[7, 5_000]]), [{ amountWon: 2_000 }, { amountWon: 3_000 }])).toEqual([new Map([[7, 2_000]]), new Map([[7, 3_000]])])
    const due = new Map([[1, 10_000], [2, 6_000]])
    const [voucher, card] = allocateTenders(due, [{ amountWon: 6_000, eligibleWon: new Map([[2, 6_000]]) }, { amountWon: 10_000 }])
    expect(voucher).toEqual(new Map([[2, 6_000]]))
    expect(card).toEqual(new Map([[1, 10_000]]))
  })

  it('splits by largest remainder, ties to the earlier enterprise', () => {
    expect(splitProportionally(10, [1, 1, 1])).toEqual([4, 3, 3])
    expect(splitProportionally(100, [0, 0])).toEqual([100, 0])
  })
})

describe('seeded and live sales', () => {
  let testDb: TestDatabase
  beforeAll(async () => {
    testDb = await createTestDatabase()
  })
  afterAll(async () => {
    await testDb?.drop()
  })

  it('store the same allocation for the same basket and tenders, one-enterprise baskets included', async () => {
    const deps = inventoryDeps(testDb.database)
    const places = await locationsByKind(testDb.database)
    // Seeded enterprises have ids 1, 2, … in catalogue order, which the seed's drafts index from 0.
    const a = await freshProduct(deps, { [places.plaza]: 10 }, { priceWon: 3_000, enterpriseId: 1 })
    const b = await freshProduct(deps, { [places.plaza]: 10 }, { priceWon: 1_700, enterpriseId: 2 })
    const live = await recordSale(deps, {
      clientId: `writer-${randomUUID()}`,
      locationId: places.plaza,
      lines: [{ productId: a.id, quantity: 2 }, { productId: b.id, quantity: 1 }],
      tenders: [{ kind: 'CASH', amountWon: 2_501 }, { kind: 'CARD', amountWon: 5_199 }],
    }, { actor: systemActor('maintenance') })
    const single = await recordSale(deps, cashSale(places.plaza, [{ productId: a.id, quantity: 1, priceWon: 3_000 }]), { actor: systemActor('maintenance') })
    const stored = async (saleId: number) =>
      (
        await testDb.database.prisma.tender.findMany({
          where: { saleId },
          orderBy: { id: 'asc' },
          select: { allocations: { orderBy: { enterpriseId: 'asc' }, select: { enterpriseId: true, amountWon: true } } },
        })
      ).map((t) => new Map(t.allocations.map((x) => [x.enterpriseId, x.amountWon])))

    // The same baskets as seed history drafts, priced by the seed (sales-rows.ts).
    const productOf = (enterpriseIndex: number) => PRODUCTS.findIndex((p) => p.enterpriseIndex === enterpriseIndex)
    const draft = (lines: [enterpriseIndex: number, won: number][], tenders: number[]): SaleDraft => {
      const total = sum(lines.map(([, won]) => won))
      return {
        channel: 'PLAZA', locationIndex: 0, eventIndex: null, occurredAt: new Date(), fulfilment: 'IN_PERSON', cashierUserIndex: null,
        lines: lines.map(([e, won]) => ({ productIndex: productOf(e), quantity: 1, unitPriceWon: won, discountWon: 0, lineTotalWon: won })),
        tenders: tenders.map((amountWon, i) => ({ kind: i === 0 ? 'CASH' : 'CARD', amountWon, voucher: null, eligibleWon: null, reference: null })),
        subtotalWon: total, discountWon: 0, totalWon: total, taxableWon: total, exemptWon: 0,
        customerName: null, customerPhone: null, deliveryAddress: null, cashReceiptId: null, status: 'COMPLETED', refund: null, removed: false,
      }
    }
    const ids = { voucherId: new Map<string, number>(), deviceIdByLocation: new Map<number, number>(), organizerId: 1 }
    const seeded = pricedDraft(draft([[0, 6_000], [1, 1_700]], [2_501, 5_199]), 1, 'DM-TEST-1', ids)
    const seededSingle = pricedDraft(draft([[0, 3_000]], [3_000]), 2, 'DM-TEST-2', ids)

    expect(await stored(live.saleId)).toEqual(seeded.tenders.map((t) => t.allocations))
    expect(await stored(single.saleId)).toEqual(seededSingle.tenders.map((t) => t.allocations))
    expect(await stored(single.saleId)).toEqual([new Map([[1, 3_000]])])
    // Across both tenders each enterprise receives exactly its lines.
    const perEnterprise = (await stored(live.saleId)).reduce((acc, m) => { for (const [e, won] of m) acc.set(e, (acc.get(e) ?? 0) + won); return acc }, new Map<number, number>())
    expect(perEnterprise).toEqual(new Map([[1, 6_000], [2, 1_700]]))
  })

  it('records a sale only for a cashier on a paired tablet or a system actor, writing nothing otherwise', async () => {
    const deps = inventoryDeps(testDb.database)
    const places = await locationsByKind(testDb.database)
    const product = await freshProduct(deps, { [places.plaza]: 3 }, { priceWon: 2_000 })
    const db = testDb.database.prisma
    const cashier = await db.user.findFirstOrThrow({ where: { posHandle: 'cashier1' }, select: { id: true, role: true, enterpriseId: true } })
    const tablet = await db.posDevice.findFirstOrThrow({ select: { id: true } })
    const level = () => db.stockLevel.findFirstOrThrow({ where: { productId: product.id, locationId: places.plaza }, select: { onHand: true } })
    const ledgerRows = () => db.stockMovement.count({ where: { productId: product.id } })
    const before = { level: await level(), ledger: await ledgerRows(), sales: await db.sale.count() }

    // A web session (no tablet) is refused by the domain itself, whatever the route did.
    const webSession = actorOf({ ...cashier, deviceId: null })
    await expect(recordSale(deps, cashSale(places.plaza, [{ productId: product.id, quantity: 1, priceWon: 2_000 }]), { actor: webSession })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect({ level: await level(), ledger: await ledgerRows(), sales: await db.sale.count() }).toEqual(before)

    // On a paired tablet the sale is recorded, and the ledger names the cashier.
    const onTablet = actorOf({ ...cashier, deviceId: tablet.id })
    const sold = await recordSale(deps, cashSale(places.plaza, [{ productId: product.id, quantity: 1, priceWon: 2_000 }]), { actor: onTablet })
    const movement = await db.stockMovement.findFirstOrThrow({ where: { saleId: sold.saleId }, select: { actorUserId: true } })
    expect(movement.actorUserId).toBe(cashier.id)
    expect((await db.sale.findUniqueOrThrow({ where: { id: sold.saleId }, select: { deviceId: true } })).deviceId).toBe(tablet.id)
  })
})
