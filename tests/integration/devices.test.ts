// POS tablets: organizers add tablets and issue one-time pairing codes; a revoked tablet stops.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as devices from '../../app/routes/admin/devices.tsx'
import * as login from '../../app/routes/auth/login.tsx'
import * as posHome from '../../app/routes/pos/home.tsx'
import * as posPair from '../../app/routes/pos/pair.tsx'
import * as posSignIn from '../../app/routes/pos/sign-in.tsx'
import { settle, statusOf, TestBrowser, testServices } from '../support/app-context.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'

let testDb: TestDatabase
let services: ReturnType<typeof testServices>

beforeAll(async () => {
  testDb = await createTestDatabase()
  services = testServices(testDb.database)
})
afterAll(() => testDb?.drop())

const args = (browser: TestBrowser, request: Request) => ({ request, context: browser.context(), params: {} }) as never

async function signedIn(email: string, password: string) {
  const browser = new TestBrowser(services)
  browser.absorb((await settle(() => login.action(args(browser, browser.request('/login', { form: { email, password } }))))) as Response)
  return browser
}

function dataOf(outcome: unknown) {
  return (outcome as { data: { ok: boolean; deviceId?: number; pairingCode?: string | null } }).data
}

describe('POS devices', () => {
  it('an organizer adds a tablet; its one-time code pairs one tablet only', async () => {
    const organizer = await signedIn('organizer@dream-market.example', 'organizer-demo-1')
    const location = await testDb.database.prisma.location.findFirstOrThrow({ where: { kind: 'POPUP' }, select: { id: true } })
    const created = dataOf(await devices.action(args(organizer, organizer.request('/admin/devices', { form: { intent: 'create', name: '팝업 2번 태블릿', locationId: String(location.id) } }))))
    expect(created.pairingCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/)

    const tablet = new TestBrowser(services)
    const paired = tablet.absorb((await posPair.action(args(tablet, tablet.request('/pos/pair', { form: { code: created.pairingCode! } })))) as Response)
    expect(paired.headers.get('location')).toBe('/pos/sign-in')
    const second = new TestBrowser(services)
    expect(statusOf(await settle(() => posPair.action(args(second, second.request('/pos/pair', { form: { code: created.pairingCode! } })))))).toBe(400)

    tablet.absorb((await posSignIn.action(args(tablet, tablet.request('/pos/sign-in', { form: { handle: 'cashier1', pin: '258046' } })))) as Response)
    const page = await posHome.loader(args(tablet, tablet.request('/pos')))
    expect(page.device.id).toBe(created.deviceId)

    // Revoking stops the tablet at once: its session and its device cookie no longer work.
    await devices.action(args(organizer, organizer.request('/admin/devices', { form: { intent: 'revoke', deviceId: String(created.deviceId) } })))
    const after = await settle(() => posHome.loader(args(tablet, tablet.request('/pos'))))
    expect((after as Response).headers.get('location')).toBe('/pos/pair')
    expect(await testDb.database.prisma.session.count({ where: { deviceId: created.deviceId } })).toBe(0)
  })

  it('refuses vendors and cashiers, and bad input, writing nothing', async () => {
    const before = await testDb.database.prisma.posDevice.count()
    const vendor = await signedIn('vendor1@dream-market.example', 'vendor-demo-1')
    expect(statusOf(await settle(() => devices.loader(args(vendor, vendor.request('/admin/devices')))))).toBe(403)
    expect(statusOf(await settle(() => devices.action(args(vendor, vendor.request('/admin/devices', { form: { intent: 'create', name: 'x tablet', locationId: '1' } })))))).toBe(403)
    const organizer = await signedIn('organizer@dream-market.example', 'organizer-demo-1')
    expect(statusOf(await settle(() => devices.action(args(organizer, organizer.request('/admin/devices', { form: { intent: 'create', name: '', locationId: 'x' } })))))).toBe(400)
    expect(await testDb.database.prisma.posDevice.count()).toBe(before)
  })
})
