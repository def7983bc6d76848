// Authorisation lives in the inventory domain: every write refuses, inside its own transaction,
// goods its actor may not manage, so a route that forgets its scope check opens no hole. These
// tests call the domain directly (no route) and check that a refusal writes nothing at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actorOf, systemActor, type Actor } from '../../app/domain/auth/permissions.server.ts'
import { extendReservations, releaseReservations, reserveForCheckout, sweepExpiredReservations } from '../../app/domain/inventory/reservations.server.ts'
import { adjustStock, receiveStock, resolveShortfall, returnStock } from '../../app/domain/inventory/stock.server.ts'
import { cancelTransfer, createTransfer, receiveTransfer, sendTransfer } from '../../app/domain/inventory/transfers.server.ts'
import { freshProduct, inventoryDeps, locationsByKind } from '../support/inventory-fixtures.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'

let testDb: TestDatabase
let deps: ReturnType<typeof inventoryDeps>
let places: Awaited<ReturnType<typeof locationsByKind>>
const maintenance = systemActor('maintenance')

beforeAll(async () => {
  testDb = await createTestDatabase()
  deps = inventoryDeps(testDb.database)
  places = await locationsByKind(testDb.database)
})
afterAll(() => testDb?.drop())

const db = () => testDb.database.prisma

async function userActor(where: { role: 'ORGANIZER' | 'VENDOR' | 'CASHIER'; enterpriseId?: number | { not: number } }): Promise<Actor> {
  const user = await db().user.findFirstOrThrow({ where, select: { id: true, role: true, enterpriseId: true }, orderBy: { id: 'asc' } })
  return actorOf({ ...user, deviceId: null })
}

/** Everything a stock write could leave behind: levels, ledger, audit, transfers, holds, resolutions. */
async function everything() {
  const [levels, movements, audit, transfers, reservations, resolved] = await Promise.all([
    db().stockLevel.findMany({ orderBy: [{ productId: 'asc' }, { locationId: 'asc' }], select: { productId: true, locationId: true, onHand: true, reserved: true } }),
    db().stockMovement.count(),
    db().auditLog.count(),
    db().transfer.findMany({ orderBy: { id: 'asc' }, select: { id: true, status: true } }),
    db().reservation.findMany({ orderBy: { id: 'asc' }, select: { id: true, status: true, expiresAt: true } }),
    db().stockMovement.count({ where: { resolvedAt: { not: null } } }),
  ])
  return { levels, movements, audit, transfers, reservations, resolved }
}

describe('the inventory domain refuses what its actor may not touch', () => {
  it('refuses every write by a vendor on another enterprise’s product with FORBIDDEN, writing nothing', async () => {
    const vendor = await userActor({ role: 'VENDOR', enterpriseId: { not: 1 } })
    if (vendor.kind !== 'user' || vendor.enterpriseId === null) throw new Error('expected a vendor with an enterprise')
    const otherEnterprise = await db().enterprise.findFirstOrThrow({ where: { id: { not: vendor.enterpriseId } }, select: { id: true } })
    const foreign = await freshProduct(deps, { [places.plaza]: 10, [places.online]: 5 }, { enterpriseId: otherEnterprise.id })
    const own = await freshProduct(deps, { [places.plaza]: 10 }, { enterpriseId: vendor.enterpriseId })
    // Things the vendor might try to act on, made by the system.
    const draft = await createTransfer(deps, { fromLocationId: places.plaza, toLocationId: places.popup, lines: [{ productId: foreign.id, quantity: 2 }], actor: maintenance })
    const sent = await createTransfer(deps, { fromLocationId: places.plaza, toLocationId: places.popup, lines: [{ productId: foreign.id, quantity: 1 }], actor: maintenance })
    await sendTransfer(deps, { transferId: sent.transferId, actor: maintenance })
    // A transfer mixing the vendor's product with another enterprise's is not theirs to move either.
    const mixed = await createTransfer(deps, { fromLocationId: places.plaza, toLocationId: places.popup, lines: [{ productId: own.id, quantity: 1 }, { productId: foreign.id, quantity: 1 }], actor: maintenance })
    await reserveForCheckout(deps, { checkoutId: 'authz-checkout-1', lines: [{ productId: foreign.id, quantity: 1 }], ttlMinutes: 15, actor: systemActor('storefront-checkout') })
    const shortfall = await db().stockMovement.create({
      data: { productId: foreign.id, locationId: places.plaza, kind: 'OFFLINE_SHORTFALL', onHandDelta: 0, onHandAfter: 10, reservedAfter: 0, shortfall: 1, needsReview: true },
      select: { id: true },
    })
    const before = await everything()

    const attempts: [string, () => Promise<unknown>][] = [
      ['receive', () => receiveStock(deps, { productId: foreign.id, locationId: places.popup, quantity: 5, actor: vendor })],
      ['adjust', () => adjustStock(deps, { productId: foreign.id, locationId: places.plaza, delta: -3, reason: 'mine now', actor: vendor })],
      ['return', () => returnStock(deps, { productId: foreign.id, locationId: places.plaza, quantity: 1, disposition: 'RESTOCK', actor: vendor })],
      ['create transfer', () => createTransfer(deps, { fromLocationId: places.plaza, toLocationId: places.popup, lines: [{ productId: foreign.id, quantity: 1 }], actor: vendor })],
      ['create mixed transfer', () => createTransfer(deps, { fromLocationId: places.plaza, toLocationId: places.popup, lines: [{ productId: own.id, quantity: 1 }, { productId: foreign.id, quantity: 1 }], actor: vendor })],
      ['send transfer', () => sendTransfer(deps, { transferId: draft.transferId, actor: vendor })],
      ['send mixed transfer', () => sendTransfer(deps, { transferId: mixed.transferId, actor: vendor })],
      ['receive transfer', () => receiveTransfer(deps, { transferId: sent.transferId, lines: [{ productId: foreign.id, receivedQuantity: 0 }], actor: vendor })],
      ['cancel transfer', () => cancelTransfer(deps, { transferId: sent.transferId, actor: vendor })],
      ['reserve', () => reserveForCheckout(deps, { checkoutId: 'authz-checkout-2', lines: [{ productId: foreign.id, quantity: 1 }], ttlMinutes: 15, actor: vendor })],
      ['extend', () => extendReservations(deps, { checkoutId: 'authz-checkout-1', ttlMinutes: 60, actor: vendor })],
      ['release', () => releaseReservations(deps, { checkoutId: 'authz-checkout-1', actor: vendor })],
      ['resolve shortfall', () => resolveShortfall(deps, { movementId: shortfall.id, resolution: 'not mine', actor: vendor })],
      ['sweep', () => sweepExpiredReservations(deps, { actor: vendor, now: new Date(Date.now() + 86_400_000) })],
    ]
    for (const [name, attempt] of attempts) {
      await expect(attempt(), name).rejects.toMatchObject({ name: 'InventoryRuleError', code: 'FORBIDDEN' })
    }
    expect(await everything()).toEqual(before)

    // The same vendor may still manage its own product.
    const allowed = await receiveStock(deps, { productId: own.id, locationId: places.popup, quantity: 2, actor: vendor })
    expect(allowed).toMatchObject({ productId: own.id, onHand: 2 })
  })

  it('refuses a cashier any stock write, lets an organizer act on every enterprise and records who did it', async () => {
    const cashier = await userActor({ role: 'CASHIER' })
    const organizer = await userActor({ role: 'ORGANIZER' })
    const product = await freshProduct(deps, { [places.plaza]: 4 })
    const before = await everything()
    await expect(receiveStock(deps, { productId: product.id, locationId: places.plaza, quantity: 1, actor: cashier })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(createTransfer(deps, { fromLocationId: places.plaza, toLocationId: places.popup, lines: [{ productId: product.id, quantity: 1 }], actor: cashier })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await everything()).toEqual(before)

    const change = await adjustStock(deps, { productId: product.id, locationId: places.plaza, delta: -1, reason: 'counted 3', actor: organizer })
    const movement = await db().stockMovement.findUniqueOrThrow({ where: { id: change.seq }, select: { actorUserId: true } })
    expect(movement.actorUserId).toBe(organizer.kind === 'user' ? organizer.userId : -1)
  })
})
