// POS tablets: organizers add tablets and issue one-time pairing codes; a revoked tablet stops.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actorOf } from '../../app/domain/auth/permissions.server.ts'
import { createDevice, issuePairingCode, revokeDevice } from '../../app/domain/pos/devices.server.ts'
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

  it('writes each device change and its audit row in one transaction: one row on success, neither when either fails', async () => {
    const db = testDb.database.prisma
    const location = await db.location.findFirstOrThrow({ where: { kind: 'POPUP' }, select: { id: true } })
    const organizer = actorOf({ ...(await db.user.findFirstOrThrow({ where: { role: 'ORGANIZER' }, select: { id: true, role: true, enterpriseId: true } })), deviceId: null })
    // An actor whose audit row cannot be written (no such user: the row's foreign key fails).
    const ghost = actorOf({ id: 987_654, role: 'ORGANIZER', enterpriseId: null, deviceId: null })
    const auditRows = (action: string, deviceId?: number) => db.auditLog.count({ where: { action, entity: 'PosDevice', ...(deviceId ? { entityId: String(deviceId) } : {}) } })

    const devicesBefore = await db.posDevice.count()
    const createdBefore = await auditRows('device.created')
    await expect(createDevice(db, { name: 'ghost tablet', locationId: location.id }, { actor: ghost })).rejects.toThrow()
    await expect(createDevice(db, { name: 'nowhere tablet', locationId: 999_999 }, { actor: organizer })).rejects.toThrow()
    expect(await db.posDevice.count()).toBe(devicesBefore)
    expect(await auditRows('device.created')).toBe(createdBefore)

    const { deviceId } = await createDevice(db, { name: 'audited tablet', locationId: location.id }, { actor: organizer, requestId: 'req-1' })
    expect(await db.auditLog.findMany({ where: { action: 'device.created', entityId: String(deviceId) }, select: { actorUserId: true, requestId: true } })).toEqual([
      { actorUserId: organizer.kind === 'user' ? organizer.userId : -1, requestId: 'req-1' },
    ])

    const hashBefore = (await db.posDevice.findUniqueOrThrow({ where: { id: deviceId }, select: { pairingCodeHash: true } })).pairingCodeHash
    await expect(issuePairingCode(db, deviceId, { actor: ghost })).rejects.toThrow()
    expect((await db.posDevice.findUniqueOrThrow({ where: { id: deviceId }, select: { pairingCodeHash: true } })).pairingCodeHash).toBe(hashBefore)
    expect(await auditRows('device.pairing_code_issued', deviceId)).toBe(0)
    expect(await issuePairingCode(db, deviceId, { actor: organizer })).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    expect(await auditRows('device.pairing_code_issued', deviceId)).toBe(1)

    await expect(revokeDevice({ db, changes: services.changes }, deviceId, { actor: ghost })).rejects.toThrow()
    expect(await db.posDevice.findUniqueOrThrow({ where: { id: deviceId }, select: { active: true } })).toEqual({ active: true })
    expect(await auditRows('device.revoked', deviceId)).toBe(0)
    expect(await revokeDevice({ db, changes: services.changes }, deviceId, { actor: organizer })).toBe(true)
    expect(await revokeDevice({ db, changes: services.changes }, deviceId, { actor: organizer })).toBe(false)
    expect(await db.posDevice.findUniqueOrThrow({ where: { id: deviceId }, select: { active: true } })).toEqual({ active: false })
    expect(await auditRows('device.revoked', deviceId)).toBe(1)
  })
})
