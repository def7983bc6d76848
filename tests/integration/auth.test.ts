// Sign-in, roles and CSRF through the real route modules against a real (seeded) database.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { requirePermission, systemActor } from '../../app/domain/auth/permissions.server.ts'
import { createDevice } from '../../app/domain/pos/devices.server.ts'
import * as adminDashboard from '../../app/routes/admin/dashboard.tsx'
import * as adminLayout from '../../app/routes/admin/layout.tsx'
import * as login from '../../app/routes/auth/login.tsx'
import * as posHome from '../../app/routes/pos/home.tsx'
import * as posPair from '../../app/routes/pos/pair.tsx'
import * as posSignIn from '../../app/routes/pos/sign-in.tsx'
import * as vendorHome from '../../app/routes/vendor/home.tsx'
import { settle, statusOf, TestBrowser, testServices } from '../support/app-context.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'

let testDb: TestDatabase
let services: ReturnType<typeof testServices>
const sessionCount = () => testDb.database.prisma.session.count()

beforeAll(async () => {
  testDb = await createTestDatabase()
  services = testServices(testDb.database)
})
afterAll(() => testDb?.drop())
// Fresh brakes for every test: one test's deliberate failures do not brake the next one.
beforeEach(() => {
  services = testServices(testDb.database)
})

async function signIn(browser: TestBrowser, email: string, password: string) {
  const outcome = await settle(() => login.action({ request: browser.request('/login', { form: { email, password } }), context: browser.context(), params: {} } as never))
  if (outcome instanceof Response) browser.absorb(outcome)
  return outcome
}

describe('password sign-in', () => {
  it('signs an organizer in with an httpOnly session cookie and lands on /admin', async () => {
    const browser = new TestBrowser(services)
    const outcome = await signIn(browser, 'organizer@dream-market.example', 'organizer-demo-1')
    expect(outcome).toBeInstanceOf(Response)
    const response = outcome as Response
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/admin')
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('dm_session='))!
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    const dashboard = await adminDashboard.loader({ request: browser.request('/admin'), context: browser.context(), params: {} } as never)
    expect(dashboard.summary.netWon).toBeGreaterThan(0)
  })

  it('refuses a wrong password with 401 and writes no session', async () => {
    const before = await sessionCount()
    const browser = new TestBrowser(services)
    const outcome = await signIn(browser, 'organizer@dream-market.example', 'wrong-password')
    expect(statusOf(outcome)).toBe(401)
    expect(browser.cookies.has('dm_session')).toBe(false)
    expect(await sessionCount()).toBe(before)
  })

  it('gives an unknown e-mail the same answer as a wrong password', async () => {
    const outcome = await signIn(new TestBrowser(services), 'nobody@dream-market.example', 'whatever')
    expect(statusOf(outcome)).toBe(401)
  })

  it('refuses invalid input with 400', async () => {
    const outcome = await signIn(new TestBrowser(services), 'not-an-email', '')
    expect(statusOf(outcome)).toBe(400)
  })

  it('rate-limits repeated failures, even when the password is then right', async () => {
    const browser = new TestBrowser(services)
    for (let attempt = 0; attempt < 5; attempt++) expect(statusOf(await signIn(browser, 'vendor1@dream-market.example', `guess-${attempt}`))).toBe(401)
    const before = await sessionCount()
    expect(statusOf(await signIn(browser, 'vendor1@dream-market.example', 'vendor-demo-1'))).toBe(429)
    expect(await sessionCount()).toBe(before)
  })

  it('refuses a form without a valid CSRF token and writes nothing', async () => {
    const before = await sessionCount()
    const browser = new TestBrowser(services)
    const request = browser.request('/login', { form: { email: 'organizer@dream-market.example', password: 'organizer-demo-1' }, withCsrf: false })
    const outcome = await settle(() => login.action({ request, context: browser.context(), params: {} } as never))
    expect(statusOf(outcome)).toBe(403)
    expect(await sessionCount()).toBe(before)
  })
})

describe('roles', () => {
  it('sends a visitor without a session to sign in', async () => {
    const browser = new TestBrowser(services)
    const outcome = await settle(() => adminLayout.loader({ request: browser.request('/admin'), context: browser.context(), params: {} } as never))
    expect(statusOf(outcome)).toBe(302)
    expect((outcome as Response).headers.get('location')).toBe('/login?redirectTo=%2Fadmin')
  })

  it('answers 403 when a vendor opens the organizer dashboard', async () => {
    const browser = new TestBrowser(services)
    await signIn(browser, 'vendor1@dream-market.example', 'vendor-demo-1')
    expect(browser.cookies.has('dm_session')).toBe(true)
    for (const loader of [adminLayout.loader, adminDashboard.loader]) {
      const outcome = await settle(() => loader({ request: browser.request('/admin'), context: browser.context(), params: {} } as never))
      expect(statusOf(outcome)).toBe(403)
    }
  })

  it('shows a vendor only their own enterprise', async () => {
    const browser = new TestBrowser(services)
    await signIn(browser, 'vendor1@dream-market.example', 'vendor-demo-1')
    const vendor = await services.database.prisma.user.findUniqueOrThrow({ where: { email: 'vendor1@dream-market.example' }, select: { enterpriseId: true } })
    const page = await vendorHome.loader({ request: browser.request('/vendor'), context: browser.context(), params: {} } as never)
    const own = await services.database.prisma.product.findMany({ where: { enterpriseId: vendor.enterpriseId! }, select: { sku: true } })
    expect(page.stock.map((p) => p.sku).sort()).toEqual(own.map((p) => p.sku).sort())
  })
})

describe('POS device pairing and PIN sign-in', () => {
  it('pairs a tablet with its code, then signs a cashier in with a PIN', async () => {
    const browser = new TestBrowser(services)
    const noDevice = await settle(() => posHome.loader({ request: browser.request('/pos'), context: browser.context(), params: {} } as never))
    expect((noDevice as Response).headers.get('location')).toBe('/pos/pair')

    const wrongCode = await settle(() => posPair.action({ request: browser.request('/pos/pair', { form: { code: 'NOT-A-CODE' } }), context: browser.context(), params: {} } as never))
    expect(statusOf(wrongCode)).toBe(400)
    const paired = browser.absorb((await posPair.action({ request: browser.request('/pos/pair', { form: { code: 'plaza-1-demo' } }), context: browser.context(), params: {} } as never)) as Response)
    expect(paired.headers.get('location')).toBe('/pos/sign-in')
    expect(browser.cookies.has('dm_device')).toBe(true)

    const before = await sessionCount()
    const wrongPin = await settle(() => posSignIn.action({ request: browser.request('/pos/sign-in', { form: { handle: 'cashier1', pin: '0000' } }), context: browser.context(), params: {} } as never))
    expect(statusOf(wrongPin)).toBe(401)
    expect(await sessionCount()).toBe(before)

    browser.absorb((await posSignIn.action({ request: browser.request('/pos/sign-in', { form: { handle: 'cashier1', pin: '258046' } }), context: browser.context(), params: {} } as never)) as Response)
    const page = await posHome.loader({ request: browser.request('/pos'), context: browser.context(), params: {} } as never)
    expect(page.cashier.name).toBe('데모 캐셔')
    expect(page.stock.length).toBeGreaterThan(0)
    expect(page.stock.every((item) => item.available === item.onHand - item.reserved)).toBe(true)

    // A cashier's POS session does not open the organizer dashboard.
    const admin = await settle(() => adminLayout.loader({ request: browser.request('/admin'), context: browser.context(), params: {} } as never))
    expect(statusOf(admin)).toBe(403)
  })

  it('does not let a password session ring up sales, even in a browser that holds a paired device cookie', async () => {
    const browser = new TestBrowser(services)
    await signIn(browser, 'organizer@dream-market.example', 'organizer-demo-1')
    // Pair this very browser as a tablet, so the device check passes and the session rule is what answers.
    const location = await services.database.prisma.location.findFirstOrThrow({ where: { kind: 'POPUP' }, select: { id: true } })
    const { pairingCode } = await createDevice(services.database.prisma, { name: 'organizer laptop', locationId: location.id }, { actor: systemActor('maintenance') })
    browser.absorb((await posPair.action({ request: browser.request('/pos/pair', { form: { code: pairingCode } }), context: browser.context(), params: {} } as never)) as Response)
    expect(browser.cookies.has('dm_device')).toBe(true)

    const args = { request: browser.request('/pos'), context: browser.context() }
    const refused = await settle(() => requirePermission(args, 'pos:sell'))
    expect((refused as Response).headers.get('location')).toBe('/pos/sign-in')
    const outcome = await settle(() => posHome.loader({ ...args, params: {} } as never))
    expect((outcome as Response).headers.get('location')).toBe('/pos/sign-in')
  })
})
