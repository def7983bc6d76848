// Live inventory over Socket.IO against the real server and a real seeded database: rooms by
// scope, ordering under a burst, catch-up and snapshots, payload validation, and the browser
// sync module (app/lib/live-inventory.ts) end to end.
import { systemActor } from '../../app/domain/auth/permissions.server.ts'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { receiveStock } from '../../app/domain/inventory/stock.server.ts'
import { applyMovement, stockTransaction, type StockChange } from '../../app/domain/inventory/ledger.server.ts'
import { onlineAvailability } from '../../app/domain/inventory/availability.server.ts'
import { CATCH_UP_EVENT_LIMIT, currentLedgerSeq, levelAudience, mayWatchLevel, readCatchUp } from '../../app/domain/inventory/live-read.server.ts'
import type { CatchUpReply, InventoryChangedEvent } from '../../app/domain/live/socket-events.ts'
import { recordSale } from '../../app/domain/sales/record-sale.server.ts'
import { createInventorySync } from '../../app/lib/live-inventory.ts'
import { cashSale, freshProduct, inventoryDeps, locationsByKind } from '../../tests/support/inventory-fixtures.ts'
import { SESSION_COOKIE } from '../../app/domain/auth/cookies.server.ts'
import { createSession, endSessions, hashToken } from '../../app/domain/auth/session.server.ts'
import { io as connect } from 'socket.io-client'
import { DEFAULT_CALL_LIMITS } from './call-guard.ts'
import { collect, organizerCookie, roundTrip, sessionCookie, SocketPool, until, type TestSocket } from '../../tests/support/live-sockets.ts'
import { createTestDatabase, type TestDatabase } from '../../tests/support/test-database.ts'
import { startTestServer } from '../../tests/support/test-server.ts'
import type { RunningServer } from '../start.ts'

let testDb: TestDatabase
let server: RunningServer
let places: Awaited<ReturnType<typeof locationsByKind>>
const pool = new SocketPool()

beforeAll(async () => {
  testDb = await createTestDatabase()
  server = await startTestServer(testDb.url, { LIVE_SAFETY_TICK_MS: '1000' })
  places = await locationsByKind(testDb.database)
})

afterEach(() => pool.closeAll())

afterAll(async () => {
  pool.closeAll()
  await server?.close()
  await testDb?.drop()
})

/** Stock changes through the server's own services, so its ChangeFeed hears them. */
const deps = () => ({ database: server.services.database, changes: server.services.changes })
const db = () => testDb.database.prisma
const open = (cookie?: string) => pool.open(server.url, cookie)
const ledgerSeq = () => currentLedgerSeq(db())

async function vendorWithEnterprises() {
  const vendor = await db().user.findFirstOrThrow({ where: { role: 'VENDOR', enterpriseId: { not: null } }, select: { id: true, enterpriseId: true } })
  const other = await db().enterprise.findFirstOrThrow({ where: { id: { not: vendor.enterpriseId! } }, select: { id: true } })
  return { userId: vendor.id, enterpriseId: vendor.enterpriseId!, otherEnterpriseId: other.id }
}

async function catchUp(socket: TestSocket, payload: { since: number; feed?: 'levels' | 'online' }): Promise<CatchUpReply> {
  const reply = await socket.emitWithAck('inventory:catch-up', payload)
  if (!reply.ok) throw new Error(`catch-up refused: ${reply.error}`)
  return reply.data
}

const movementsAsEvents = async (where: { id: { gt: number } }) =>
  (
    await db().stockMovement.findMany({ where, orderBy: { id: 'asc' }, select: { id: true, productId: true, locationId: true, onHandAfter: true, reservedAfter: true } })
  ).map((m) => ({ seq: m.id, productId: m.productId, locationId: m.locationId, onHand: m.onHandAfter, reserved: m.reservedAfter, available: m.onHandAfter - m.reservedAfter }))

describe('rooms', () => {
  it('gives an anonymous socket online availability for a change at the online warehouse, and never levels', async () => {
    const product = await freshProduct(deps(), { [places.plaza]: 3 })
    const anonymous = await open()
    const admin = await open(await organizerCookie(db()))
    const levels = collect(anonymous, 'inventory:changed')
    const online = collect(anonymous, 'inventory:online')
    const adminSaw = collect(admin, 'inventory:changed')

    const atPlaza = await receiveStock(deps(), { productId: product.id, locationId: places.plaza, quantity: 2, actor: systemActor('maintenance') })
    const atWarehouse = await receiveStock(deps(), { productId: product.id, locationId: places.online, quantity: 7, actor: systemActor('maintenance') })
    await until('the online event', () => online.some((e) => e.productId === product.id))
    await until('the admin to see both', () => adminSaw.some((e) => e.seq === atWarehouse.seq))
    await roundTrip(anonymous)

    expect(online.filter((e) => e.productId === product.id)).toEqual([{ seq: atWarehouse.seq, productId: product.id, available: 7 }])
    expect(online.some((e) => e.seq === atPlaza.seq)).toBe(false)
    expect(levels).toEqual([])
  })

  it('gives a POS device only its location, and a vendor only its enterprise', async () => {
    const { userId, enterpriseId, otherEnterpriseId } = await vendorWithEnterprises()
    const device = await db().posDevice.findFirstOrThrow({ where: { active: true, locationId: places.plaza }, select: { id: true } })
    const cashier = await db().user.findFirstOrThrow({ where: { role: 'CASHIER' }, select: { id: true } })
    const pos = await open(await sessionCookie(db(), { userId: cashier.id, deviceId: device.id }))
    const vendor = await open(await sessionCookie(db(), { userId }))
    const admin = await open(await organizerCookie(db()))
    const posSaw = collect(pos, 'inventory:changed')
    const vendorSaw = collect(vendor, 'inventory:changed')
    const adminSaw = collect(admin, 'inventory:changed')

    const own = await freshProduct(deps(), {}, { enterpriseId })
    const foreign = await freshProduct(deps(), {}, { enterpriseId: otherEnterpriseId })
    const start = await ledgerSeq()
    const made: StockChange[] = []
    for (const productId of [own.id, foreign.id]) {
      for (const locationId of [places.plaza, places.popup]) made.push(await receiveStock(deps(), { productId, locationId, quantity: 4, actor: systemActor('maintenance') }))
    }
    await until('the admin to see every change', () => adminSaw.some((e) => e.seq === made.at(-1)!.seq))
    await roundTrip(pos)
    await roundTrip(vendor)

    const fresh = (events: InventoryChangedEvent[]) => events.filter((e) => e.seq > start)
    expect(fresh(adminSaw).map((e) => e.seq)).toEqual(made.map((c) => c.seq))
    expect(fresh(posSaw).map((e) => e.seq)).toEqual(made.filter((c) => c.locationId === places.plaza).map((c) => c.seq))
    expect(fresh(vendorSaw).map((e) => e.seq)).toEqual(made.filter((c) => c.productId === own.id).map((c) => c.seq))
  })
})

describe('one visibility rule', () => {
  it('decides each scope: organizers all, a vendor its enterprise, a device its location, the public no levels', () => {
    const level = { locationId: 7, enterpriseId: 3 }
    expect(levelAudience(level)).toEqual([{ kind: 'admin' }, { kind: 'enterprise', enterpriseId: 3 }, { kind: 'location', locationId: 7 }])
    expect(mayWatchLevel({ kind: 'admin' }, level)).toBe(true)
    expect(mayWatchLevel({ kind: 'enterprise', enterpriseId: 3 }, level)).toBe(true)
    expect(mayWatchLevel({ kind: 'enterprise', enterpriseId: 4 }, level)).toBe(false)
    expect(mayWatchLevel({ kind: 'location', locationId: 7 }, level)).toBe(true)
    expect(mayWatchLevel({ kind: 'location', locationId: 3 }, level)).toBe(false)
    expect(mayWatchLevel({ kind: 'online' }, level)).toBe(false)
  })

  it('gives a vendor socket the same changes live and in catch-up: its own enterprise’s, never another’s (events and snapshot)', async () => {
    const { userId, enterpriseId, otherEnterpriseId } = await vendorWithEnterprises()
    const vendor = await open(await sessionCookie(db(), { userId }))
    const live = collect(vendor, 'inventory:changed')
    const own = await freshProduct(deps(), {}, { enterpriseId })
    const foreign = await freshProduct(deps(), {}, { enterpriseId: otherEnterpriseId })
    const start = await ledgerSeq()
    const made: StockChange[] = []
    for (const productId of [foreign.id, own.id, foreign.id]) made.push(await receiveStock(deps(), { productId, locationId: places.popup, quantity: 2, actor: systemActor('maintenance') }))
    const ownSeqs = made.filter((change) => change.productId === own.id).map((change) => change.seq)
    await until('the vendor to see its change', () => live.some((e) => e.seq === ownSeqs[0]))
    await roundTrip(vendor)

    const caughtUp = await catchUp(vendor, { since: start })
    if (caughtUp.mode !== 'events' || caughtUp.feed !== 'levels') throw new Error('expected level events')
    expect(live.filter((e) => e.seq > start).map((e) => e.seq)).toEqual(ownSeqs)
    expect(caughtUp.events.map((e) => e.seq)).toEqual(ownSeqs)
    const snapshot = await readCatchUp({ database: server.services.database, scope: { kind: 'enterprise', enterpriseId }, feed: 'levels', since: start, limit: 0 })
    if (snapshot.mode !== 'snapshot' || snapshot.feed !== 'levels') throw new Error('expected a levels snapshot')
    expect(snapshot.levels.some((level) => level.productId === own.id)).toBe(true)
    expect(snapshot.levels.some((level) => level.productId === foreign.id)).toBe(false)
  })
})

describe('ordering', () => {
  it('delivers a burst of 50 concurrent sales and receipts to an organizer with correct levels, in strictly increasing seq', async () => {
    const stocked = { [places.plaza]: 100, [places.popup]: 100, [places.festival]: 100, [places.online]: 100 }
    const enterprises = await db().enterprise.findMany({ select: { id: true }, take: 2, orderBy: { id: 'asc' } })
    const products = [await freshProduct(deps(), stocked, { enterpriseId: enterprises[0].id }), await freshProduct(deps(), stocked, { enterpriseId: enterprises[1].id })]
    const admin = await open(await organizerCookie(db()))
    const seen = collect(admin, 'inventory:changed')
    const start = await ledgerSeq()

    const stores = [places.plaza, places.popup, places.festival]
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => {
        const product = products[i % 2]
        if (i % 3 === 0) return receiveStock(deps(), { productId: product.id, locationId: [...stores, places.online][i % 4], quantity: 2, actor: systemActor('maintenance') })
        return recordSale(deps(), cashSale(stores[i % 3], [{ productId: product.id, quantity: 1, priceWon: product.priceWon }]), { actor: systemActor('maintenance') })
      }),
    )
    const end = await ledgerSeq()
    await until('the last change', () => seen.some((e) => e.seq >= end))

    const received = seen.filter((e) => e.seq > start)
    for (let i = 1; i < received.length; i++) expect(received[i].seq).toBeGreaterThan(received[i - 1].seq)
    expect(received).toEqual(await movementsAsEvents({ id: { gt: start } }))
    expect(received.length).toBe(50)
    // The last event per level is the level now.
    for (const product of products) {
      for (const level of await db().stockLevel.findMany({ where: { productId: product.id }, select: { locationId: true, onHand: true, reserved: true } })) {
        const last = received.filter((e) => e.productId === product.id && e.locationId === level.locationId).at(-1)
        if (last) expect({ onHand: last.onHand, reserved: last.reserved }).toEqual({ onHand: level.onHand, reserved: level.reserved })
      }
    }
  })

  it('still delivers a change whose commit notice never reached the server (the safety tick)', async () => {
    const product = await freshProduct(deps(), {})
    const admin = await open(await organizerCookie(db()))
    const seen = collect(admin, 'inventory:changed')
    // A ChangeFeed the server does not listen to: the notice is "lost".
    const unheard = await receiveStock(inventoryDeps(server.services.database), { productId: product.id, locationId: places.plaza, quantity: 1, actor: systemActor('maintenance') })
    await until('the safety tick', () => seen.some((e) => e.seq === unheard.seq), 3_000)
  })
})

describe('catch-up', () => {
  it('sends a reconnecting client exactly the changes it missed in its scope, in order, then live ones, none twice', async () => {
    const { userId, enterpriseId, otherEnterpriseId } = await vendorWithEnterprises()
    const cookie = await sessionCookie(db(), { userId })
    const own = await freshProduct(deps(), { [places.plaza]: 10 }, { enterpriseId })
    const foreign = await freshProduct(deps(), { [places.plaza]: 10 }, { enterpriseId: otherEnterpriseId })
    const vendor = await open(cookie)
    const applied: InventoryChangedEvent[] = []
    const sync = createInventorySync({ socket: vendor, since: await ledgerSeq(), onChange: (event) => applied.push(event) })
    await until('the first catch-up', () => sync.synced)
    const lastSeq = sync.lastSeq

    vendor.disconnect()
    const missed: StockChange[] = []
    for (let i = 0; i < 5; i++) {
      missed.push(await receiveStock(deps(), { productId: own.id, locationId: places.plaza, quantity: 1, actor: systemActor('maintenance') }))
      await receiveStock(deps(), { productId: foreign.id, locationId: places.plaza, quantity: 1, actor: systemActor('maintenance') })
    }
    // The protocol itself: exactly the 5 in scope, in order.
    const probe = await open(cookie)
    const reply = await catchUp(probe, { since: lastSeq })
    expect(reply).toMatchObject({ feed: 'levels', mode: 'events', seq: await ledgerSeq() })
    expect(reply.mode === 'events' && reply.events.map((e) => e.seq)).toEqual(missed.map((c) => c.seq))
    expect(reply.mode === 'events' && reply.events.at(-1)).toMatchObject({ productId: own.id, onHand: 15, reserved: 0, available: 15 })

    vendor.connect()
    await until('the catch-up after reconnecting', () => sync.synced && applied.length >= 5)
    const live = await receiveStock(deps(), { productId: own.id, locationId: places.plaza, quantity: 1, actor: systemActor('maintenance') })
    await until('the live change', () => applied.some((e) => e.seq === live.seq))
    await roundTrip(vendor)
    expect(applied.map((e) => e.seq)).toEqual([...missed, live].map((c) => c.seq))
    sync.close()
  })

  it('answers an up-to-date client with no events', async () => {
    const admin = await open(await organizerCookie(db()))
    const seq = await ledgerSeq()
    expect(await catchUp(admin, { since: seq })).toEqual({ feed: 'levels', mode: 'events', seq, events: [] })
  })

  it('catches up an anonymous storefront on online availability: per product the latest, in seq order', async () => {
    const [first, second] = [await freshProduct(deps(), {}), await freshProduct(deps(), {})]
    const storefront = await open()
    const since = await ledgerSeq()
    await receiveStock(deps(), { productId: first.id, locationId: places.online, quantity: 2, actor: systemActor('maintenance') })
    await receiveStock(deps(), { productId: second.id, locationId: places.online, quantity: 5, actor: systemActor('maintenance') })
    const last = await receiveStock(deps(), { productId: first.id, locationId: places.online, quantity: 1, actor: systemActor('maintenance') })
    await receiveStock(deps(), { productId: first.id, locationId: places.plaza, quantity: 9, actor: systemActor('maintenance') })
    const reply = await catchUp(storefront, { since })
    expect(reply).toMatchObject({ feed: 'online', mode: 'events' })
    expect(reply.mode === 'events' && reply.events).toEqual([
      { seq: last.seq - 1, productId: second.id, available: 5 },
      { seq: last.seq, productId: first.id, available: 3 },
    ])
  })

  it('sends a snapshot to a client too far behind', async () => {
    // 600 movements in one transaction, through the ledger: with the seed, over 1000 since 0. And
    // enough at the online warehouse that the online feed, too, is over the limit since 0.
    const product = await freshProduct(deps(), {})
    const onlineToAdd = Math.max(1, CATCH_UP_EVENT_LIMIT + 1 - (await db().stockMovement.count({ where: { location: { fulfilsOnline: true } } })))
    await stockTransaction(deps(), async (ctx) => {
      for (let i = 0; i < 600; i++) await applyMovement(ctx, { productId: product.id, locationId: places.plaza, kind: 'RECEIVE', onHandDelta: 1 })
      for (let i = 0; i < onlineToAdd; i++) await applyMovement(ctx, { productId: product.id, locationId: places.online, kind: 'RECEIVE', onHandDelta: 1 })
    })
    const admin = await open(await organizerCookie(db()))
    const reply = await catchUp(admin, { since: 0 })
    expect(reply).toMatchObject({ feed: 'levels', mode: 'snapshot', seq: await ledgerSeq() })
    if (reply.mode !== 'snapshot' || reply.feed !== 'levels') throw new Error('expected a levels snapshot')
    expect(reply.levels).toHaveLength(await db().stockLevel.count())
    expect(reply.levels.find((l) => l.productId === product.id && l.locationId === places.plaza)).toEqual({ productId: product.id, locationId: places.plaza, onHand: 600, reserved: 0, available: 600 })

    const storefront = await open()
    const online = await catchUp(storefront, { since: 0 })
    if (online.mode !== 'snapshot' || online.feed !== 'online') throw new Error(`expected an online snapshot, got ${online.feed} ${online.mode}`)
    expect(online.seq).toBe(await ledgerSeq())
    const expected = await onlineAvailability({ db: db() })
    expect(online.levels).toEqual([...expected].map(([productId, available]) => ({ productId, available })))
    expect(online.levels).toContainEqual({ productId: product.id, available: onlineToAdd })
  })

  it('limits a scope to its own rows, and switches to a snapshot past the limit', async () => {
    const { enterpriseId } = await vendorWithEnterprises()
    const product = await freshProduct(deps(), {}, { enterpriseId })
    const since = await ledgerSeq()
    for (let i = 0; i < 4; i++) await receiveStock(deps(), { productId: product.id, locationId: places.popup, quantity: 1, actor: systemActor('maintenance') })
    const scope = { kind: 'enterprise', enterpriseId } as const
    const events = await readCatchUp({ database: server.services.database, scope, feed: 'levels', since, limit: 4 })
    expect(events.mode === 'events' && events.events.length).toBe(4)
    const snapshot = await readCatchUp({ database: server.services.database, scope, feed: 'levels', since, limit: 3 })
    if (snapshot.mode !== 'snapshot' || snapshot.feed !== 'levels') throw new Error('expected a levels snapshot')
    const ownProducts = new Set((await db().product.findMany({ where: { enterpriseId }, select: { id: true } })).map((p) => p.id))
    expect(snapshot.levels.every((level) => ownProducts.has(level.productId))).toBe(true)
    expect(snapshot.levels).toContainEqual({ productId: product.id, locationId: places.popup, onHand: 4, reserved: 0, available: 4 })
    // A client ahead of the ledger (a restored database) starts over.
    expect(await readCatchUp({ database: server.services.database, scope, feed: 'levels', since: snapshot.seq + 10 })).toMatchObject({ mode: 'snapshot' })
  })
})

describe('validation', () => {
  it('answers a bad catch-up payload with an error ack and changes nothing', async () => {
    const admin = await open(await organizerCookie(db()))
    const before = await ledgerSeq()
    for (const payload of [{ since: -1 }, { since: 'x' }, {}, { since: 1.5 }, { since: 1, extra: true }, { since: 1, feed: 'everything' }, null]) {
      const reply = await admin.emitWithAck('inventory:catch-up', payload as never)
      expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/invalid payload/) })
    }
    admin.emit('inventory:catch-up', { since: 0 }, undefined as never) // no ack: ignored
    expect(await ledgerSeq()).toBe(before)
    expect(admin.connected).toBe(true)
    expect(await catchUp(admin, { since: before })).toMatchObject({ mode: 'events', events: [] })
  })

  it('answers every malformed call, whatever the argument shapes', async () => {
    const admin = await open(await organizerCookie(db()))
    const raw = admin as unknown as { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> }
    // The acknowledgement as the only argument: no payload at all.
    expect(await raw.emitWithAck('inventory:catch-up')).toMatchObject({ ok: false, error: expect.stringMatching(/invalid payload/) })
    expect(await raw.emitWithAck('system:hello')).toMatchObject({ ok: false, error: expect.stringMatching(/invalid payload/) })
    expect(await raw.emitWithAck('inventory:catch-up', { since: 0 }, 'extra')).toMatchObject({ ok: false, error: expect.stringMatching(/invalid payload/) })
    expect(await raw.emitWithAck('inventory:everything', { since: 0 })).toEqual({ ok: false, error: 'unknown event' })
    expect(await catchUp(admin, { since: await ledgerSeq() })).toMatchObject({ mode: 'events', events: [] })
  })

  it('lets a socket that is not signed in read only public online availability', async () => {
    const anonymous = await open()
    expect(await anonymous.emitWithAck('inventory:catch-up', { since: 0, feed: 'levels' })).toEqual({ ok: false, error: 'sign in to follow stock levels' })
    expect(await catchUp(anonymous, { since: await ledgerSeq() })).toMatchObject({ feed: 'online', mode: 'events', events: [] })
  })
})

describe('browser sync module against the real server', () => {
  it('applies a change committed while its catch-up is in flight exactly once and in order', async () => {
    const product = await freshProduct(deps(), { [places.plaza]: 20 })
    const admin = await open(await organizerCookie(db()))
    const since = await ledgerSeq()
    const missed = await receiveStock(deps(), { productId: product.id, locationId: places.plaza, quantity: 1, actor: systemActor('maintenance') })
    // Commit another change the moment the catch-up leaves the client.
    let racing: Promise<{ saleId: number }> | undefined
    admin.onAnyOutgoing((event) => {
      if (event === 'inventory:catch-up' && !racing) racing = recordSale(deps(), cashSale(places.plaza, [{ productId: product.id, quantity: 2, priceWon: product.priceWon }]), { actor: systemActor('maintenance') })
    })
    const applied: InventoryChangedEvent[] = []
    const sync = createInventorySync({ socket: admin, since, onChange: (event) => applied.push(event) })
    await until('the catch-up', () => sync.synced)
    await racing
    const end = await ledgerSeq()
    await until('the racing sale', () => sync.lastSeq >= end)
    await roundTrip(admin)

    const mine = applied.filter((e) => e.productId === product.id)
    expect(mine.map((e) => e.onHand)).toEqual([21, 19])
    expect(mine[0].seq).toBe(missed.seq)
    const seqs = applied.map((e) => e.seq)
    expect(new Set(seqs).size).toBe(seqs.length)
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1])
    expect(applied).toEqual(await movementsAsEvents({ id: { gt: since } }))
    sync.close()
  })
})

describe('ending a session while the socket is disconnected', () => {
  it('gives a socket that reconnects after sign-out no levels and no live changes', async () => {
    const organizer = await db().user.findFirstOrThrow({ where: { role: 'ORGANIZER', active: true }, select: { id: true } })
    const { token } = await createSession({ db: db(), userId: organizer.id })
    const socket: TestSocket = connect(server.url, { transports: ['websocket'], extraHeaders: { cookie: `${SESSION_COOKIE}=${token}` }, reconnection: false, forceNew: true })
    pool.sockets.push(socket)
    await new Promise((resolve) => socket.once('connect', () => resolve(undefined)))
    expect(await catchUp(socket, { since: await ledgerSeq() })).toMatchObject({ feed: 'levels' })
    const seen = collect(socket, 'inventory:changed')
    // A broadcast received gives the client an offset to resume from (were recovery on).
    const product = await freshProduct(deps(), {})
    const before = await receiveStock(deps(), { productId: product.id, locationId: places.plaza, quantity: 1, actor: systemActor('maintenance') })
    await until('the change before the drop', () => seen.some((e) => e.seq === before.seq))

    // The network drops (the TCP connection dies, a recoverable disconnect), then the session ends
    // while the socket is away.
    const gone = new Promise((resolve) => socket.once('disconnect', resolve))
    ;(socket.io.engine.transport as unknown as { ws: { _socket: { destroy(): void } } }).ws._socket.destroy()
    await gone
    await endSessions({ db: db(), changes: server.services.changes, sessionIds: [hashToken(token)] })
    socket.connect()
    await new Promise((resolve) => socket.once('connect', () => resolve(undefined)))

    expect(socket.recovered).toBeFalsy()
    expect(await socket.emitWithAck('inventory:catch-up', { since: 0, feed: 'levels' })).toEqual({ ok: false, error: 'sign in to follow stock levels' })
    const change = await receiveStock(deps(), { productId: product.id, locationId: places.plaza, quantity: 1, actor: systemActor('maintenance') })
    const watcher = await open(await organizerCookie(db()))
    const watcherSaw = collect(watcher, 'inventory:changed')
    const later = await receiveStock(deps(), { productId: product.id, locationId: places.plaza, quantity: 1, actor: systemActor('maintenance') })
    await until('an organizer to see the change', () => watcherSaw.some((e) => e.seq === later.seq))
    await roundTrip(socket)
    expect(seen.filter((e) => e.seq >= change.seq)).toEqual([])
  })
})

describe('sales:recorded', () => {
  it('is published once per recorded sale and reaches an open dashboard once', async () => {
    const product = await freshProduct(deps(), { [places.plaza]: 5 })
    const dashboard = await open(await organizerCookie(db()))
    const anonymous = await open()
    const published: number[] = []
    const unsubscribe = server.services.changes.subscribe('sales:recorded', (change) => void published.push(change.saleId))
    const delivered: number[] = []
    dashboard.on('sales:recorded', (change) => void delivered.push(change.saleId))
    let anonymousGot = 0
    anonymous.on('sales:recorded', () => anonymousGot++)
    try {
      const { saleId } = await recordSale(deps(), cashSale(places.plaza, [{ productId: product.id, quantity: 2, priceWon: product.priceWon }]), { actor: systemActor('maintenance') })
      await until('the dashboard to hear of the sale', () => delivered.includes(saleId))
      await roundTrip(dashboard)
      await roundTrip(anonymous)
      expect(published.filter((id) => id === saleId)).toEqual([saleId])
      expect(delivered.filter((id) => id === saleId)).toEqual([saleId])
      expect(anonymousGot).toBe(0)
    } finally {
      unsubscribe()
    }
  })
})

describe('call budgets', () => {
  let limited: RunningServer | undefined
  afterEach(async () => {
    await limited?.close()
    limited = undefined
  })

  const hello = (socket: TestSocket) => socket.emitWithAck('system:hello', { client: 'test' })
  const openAt = (url: string, forwardedFor: string) => pool.open(url, undefined, { 'x-forwarded-for': forwardedFor })

  it('refuses a socket over its budget with an error ack, then disconnects it if it keeps calling', async () => {
    limited = await startTestServer(testDb.url)
    const socket = await open()
    const own = await pool.open(limited.url)
    const replies = await Promise.all(Array.from({ length: DEFAULT_CALL_LIMITS.perSocket + 1 }, () => hello(own)))
    expect(replies.filter((r) => r.ok)).toHaveLength(DEFAULT_CALL_LIMITS.perSocket)
    expect(replies.at(-1)).toMatchObject({ ok: false, error: expect.stringMatching(/^too many requests; try again in \d+ s$/) })
    // Another socket is not affected.
    expect(await hello(await pool.open(limited.url))).toMatchObject({ ok: true })
    expect(await hello(socket)).toMatchObject({ ok: true })
    const closed = new Promise((resolve) => own.once('disconnect', resolve))
    for (let i = 0; i < DEFAULT_CALL_LIMITS.refusalsBeforeDisconnect; i++) own.emit('system:hello', { client: 'test' }, () => {})
    await closed
  })

  it('counts all sockets of one address together, and reads X-Forwarded-For only behind a trusted proxy', async () => {
    const perSocket = DEFAULT_CALL_LIMITS.perSocket
    const sockets = Math.ceil(DEFAULT_CALL_LIMITS.perAddress / perSocket)
    for (const trustProxy of [false, true]) {
      limited = await startTestServer(testDb.url, { TRUST_PROXY: String(trustProxy) })
      for (let i = 0; i < sockets; i++) {
        const socket = await openAt(limited.url, `203.0.113.${i + 1}`)
        await Promise.all(Array.from({ length: perSocket }, () => hello(socket)))
      }
      // A spoofed header from the same peer: a fresh budget only when a proxy is trusted.
      const another = await openAt(limited.url, '198.51.100.7')
      expect(await hello(another)).toMatchObject({ ok: trustProxy })
      pool.closeAll()
      await limited.close()
      limited = undefined
    }
  })
})
