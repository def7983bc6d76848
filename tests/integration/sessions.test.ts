// Session lifecycle: one session per browser, idle timeout, clean-up, tablets re-paired, pairing
// codes that expire, and mutations whose body is not a form. Real route modules, real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CSRF_COOKIE, SESSION_COOKIE } from '../../app/domain/auth/cookies.server.ts'
import { createSession, hashToken, sweepEndedSessions } from '../../app/domain/auth/session.server.ts'
import * as devices from '../../app/routes/admin/devices.tsx'
import * as adminLayout from '../../app/routes/admin/layout.tsx'
import * as login from '../../app/routes/auth/login.tsx'
import * as posHome from '../../app/routes/pos/home.tsx'
import * as posPair from '../../app/routes/pos/pair.tsx'
import * as posSignIn from '../../app/routes/pos/sign-in.tsx'
import * as stockLevels from '../../app/routes/stock/levels.tsx'
import * as productHistory from '../../app/routes/stock/product-history.tsx'
import { settle, statusOf, TestBrowser, testServices } from '../support/app-context.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'

let testDb: TestDatabase
let services: ReturnType<typeof testServices>
const db = () => testDb.database.prisma

beforeAll(async () => {
  testDb = await createTestDatabase()
  services = testServices(testDb.database)
})
afterAll(() => testDb?.drop())

const args = (browser: TestBrowser, request: Request, params: Record<string, string> = {}) => ({ request, context: browser.context(), params }) as never

async function signIn(browser: TestBrowser, email = 'organizer@dream-market.example', password = 'organizer-demo-1') {
  return browser.absorb((await login.action(args(browser, browser.request('/login', { form: { email, password } })))) as Response)
}

const sessionIdOf = (browser: TestBrowser) => hashToken(browser.cookies.get(SESSION_COOKIE)!)
const organizerId = async () => (await db().user.findFirstOrThrow({ where: { role: 'ORGANIZER' }, select: { id: true } })).id

describe('signing in', () => {
  it('ends the browser’s previous session and renews its CSRF seed', async () => {
    const browser = new TestBrowser(services)
    await signIn(browser, 'vendor1@dream-market.example', 'vendor-demo-1')
    const first = sessionIdOf(browser)
    const seedBefore = browser.cookies.get(CSRF_COOKIE)
    const response = await signIn(browser)
    expect(response.status).toBe(302)
    expect(await db().session.count({ where: { id: first } })).toBe(0)
    expect(await db().session.count({ where: { id: sessionIdOf(browser) } })).toBe(1)
    const seedAfter = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${CSRF_COOKIE}=`))
    expect(seedAfter).toMatch(/HttpOnly/)
    expect(browser.cookies.get(CSRF_COOKIE)).toMatch(/^[\w-]{43}$/)
    expect(browser.cookies.get(CSRF_COOKIE)).not.toBe(seedBefore)
  })
})

describe('idle timeout', () => {
  it('refuses a web session idle longer than SESSION_IDLE_MINUTES and touches an active one at most once a minute', async () => {
    const { token } = await createSession({ db: db(), userId: await organizerId() })
    const browser = new TestBrowser(services)
    browser.cookies.set(SESSION_COOKIE, token)
    const id = hashToken(token)
    const open = () => settle(() => adminLayout.loader(args(browser, browser.request('/admin'))))

    const recent = new Date(Date.now() - 30_000)
    await db().session.update({ where: { id }, data: { lastSeenAt: recent } })
    expect(statusOf(await open())).toBe(200)
    expect((await db().session.findUniqueOrThrow({ where: { id } })).lastSeenAt).toEqual(recent) // under a minute: no write

    await db().session.update({ where: { id }, data: { lastSeenAt: new Date(Date.now() - 119 * 60_000) } })
    expect(statusOf(await open())).toBe(200)
    expect(Date.now() - (await db().session.findUniqueOrThrow({ where: { id } })).lastSeenAt.getTime()).toBeLessThan(10_000)

    await db().session.update({ where: { id }, data: { lastSeenAt: new Date(Date.now() - 121 * 60_000) } })
    const idle = await open()
    expect((idle as Response).headers.get('location')).toBe('/login?redirectTo=%2Fadmin')
  })

  it('the sweeper deletes expired and idle sessions (web and POS limits apart) and keeps live ones', async () => {
    const userId = await organizerId()
    const device = await db().posDevice.findFirstOrThrow({ select: { id: true } })
    const make = async (lastSeenMinutesAgo: number, deviceId: number | null = null, expired = false) => {
      const { token } = await createSession({ db: db(), userId, deviceId })
      const id = hashToken(token)
      await db().session.update({
        where: { id },
        data: { lastSeenAt: new Date(Date.now() - lastSeenMinutesAgo * 60_000), ...(expired ? { expiresAt: new Date(Date.now() - 1000) } : {}) },
      })
      return id
    }
    const live = await make(1)
    const idleWeb = await make(150)
    const quietPos = await make(150, device.id) // a lull on the market day: still signed in
    const idlePos = await make(250, device.id)
    const expired = await make(0, null, true)
    const ended: string[][] = []
    const changes = { publish: (_topic: 'sessions:ended', change: { sessionIds: string[] }) => void ended.push(change.sessionIds) }
    await sweepEndedSessions({ db: db(), changes, idle: services.env })
    const left = new Set((await db().session.findMany({ where: { id: { in: [live, idleWeb, quietPos, idlePos, expired] } }, select: { id: true } })).map((s) => s.id))
    expect([...left].sort()).toEqual([live, quietPos].sort())
    expect(ended.flat()).toEqual(expect.arrayContaining([idleWeb, idlePos, expired]))
  })
})

describe('POS tablets', () => {
  async function newTabletCode(organizer: TestBrowser) {
    const location = await db().location.findFirstOrThrow({ where: { kind: 'POPUP' }, select: { id: true } })
    const outcome = await devices.action(args(organizer, organizer.request('/admin/devices', { form: { intent: 'create', name: '교체 태블릿', locationId: String(location.id) } })))
    return (outcome as unknown as { data: { deviceId: number; pairingCode: string } }).data
  }

  it('re-pairing ends the cashier sessions of the tablet it replaces', async () => {
    const organizer = new TestBrowser(services)
    await signIn(organizer)
    const { deviceId, pairingCode } = await newTabletCode(organizer)
    const oldTablet = new TestBrowser(services)
    oldTablet.absorb((await posPair.action(args(oldTablet, oldTablet.request('/pos/pair', { form: { code: pairingCode } })))) as Response)
    oldTablet.absorb((await posSignIn.action(args(oldTablet, oldTablet.request('/pos/sign-in', { form: { handle: 'cashier1', pin: '258046' } })))) as Response)
    expect(statusOf(await settle(() => posHome.loader(args(oldTablet, oldTablet.request('/pos')))))).toBe(200)

    const issued = await devices.action(args(organizer, organizer.request('/admin/devices', { form: { intent: 'code', deviceId: String(deviceId) } })))
    const newCode = (issued as unknown as { data: { pairingCode: string } }).data.pairingCode
    const newTablet = new TestBrowser(services)
    newTablet.absorb((await posPair.action(args(newTablet, newTablet.request('/pos/pair', { form: { code: newCode } })))) as Response)

    expect(await db().session.count({ where: { deviceId } })).toBe(0)
    const stale = await settle(() => posHome.loader(args(oldTablet, oldTablet.request('/pos'))))
    expect((stale as Response).headers.get('location')).toMatch(/^\/pos\/(pair|sign-in)/)
  })

  it('refuses a pairing code older than 15 minutes and leaves the tablet unpaired', async () => {
    const organizer = new TestBrowser(services)
    await signIn(organizer)
    const { deviceId, pairingCode } = await newTabletCode(organizer)
    const expiresAt = (await db().posDevice.findUniqueOrThrow({ where: { id: deviceId } })).pairingCodeExpiresAt!
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(14 * 60_000)
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000)
    await db().posDevice.update({ where: { id: deviceId }, data: { pairingCodeExpiresAt: new Date(Date.now() - 1000) } })
    const tablet = new TestBrowser(services)
    expect(statusOf(await settle(() => posPair.action(args(tablet, tablet.request('/pos/pair', { form: { code: pairingCode } })))))).toBe(400)
    expect(tablet.cookies.has('dm_device')).toBe(false)
    expect((await db().posDevice.findUniqueOrThrow({ where: { id: deviceId } })).tokenHash).toBeNull()
  })
})

describe('small holes', () => {
  it('answers a signed-in POST whose body is no form with 415/400 and writes nothing', async () => {
    const browser = new TestBrowser(services)
    await signIn(browser)
    const before = await db().stockMovement.count()
    const post = (contentType: string, body: string) => {
      const request = browser.request('/stock', { method: 'POST', headers: { 'content-type': contentType } })
      return settle(() => stockLevels.action(args(browser, new Request(request, { body }))))
    }
    expect(statusOf(await post('text/plain', 'intent=receive'))).toBe(415)
    expect(statusOf(await post('application/json', '{"intent":"receive"}'))).toBe(415)
    expect(statusOf(await post('multipart/form-data; boundary=x', '--x\r\nbroken'))).toBe(400)
    expect(await db().stockMovement.count()).toBe(before)
  })

  it('answers 404 for a product id too large for the database', async () => {
    const browser = new TestBrowser(services)
    await signIn(browser)
    const outcome = await settle(() => productHistory.loader(args(browser, browser.request('/stock/products/99999999999999999999'), { productId: '99999999999999999999' })))
    expect(statusOf(outcome)).toBe(404)
  })
})
