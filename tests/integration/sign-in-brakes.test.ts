// Hostile use of the sign-in forms: rotating X-Forwarded-For, guessing one account from many
// addresses, guessing pairing codes, guessing a cashier's PIN across tablets, and using a PIN
// session away from its tablet. Real route modules, a real database, real Redis.
import { systemActor } from '../../app/domain/auth/permissions.server.ts'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createLogger } from '../../app/config/logger.server.ts'
import { redisSignInBrakes } from '../../app/domain/auth/rate-limit.server.ts'
import { hashNewPin, PIN_LOCK_AFTER } from '../../app/domain/auth/sign-in.server.ts'
import { createDevice } from '../../app/domain/pos/devices.server.ts'
import * as devicesPage from '../../app/routes/admin/devices.tsx'
import * as login from '../../app/routes/auth/login.tsx'
import * as posHome from '../../app/routes/pos/home.tsx'
import * as posPair from '../../app/routes/pos/pair.tsx'
import * as posSignIn from '../../app/routes/pos/sign-in.tsx'
import * as stockLayout from '../../app/routes/stock/layout.tsx'
import * as stockLevels from '../../app/routes/stock/levels.tsx'
import * as vendorLayout from '../../app/routes/vendor/layout.tsx'
import { settle, statusOf, TestBrowser, testServices } from '../support/app-context.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

let testDb: TestDatabase
let services: ReturnType<typeof testServices>
const db = () => testDb.database.prisma

beforeAll(async () => {
  testDb = await createTestDatabase()
})
afterAll(() => testDb?.drop())
beforeEach(() => {
  services = testServices(testDb.database)
})

type RouteFn = (args: never) => Promise<unknown>
const run = (browser: TestBrowser, fn: RouteFn, path: string, form?: Record<string, string>, headers?: Record<string, string>) =>
  settle(() => fn({ request: browser.request(path, { form, headers }), context: browser.context(), params: {} } as never))

const signIn = (browser: TestBrowser, email: string, password: string, headers?: Record<string, string>) =>
  run(browser, login.action as RouteFn, '/login', { email, password }, headers)

/** A browser turned into a paired tablet (a fresh device at the plaza). */
async function pairedTablet(address = '10.1.0.1') {
  const tablet = new TestBrowser(services, address)
  const location = await db().location.findFirstOrThrow({ where: { kind: 'PLAZA' }, select: { id: true } })
  const { pairingCode, deviceId } = await createDevice(db(), { name: `tablet ${randomUUID().slice(0, 6)}`, locationId: location.id }, { actor: systemActor('maintenance') })
  tablet.absorb((await run(tablet, posPair.action as RouteFn, '/pos/pair', { code: pairingCode })) as Response)
  expect(tablet.cookies.has('dm_device')).toBe(true)
  return Object.assign(tablet, { deviceId })
}

/** A new PIN user (cashier by default) with a 6-digit PIN. */
async function newPinUser(pin: string, role: 'CASHIER' | 'VENDOR' = 'CASHIER') {
  const handle = `c-${randomUUID().slice(0, 8)}`
  const user = await db().user.create({
    data: { name: handle, role, posHandle: handle, pinHash: await hashNewPin(pin), enterpriseId: role === 'VENDOR' ? 2 : null },
    select: { id: true },
  })
  return { id: user.id, handle, pin }
}

const pinSignIn = (tablet: TestBrowser, handle: string, pin: string) => run(tablet, posSignIn.action as RouteFn, '/pos/sign-in', { handle, pin })

describe('password sign-in brakes', () => {
  it('brakes 30 wrong passwords for one account sent with 30 different X-Forwarded-For values', async () => {
    const attacker = new TestBrowser(services, '203.0.113.5')
    const statuses = []
    for (let i = 0; i < 30; i++) statuses.push(statusOf(await signIn(attacker, 'vendor1@dream-market.example', `guess-${i}`, { 'x-forwarded-for': `198.51.100.${i + 1}` })))
    // The header is not the address (no TRUST_PROXY): one person, braked from the 6th try.
    expect(statuses.slice(0, 5)).toEqual(Array(5).fill(401))
    expect(statuses.slice(5)).toEqual(Array(25).fill(429))
  })

  it('brakes 30 wrong passwords for one account from 30 different real addresses', async () => {
    const statuses = []
    for (let i = 0; i < 30; i++) statuses.push(statusOf(await signIn(new TestBrowser(services, `192.0.2.${i + 1}`), 'organizer@dream-market.example', `guess-${i}`)))
    expect(statuses.filter((status) => status === 401).length).toBe(10)
    expect(statuses.slice(10)).toEqual(Array(20).fill(429))
    // Even the right password waits now: the guesses were against the account.
    const before = await db().session.count()
    expect(statusOf(await signIn(new TestBrowser(services, '192.0.2.200'), 'organizer@dream-market.example', 'organizer-demo-1'))).toBe(429)
    expect(await db().session.count()).toBe(before)
  })

  it('brakes one address spraying guesses over many accounts', async () => {
    const attacker = new TestBrowser(services, '203.0.113.77')
    const statuses = []
    for (let i = 0; i < 35; i++) statuses.push(statusOf(await signIn(attacker, `someone-${i}@dream-market.example`, 'password1')))
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(401))
    expect(statuses.slice(30)).toEqual(Array(5).fill(429))
    // Another address is not held up.
    const other = new TestBrowser(services, '203.0.113.78')
    expect(statusOf(await signIn(other, 'vendor1@dream-market.example', 'vendor-demo-1'))).toBe(302)
  })

  it('shares the count between two instances on one Redis', async () => {
    const keyPrefix = `dm-test-${randomUUID()}`
    const log = createLogger('silent')
    const [brakesA, brakesB] = await Promise.all([redisSignInBrakes({ url: REDIS_URL, keyPrefix, log }), redisSignInBrakes({ url: REDIS_URL, keyPrefix, log })])
    try {
      const instanceA = { ...testServices(testDb.database), brakes: brakesA }
      const instanceB = { ...testServices(testDb.database), brakes: brakesB }
      for (let i = 0; i < 5; i++) {
        const instance = i % 2 ? instanceB : instanceA
        expect(statusOf(await signIn(new TestBrowser(instance, '203.0.113.9'), 'vendor2@dream-market.example', `guess-${i}`))).toBe(401)
      }
      expect(statusOf(await signIn(new TestBrowser(instanceB, '203.0.113.9'), 'vendor2@dream-market.example', 'vendor-demo-2'))).toBe(429)
      expect(statusOf(await signIn(new TestBrowser(instanceA, '203.0.113.9'), 'vendor2@dream-market.example', 'vendor-demo-2'))).toBe(429)
    } finally {
      await Promise.all([brakesA.close(), brakesB.close()])
    }
  })
})

describe('pairing brakes', () => {
  it('brakes one guesser whatever X-Forwarded-For it sends, and still pairs a tablet with a good code', async () => {
    const guesser = new TestBrowser(services, '203.0.113.20')
    const statuses = []
    for (let i = 0; i < 15; i++) statuses.push(statusOf(await run(guesser, posPair.action as RouteFn, '/pos/pair', { code: `WRNG-${1000 + i}` }, { 'x-forwarded-for': `198.51.100.${i}` })))
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400))
    expect(statuses.slice(10)).toEqual(Array(5).fill(429))

    const location = await db().location.findFirstOrThrow({ where: { kind: 'PLAZA' }, select: { id: true } })
    const { pairingCode } = await createDevice(db(), { name: 'good tablet', locationId: location.id }, { actor: systemActor('maintenance') })
    const tablet = new TestBrowser(services, '198.51.100.200')
    const paired = await run(tablet, posPair.action as RouteFn, '/pos/pair', { code: pairingCode })
    expect((paired as Response).headers.get('location')).toBe('/pos/sign-in')
  })
})

describe('cashier PINs', () => {
  it('a success does not reset the tablet: 4 wrong PINs then one’s own PIN, repeated, is braked', async () => {
    const tablet = await pairedTablet()
    const attacker = await newPinUser('731904')
    const victims = await Promise.all(['100001', '100002', '100003'].map((pin) => newPinUser(pin)))
    let wrong = 0
    const statuses: number[] = []
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 4; i++) {
        // Spread over three victims so no one cashier locks: the tablet's count is what brakes.
        statuses.push(statusOf(await pinSignIn(tablet, victims[wrong % 3].handle, String(200000 + wrong))))
        wrong++
      }
      statusOf(await pinSignIn(tablet, attacker.handle, attacker.pin))
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401))
    expect(statuses.slice(10)).toEqual(Array(6).fill(429))
  })

  it('counts a cashier’s wrong PINs across tablets, locks the PIN, and only an organizer unlocks it', async () => {
    const victim = await newPinUser('864209')
    const tablets = await Promise.all([1, 2, 3].map((n) => pairedTablet(`10.2.0.${n}`)))
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) statuses.push(statusOf(await pinSignIn(tablets[i % 3], victim.handle, String(500000 + i))))
    // Four per tablet never trips a tablet's brake; the cashier's own count does, at the limit.
    expect(statuses.slice(0, PIN_LOCK_AFTER - 1)).toEqual(Array(PIN_LOCK_AFTER - 1).fill(401))
    expect(statuses.slice(PIN_LOCK_AFTER - 1)).toEqual(Array(12 - PIN_LOCK_AFTER + 1).fill(423))
    expect((await db().user.findUniqueOrThrow({ where: { id: victim.id } })).pinLockedAt).not.toBeNull()

    // Locked: the right PIN on a fresh tablet is not even checked.
    const fresh = await pairedTablet('10.2.0.9')
    expect(statusOf(await pinSignIn(fresh, victim.handle, victim.pin))).toBe(423)
    expect(fresh.cookies.has('dm_session')).toBe(false)

    // A vendor cannot unlock; an organizer can, with a valid form.
    const vendor = new TestBrowser(services, '10.2.0.20')
    await signIn(vendor, 'vendor1@dream-market.example', 'vendor-demo-1').then((r) => vendor.absorb(r as Response))
    expect(statusOf(await run(vendor, devicesPage.action as RouteFn, '/admin/devices', { intent: 'unlock', userId: String(victim.id) }))).toBe(403)
    const organizer = new TestBrowser(services, '10.2.0.21')
    await signIn(organizer, 'organizer@dream-market.example', 'organizer-demo-1').then((r) => organizer.absorb(r as Response))
    const page = (await run(organizer, devicesPage.loader as RouteFn, '/admin/devices')) as Awaited<ReturnType<typeof devicesPage.loader>>
    expect(page.lockedCashiers.map((c) => c.id)).toContain(victim.id)
    const noCsrf = await settle(() =>
      devicesPage.action({ request: organizer.request('/admin/devices', { form: { intent: 'unlock', userId: String(victim.id) }, withCsrf: false }), context: organizer.context(), params: {} } as never),
    )
    expect(statusOf(noCsrf)).toBe(403)
    expect((await db().user.findUniqueOrThrow({ where: { id: victim.id } })).pinLockedAt).not.toBeNull()

    expect(statusOf(await run(organizer, devicesPage.action as RouteFn, '/admin/devices', { intent: 'unlock', userId: String(victim.id) }))).toBe(200)
    expect(await db().auditLog.count({ where: { action: 'user.pin_unlocked', entityId: String(victim.id) } })).toBe(1)
    const signedIn = await pinSignIn(fresh, victim.handle, victim.pin)
    expect((signedIn as Response).headers.get('location')).toBe('/pos')
  })

  it('a success clears only that cashier’s own count', async () => {
    const tablet = await pairedTablet()
    const victim = await newPinUser('390571')
    const other = await newPinUser('615283')
    for (let i = 0; i < 3; i++) expect(statusOf(await pinSignIn(tablet, victim.handle, String(700000 + i)))).toBe(401)
    tablet.absorb((await pinSignIn(tablet, other.handle, other.pin)) as Response)
    expect((await db().user.findUniqueOrThrow({ where: { id: victim.id } })).pinFailures).toBe(3)
    await pinSignIn(tablet, victim.handle, victim.pin)
    expect((await db().user.findUniqueOrThrow({ where: { id: victim.id } })).pinFailures).toBe(0)
  })

  it('refuses PINs shorter than 6 digits for new PINs, but existing 4-digit PINs still sign in', async () => {
    await expect(hashNewPin('1234')).rejects.toThrow()
    await expect(hashNewPin('12345')).rejects.toThrow()
    const { hashSecret } = await import('../../app/domain/auth/password.server.ts')
    const handle = `old-${randomUUID().slice(0, 8)}`
    await db().user.create({ data: { name: handle, role: 'CASHIER', posHandle: handle, pinHash: await hashSecret('4821') } })
    const tablet = await pairedTablet()
    expect(((await pinSignIn(tablet, handle, '4821')) as Response).headers.get('location')).toBe('/pos')
  })
})

describe('a PIN session belongs to its tablet and to the POS', () => {
  it('opens neither /vendor nor /stock, and nothing at all without its device cookie', async () => {
    const tablet = await pairedTablet()
    const vendorPin = await newPinUser('902716', 'VENDOR')
    tablet.absorb((await pinSignIn(tablet, vendorPin.handle, vendorPin.pin)) as Response)
    expect(((await run(tablet, posHome.loader as RouteFn, '/pos')) as { cashier: { name: string } }).cashier.name).toBe(vendorPin.handle)

    // On its own tablet, still POS only.
    expect(statusOf(await run(tablet, vendorLayout.loader as RouteFn, '/vendor'))).toBe(403)
    expect(statusOf(await run(tablet, stockLayout.loader as RouteFn, '/stock'))).toBe(403)

    // The session cookie copied into another browser, without the tablet's device cookie.
    const thief = new TestBrowser(services, '203.0.113.50')
    thief.cookies.set('dm_session', tablet.cookies.get('dm_session')!)
    expect(((await run(thief, posHome.loader as RouteFn, '/pos')) as Response).headers.get('location')).toBe('/pos/pair')
    expect(statusOf(await run(thief, vendorLayout.loader as RouteFn, '/vendor'))).toBe(403)
    expect(statusOf(await run(thief, stockLayout.loader as RouteFn, '/stock'))).toBe(403)
    const product = await db().product.findFirstOrThrow({ where: { enterpriseId: 2 }, select: { id: true } })
    const location = await db().location.findFirstOrThrow({ where: { kind: 'PLAZA' }, select: { id: true } })
    const before = await db().stockMovement.count()
    const adjust = await run(thief, stockLevels.action as RouteFn, '/stock?index', { intent: 'receive', productId: String(product.id), locationId: String(location.id), quantity: '5' })
    expect(statusOf(adjust)).toBe(403)
    expect(await db().stockMovement.count()).toBe(before)

    // On another paired tablet, the session is not that tablet's: back to its PIN pad.
    const otherTablet = await pairedTablet('10.3.0.2')
    otherTablet.cookies.set('dm_session', tablet.cookies.get('dm_session')!)
    expect(((await run(otherTablet, posHome.loader as RouteFn, '/pos')) as Response).headers.get('location')).toBe('/pos/sign-in')
  })
})
