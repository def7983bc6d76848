// The stock admin through its real route modules against a real (seeded) database: organizers act on
// everything, vendors only on their own enterprise's products (enforced by the server), cashiers on nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ActionOutcome } from '../../app/components/stock/stock-form-parts.tsx'
import type { FormFailure, FormSuccess } from '../../app/domain/domain-error.ts'
import { applyMovement, stockTransaction } from '../../app/domain/inventory/ledger.server.ts'
import { verifyInventory } from '../../app/domain/inventory/verify.server.ts'
import * as login from '../../app/routes/auth/login.tsx'
import * as posPair from '../../app/routes/pos/pair.tsx'
import * as posSignIn from '../../app/routes/pos/sign-in.tsx'
import * as stockLayout from '../../app/routes/stock/layout.tsx'
import * as levels from '../../app/routes/stock/levels.tsx'
import * as productHistory from '../../app/routes/stock/product-history.tsx'
import * as shortfalls from '../../app/routes/stock/shortfalls.tsx'
import * as transfers from '../../app/routes/stock/transfers.tsx'
import { settle, statusOf, TestBrowser, testServices } from '../support/app-context.ts'
import { freshProduct, locationsByKind } from '../support/inventory-fixtures.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'

let testDb: TestDatabase
let services: ReturnType<typeof testServices>
let places: Awaited<ReturnType<typeof locationsByKind>>
let organizer: TestBrowser
let vendor1: TestBrowser
const VENDOR1_ENTERPRISE = 1
const VENDOR2_ENTERPRISE = 2

const db = () => testDb.database.prisma
const deps = () => ({ database: services.database, changes: services.changes })

type RouteFn = (args: never) => Promise<unknown>
/** Calls a loader (GET) or action (POST with a form) the way React Router would, returning what it returned or threw. */
function call(browser: TestBrowser, fn: RouteFn, path: string, init: { form?: Record<string, string>; withCsrf?: boolean; params?: Record<string, string> } = {}) {
  return settle(() => fn({ request: browser.request(path, { form: init.form, withCsrf: init.withCsrf }), context: browser.context(), params: init.params ?? {} } as never))
}
/** Either side of a form's answer, read without narrowing first (each test knows which it expects). */
const payload = (outcome: unknown) => (outcome as { data: ActionOutcome }).data as Partial<FormSuccess & Omit<FormFailure, 'ok'>> & { ok: boolean }

async function signIn(email: string, password: string) {
  const browser = new TestBrowser(services)
  const outcome = await settle(() => login.action({ request: browser.request('/login', { form: { email, password } }), context: browser.context(), params: {} } as never))
  expect(statusOf(outcome)).toBe(302)
  browser.absorb(outcome as Response)
  return browser
}

const levelOf = async (productId: number, locationId: number) =>
  (await db().stockLevel.findUnique({ where: { productId_locationId: { productId, locationId } }, select: { onHand: true, reserved: true } })) ?? { onHand: 0, reserved: 0 }
const movementsOf = (productId: number) =>
  db().stockMovement.findMany({ where: { productId }, orderBy: { id: 'asc' }, select: { kind: true, onHandDelta: true, onHandAfter: true, reason: true, actorUserId: true, transferId: true } })
const userId = async (email: string) => (await db().user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id

beforeAll(async () => {
  testDb = await createTestDatabase()
  services = testServices(testDb.database)
  places = await locationsByKind(testDb.database)
  organizer = await signIn('organizer@dream-market.example', 'organizer-demo-1')
  vendor1 = await signIn('vendor1@dream-market.example', 'vendor-demo-1')
})
afterAll(() => testDb?.drop())

describe('receive and adjust', () => {
  it('lets an organizer receive and adjust any product: levels change and the ledger records who and why', async () => {
    const product = await freshProduct(deps(), { [places.plaza]: 10 }, { enterpriseId: VENDOR2_ENTERPRISE })
    const received = await call(organizer, levels.action, '/stock?index', {
      form: { intent: 'receive', productId: String(product.id), locationId: String(places.plaza), quantity: '5', reason: 'delivery' },
    })
    expect(statusOf(received)).toBe(200)
    expect(payload(received)).toMatchObject({ ok: true, done: { key: 'received', values: { onHand: 15, available: 15 } } })

    const adjusted = await call(organizer, levels.action, '/stock?index', {
      form: { intent: 'adjust', productId: String(product.id), locationId: String(places.plaza), delta: '-3', reason: 'counted 12' },
    })
    expect(statusOf(adjusted)).toBe(200)
    expect(await levelOf(product.id, places.plaza)).toEqual({ onHand: 12, reserved: 0 })
    const actor = await userId('organizer@dream-market.example')
    expect((await movementsOf(product.id)).slice(-2)).toEqual([
      { kind: 'RECEIVE', onHandDelta: 5, onHandAfter: 15, reason: 'delivery', actorUserId: actor, transferId: null },
      { kind: 'ADJUST', onHandDelta: -3, onHandAfter: 12, reason: 'counted 12', actorUserId: actor, transferId: null },
    ])

    // The page shows the new level, and the live feed's starting point is the newest ledger row.
    const { sku } = await db().product.findUniqueOrThrow({ where: { id: product.id }, select: { sku: true } })
    const page = (await call(organizer, levels.loader, `/stock?q=${encodeURIComponent(sku)}`)) as Awaited<ReturnType<typeof levels.loader>>
    expect(page.rows.map((row) => row.productId)).toEqual([product.id])
    expect(page.rows[0].levels).toContainEqual({ locationId: places.plaza, onHand: 12, reserved: 0, available: 12 })
    expect(page.since).toBe((await db().stockMovement.aggregate({ _max: { id: true } }))._max.id)
  })

  it('answers an adjustment beyond the available stock with a field error naming what is available, and writes nothing', async () => {
    const product = await freshProduct(deps(), { [places.plaza]: 4 }, { enterpriseId: VENDOR1_ENTERPRISE })
    const before = await movementsOf(product.id)
    const outcome = await call(organizer, levels.action, '/stock?index', {
      form: { intent: 'adjust', productId: String(product.id), locationId: String(places.plaza), delta: '-9', reason: 'broken jars' },
    })
    expect(statusOf(outcome)).toBe(400)
    expect(payload(outcome)).toMatchObject({ ok: false, fieldErrors: { delta: 'OUT_OF_STOCK' }, error: { code: 'OUT_OF_STOCK', values: { available: 4 } } })
    expect(await movementsOf(product.id)).toEqual(before)
  })

  it('refuses an adjustment without a reason with 400 and writes nothing', async () => {
    const product = await freshProduct(deps(), { [places.plaza]: 6 }, { enterpriseId: VENDOR1_ENTERPRISE })
    const before = await movementsOf(product.id)
    const outcome = await call(organizer, levels.action, '/stock?index', {
      form: { intent: 'adjust', productId: String(product.id), locationId: String(places.plaza), delta: '-1', reason: '' },
    })
    expect(statusOf(outcome)).toBe(400)
    expect(payload(outcome).fieldErrors).toHaveProperty('reason')
    expect(await movementsOf(product.id)).toEqual(before)
    expect(await levelOf(product.id, places.plaza)).toEqual({ onHand: 6, reserved: 0 })
  })

  it('refuses a form without a valid CSRF token with 403 and writes nothing', async () => {
    const product = await freshProduct(deps(), { [places.plaza]: 6 }, { enterpriseId: VENDOR1_ENTERPRISE })
    const outcome = await call(organizer, levels.action, '/stock?index', {
      form: { intent: 'receive', productId: String(product.id), locationId: String(places.plaza), quantity: '50' },
      withCsrf: false,
    })
    expect(statusOf(outcome)).toBe(403)
    expect(await levelOf(product.id, places.plaza)).toEqual({ onHand: 6, reserved: 0 })
    expect(await movementsOf(product.id)).toHaveLength(1)
  })
})

describe('vendors see and act on their own enterprise only', () => {
  it('lists only their own products in the levels page, whatever enterprise filter they send', async () => {
    const own = await freshProduct(deps(), { [places.plaza]: 3 }, { enterpriseId: VENDOR1_ENTERPRISE })
    const other = await freshProduct(deps(), { [places.plaza]: 3 }, { enterpriseId: VENDOR2_ENTERPRISE })
    for (const path of ['/stock', `/stock?enterpriseId=${VENDOR2_ENTERPRISE}`]) {
      const page = (await call(vendor1, levels.loader, path)) as Awaited<ReturnType<typeof levels.loader>>
      const ids = page.rows.map((row) => row.productId)
      expect(ids).toContain(own.id)
      expect(ids).not.toContain(other.id)
      const enterprises = await db().product.findMany({ where: { id: { in: ids } }, select: { enterpriseId: true } })
      expect(new Set(enterprises.map((p) => p.enterpriseId))).toEqual(new Set([VENDOR1_ENTERPRISE]))
      expect(page.products.map((p) => p.id)).not.toContain(other.id)
      expect(page.allEnterprises).toBe(false)
    }
    const organizerPage = (await call(organizer, levels.loader, `/stock?enterpriseId=${VENDOR2_ENTERPRISE}`)) as Awaited<ReturnType<typeof levels.loader>>
    expect(organizerPage.rows.map((row) => row.productId)).toContain(other.id)
    expect(organizerPage.rows.map((row) => row.productId)).not.toContain(own.id)
  })

  it('shows a vendor the history of their own product and answers 403 for another enterprise’s', async () => {
    const own = await freshProduct(deps(), { [places.plaza]: 3, [places.popup]: 2 }, { enterpriseId: VENDOR1_ENTERPRISE })
    const other = await freshProduct(deps(), { [places.plaza]: 3 }, { enterpriseId: VENDOR2_ENTERPRISE })
    const history = (await call(vendor1, productHistory.loader, `/stock/products/${own.id}`, { params: { productId: String(own.id) } })) as Awaited<
      ReturnType<typeof productHistory.loader>
    >
    expect(history.movements.map((m) => [m.kind, m.locationId, m.onHandAfter])).toEqual([
      ['RECEIVE', places.popup, 2],
      ['RECEIVE', places.plaza, 3],
    ])
    const filtered = (await call(vendor1, productHistory.loader, `/stock/products/${own.id}?locationId=${places.popup}&kind=RECEIVE`, {
      params: { productId: String(own.id) },
    })) as Awaited<ReturnType<typeof productHistory.loader>>
    expect(filtered.movements.map((m) => m.locationId)).toEqual([places.popup])

    const refused = await call(vendor1, productHistory.loader, `/stock/products/${other.id}`, { params: { productId: String(other.id) } })
    expect(statusOf(refused)).toBe(403)
    const organizerView = await call(organizer, productHistory.loader, `/stock/products/${other.id}`, { params: { productId: String(other.id) } })
    expect(statusOf(organizerView)).toBe(200)
  })

  it('answers 403 when a vendor adjusts or receives another enterprise’s product, and writes nothing', async () => {
    const other = await freshProduct(deps(), { [places.plaza]: 8 }, { enterpriseId: VENDOR2_ENTERPRISE })
    const forms: Record<string, string>[] = [
      { intent: 'adjust', productId: String(other.id), locationId: String(places.plaza), delta: '-8', reason: 'sabotage attempt' },
      { intent: 'receive', productId: String(other.id), locationId: String(places.plaza), quantity: '3' },
    ]
    for (const form of forms) expect(statusOf(await call(vendor1, levels.action, '/stock?index', { form }))).toBe(403)
    expect(await levelOf(other.id, places.plaza)).toEqual({ onHand: 8, reserved: 0 })
    expect(await movementsOf(other.id)).toHaveLength(1)

    const own = await freshProduct(deps(), { [places.plaza]: 8 }, { enterpriseId: VENDOR1_ENTERPRISE })
    const allowed = await call(vendor1, levels.action, '/stock?index', {
      form: { intent: 'adjust', productId: String(own.id), locationId: String(places.plaza), delta: '-2', reason: 'counted 6' },
    })
    expect(statusOf(allowed)).toBe(200)
    expect(await levelOf(own.id, places.plaza)).toEqual({ onHand: 6, reserved: 0 })
  })

  it('answers 403 when a vendor creates a transfer carrying another enterprise’s product, or acts on one', async () => {
    const own = await freshProduct(deps(), { [places.plaza]: 5 }, { enterpriseId: VENDOR1_ENTERPRISE })
    const other = await freshProduct(deps(), { [places.plaza]: 5 }, { enterpriseId: VENDOR2_ENTERPRISE })
    const before = await db().transfer.count()
    const created = await call(vendor1, transfers.action, '/stock/transfers', {
      form: { intent: 'create', fromLocationId: String(places.plaza), toLocationId: String(places.popup), lineProductId: String(other.id), lineQuantity: '2' },
    })
    expect(statusOf(created)).toBe(403)
    expect(await db().transfer.count()).toBe(before)

    // A mixed transfer (made by an organizer) is listed to the vendor without the other lines, and cannot be sent by them.
    const mixed = await call(organizer, transfers.action, '/stock/transfers', { form: { intent: 'create', fromLocationId: String(places.plaza), toLocationId: String(places.popup) } })
    expect(statusOf(mixed)).toBe(400)
    const request = organizer.request('/stock/transfers', { form: { intent: 'create', fromLocationId: String(places.plaza), toLocationId: String(places.popup) } })
    const body = new URLSearchParams(await request.text())
    body.append('lineProductId', String(own.id))
    body.append('lineQuantity', '1')
    body.append('lineProductId', String(other.id))
    body.append('lineQuantity', '1')
    const mixedCreated = await settle(() =>
      transfers.action({ request: new Request(request.url, { method: 'POST', headers: request.headers, body }), context: organizer.context(), params: {} } as never),
    )
    expect(statusOf(mixedCreated)).toBe(200)
    const mixedId = Number(payload(mixedCreated).done?.values?.id)
    const listed = (await call(vendor1, transfers.loader, '/stock/transfers')) as Awaited<ReturnType<typeof transfers.loader>>
    const seen = listed.transfers.find((transfer) => transfer.id === mixedId)!
    expect(seen).toMatchObject({ actionable: false, hiddenLines: 1 })
    expect(seen.lines.map((line) => line.productId)).toEqual([own.id])
    for (const intent of ['send', 'cancel']) {
      expect(statusOf(await call(vendor1, transfers.action, '/stock/transfers', { form: { intent, transferId: String(mixedId) } }))).toBe(403)
    }
    expect(await db().transfer.findUniqueOrThrow({ where: { id: mixedId }, select: { status: true } })).toEqual({ status: 'DRAFT' })
    expect(await levelOf(own.id, places.plaza)).toEqual({ onHand: 5, reserved: 0 })
  })
})

describe('transfers through the actions', () => {
  it('creates, sends and partially receives a transfer; the ledger stays consistent', async () => {
    const product = await freshProduct(deps(), { [places.plaza]: 10 }, { enterpriseId: VENDOR1_ENTERPRISE })
    const created = await call(vendor1, transfers.action, '/stock/transfers', {
      form: { intent: 'create', fromLocationId: String(places.plaza), toLocationId: String(places.popup), note: 'for the weekend', lineProductId: String(product.id), lineQuantity: '6' },
    })
    expect(statusOf(created)).toBe(200)
    const transferId = Number(payload(created).done?.values?.id)
    expect(await db().transfer.findUniqueOrThrow({ where: { id: transferId }, select: { status: true, note: true } })).toEqual({ status: 'DRAFT', note: 'for the weekend' })

    // Too much for the origin: sending it is refused with what is available, and nothing moves.
    const tooMuch = await call(vendor1, transfers.action, '/stock/transfers', {
      form: { intent: 'create', fromLocationId: String(places.plaza), toLocationId: String(places.popup), lineProductId: String(product.id), lineQuantity: '60' },
    })
    const tooMuchId = Number(payload(tooMuch).done?.values?.id)
    const refused = await call(vendor1, transfers.action, '/stock/transfers', { form: { intent: 'send', transferId: String(tooMuchId) } })
    expect(statusOf(refused)).toBe(400)
    expect(payload(refused).error).toMatchObject({ code: 'OUT_OF_STOCK', values: { available: 10 } })

    expect(statusOf(await call(vendor1, transfers.action, '/stock/transfers', { form: { intent: 'send', transferId: String(transferId) } }))).toBe(200)
    expect(await levelOf(product.id, places.plaza)).toEqual({ onHand: 4, reserved: 0 })

    // Receiving a sent transfer twice: the second is refused (409), the first records what arrived.
    const received = await call(vendor1, transfers.action, '/stock/transfers', {
      form: { intent: 'receive', transferId: String(transferId), [`received.${product.id}`]: '4' },
    })
    expect(statusOf(received)).toBe(200)
    const again = await call(vendor1, transfers.action, '/stock/transfers', { form: { intent: 'receive', transferId: String(transferId), [`received.${product.id}`]: '4' } })
    expect(statusOf(again)).toBe(409)
    expect(await levelOf(product.id, places.popup)).toEqual({ onHand: 4, reserved: 0 })
    expect(await db().transferLine.findFirstOrThrow({ where: { transferId }, select: { quantity: true, receivedQuantity: true } })).toEqual({ quantity: 6, receivedQuantity: 4 })

    const listed = (await call(vendor1, transfers.loader, '/stock/transfers?status=RECEIVED')) as Awaited<ReturnType<typeof transfers.loader>>
    expect(listed.transfers.find((transfer) => transfer.id === transferId)).toMatchObject({
      status: 'RECEIVED',
      actionable: true,
      lines: [{ productId: product.id, quantity: 6, receivedQuantity: 4 }],
    })
    expect(listed.transfers.every((transfer) => transfer.status === 'RECEIVED')).toBe(true)
    expect((await movementsOf(product.id)).filter((m) => m.transferId === transferId).map((m) => [m.kind, m.onHandDelta])).toEqual([
      ['TRANSFER_OUT', -6],
      ['TRANSFER_IN', 4],
    ])
    expect(await verifyInventory({ db: db() })).toEqual([])
  })

  it('refuses a transfer to the same place with a field error', async () => {
    const product = await freshProduct(deps(), { [places.plaza]: 2 }, { enterpriseId: VENDOR1_ENTERPRISE })
    const outcome = await call(vendor1, transfers.action, '/stock/transfers', {
      form: { intent: 'create', fromLocationId: String(places.plaza), toLocationId: String(places.plaza), lineProductId: String(product.id), lineQuantity: '1' },
    })
    expect(statusOf(outcome)).toBe(400)
    expect(payload(outcome).fieldErrors).toHaveProperty('toLocationId')
  })
})

describe('flagged shortfalls', () => {
  async function flagShortfall(productId: number) {
    const change = await stockTransaction(deps(), (ctx) =>
      applyMovement(ctx, { productId, locationId: places.plaza, kind: 'OFFLINE_SHORTFALL', onHandDelta: 0, shortfall: 2, needsReview: true, reason: 'offline sale sold 2 more than the ledger held (0)' }),
    )
    return change.seq
  }

  it('lists a vendor’s own open shortfalls and resolves them; another enterprise’s is 403', async () => {
    const own = await freshProduct(deps(), { [places.plaza]: 1 }, { enterpriseId: VENDOR1_ENTERPRISE })
    const other = await freshProduct(deps(), { [places.plaza]: 1 }, { enterpriseId: VENDOR2_ENTERPRISE })
    const ownShortfall = await flagShortfall(own.id)
    const otherShortfall = await flagShortfall(other.id)

    const page = (await call(vendor1, shortfalls.loader, '/stock/shortfalls')) as Awaited<ReturnType<typeof shortfalls.loader>>
    const ids = page.shortfalls.map((s) => s.id)
    expect(ids).toContain(ownShortfall)
    expect(ids).not.toContain(otherShortfall)
    expect(page.shortfalls.find((s) => s.id === ownShortfall)).toMatchObject({ shortfall: 2, product: { id: own.id } })

    expect(statusOf(await call(vendor1, shortfalls.action, '/stock/shortfalls', { form: { movementId: String(otherShortfall), resolution: 'not mine to fix' } }))).toBe(403)
    expect(statusOf(await call(vendor1, shortfalls.action, '/stock/shortfalls', { form: { movementId: String(ownShortfall), resolution: '' } }))).toBe(400)
    expect(await db().stockMovement.findUniqueOrThrow({ where: { id: ownShortfall }, select: { resolvedAt: true } })).toEqual({ resolvedAt: null })

    const resolved = await call(vendor1, shortfalls.action, '/stock/shortfalls', { form: { movementId: String(ownShortfall), resolution: 'recounted: 2 jars came from the van' } })
    expect(statusOf(resolved)).toBe(200)
    const row = await db().stockMovement.findUniqueOrThrow({ where: { id: ownShortfall }, select: { resolvedAt: true, resolvedById: true, resolution: true } })
    expect(row.resolvedAt).not.toBeNull()
    expect(row).toMatchObject({ resolvedById: await userId('vendor1@dream-market.example'), resolution: 'recounted: 2 jars came from the van' })
    const after = (await call(vendor1, shortfalls.loader, '/stock/shortfalls')) as Awaited<ReturnType<typeof shortfalls.loader>>
    expect(after.shortfalls.map((s) => s.id)).not.toContain(ownShortfall)

    // The organizer sees the other enterprise's shortfall and may resolve it.
    const organizerPage = (await call(organizer, shortfalls.loader, '/stock/shortfalls')) as Awaited<ReturnType<typeof shortfalls.loader>>
    expect(organizerPage.shortfalls.map((s) => s.id)).toContain(otherShortfall)
    expect(statusOf(await call(organizer, shortfalls.action, '/stock/shortfalls', { form: { movementId: String(otherShortfall), resolution: 'written off' } }))).toBe(200)
    expect(statusOf(await call(organizer, shortfalls.action, '/stock/shortfalls', { form: { movementId: String(otherShortfall), resolution: 'again' } }))).toBe(409)
  })
})

describe('cashiers', () => {
  it('answers 403 to a cashier on every stock page and action, and writes nothing', async () => {
    const cashier = new TestBrowser(services)
    cashier.absorb((await posPair.action({ request: cashier.request('/pos/pair', { form: { code: 'plaza-1-demo' } }), context: cashier.context(), params: {} } as never)) as Response)
    cashier.absorb((await posSignIn.action({ request: cashier.request('/pos/sign-in', { form: { handle: 'cashier1', pin: '258046' } }), context: cashier.context(), params: {} } as never)) as Response)
    expect(cashier.cookies.has('dm_session')).toBe(true)

    const product = await freshProduct(deps(), { [places.plaza]: 3 }, { enterpriseId: VENDOR1_ENTERPRISE })
    for (const [fn, path] of [
      [stockLayout.loader, '/stock'],
      [levels.loader, '/stock'],
      [transfers.loader, '/stock/transfers'],
      [shortfalls.loader, '/stock/shortfalls'],
    ] as const) {
      expect(statusOf(await call(cashier, fn, path))).toBe(403)
    }
    expect(statusOf(await call(cashier, productHistory.loader, `/stock/products/${product.id}`, { params: { productId: String(product.id) } }))).toBe(403)
    const receive = await call(cashier, levels.action, '/stock?index', { form: { intent: 'receive', productId: String(product.id), locationId: String(places.plaza), quantity: '9' } })
    expect(statusOf(receive)).toBe(403)
    expect(await levelOf(product.id, places.plaza)).toEqual({ onHand: 3, reserved: 0 })

    // Without any session: sent to sign in.
    const visitor = await call(new TestBrowser(services), levels.loader, '/stock')
    expect((visitor as Response).headers.get('location')).toBe('/login?redirectTo=%2Fstock')
  })
})
