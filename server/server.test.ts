// The real HTTP server and Socket.IO on a free port, against a real seeded database.
import { io as connect, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSession, endSessions, hashToken } from '../app/domain/auth/session.server.ts'
import type { ClientToServerEvents, ServerToClientEvents } from '../app/domain/live/socket-events.ts'
import { createTestDatabase, type TestDatabase } from '../tests/support/test-database.ts'
import { startTestServer } from '../tests/support/test-server.ts'
import type { RunningServer } from './start.ts'

let testDb: TestDatabase
let server: RunningServer
const sockets: Socket[] = []

beforeAll(async () => {
  testDb = await createTestDatabase()
  server = await startTestServer(testDb.url)
})

afterAll(async () => {
  sockets.forEach((socket) => socket.close())
  await server?.close()
  await testDb?.drop()
})

function openSocket(cookie?: string, headers: Record<string, string> = {}): Promise<Socket<ServerToClientEvents, ClientToServerEvents>> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(server.url, {
    transports: ['websocket'],
    extraHeaders: { ...headers, ...(cookie ? { cookie } : {}) },
    reconnection: false,
  })
  sockets.push(socket)
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket))
    socket.once('connect_error', reject)
  })
}

describe('HTTP server', () => {
  it('answers /healthz with status, database kind and version', async () => {
    const response = await fetch(`${server.url}/healthz`)
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body).toMatchObject({ status: 'ok', database: testDb.database.kind, version: expect.any(String) })
  })

  it('sends security headers and a request id', async () => {
    const response = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'abc-123' } })
    expect(response.headers.get('x-request-id')).toBe('abc-123')
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('x-powered-by')).toBeNull()
  })

  it('refuses a cross-site POST before any route sees it', async () => {
    const response = await fetch(`${server.url}/login`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a&password=b',
    })
    expect(response.status).toBe(403)
  })

  it('marks answers to a signed-in browser private, no-store', async () => {
    expect((await fetch(`${server.url}/healthz`, { headers: { cookie: 'dm_session=abc' } })).headers.get('cache-control')).toBe('private, no-store')
    expect((await fetch(`${server.url}/healthz`)).headers.get('cache-control')).toBeNull()
  })

  it('answers a malformed Origin header with 400, not 500', async () => {
    const response = await fetch(`${server.url}/login`, { method: 'POST', headers: { origin: 'not a url' }, body: '' })
    expect(response.status).toBe(400)
  })

  it('keeps the origin on referrers (native form posts pass the origin check) and sockets on our own host', async () => {
    const response = await fetch(`${server.url}/healthz`)
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    const csp = response.headers.get('content-security-policy')!
    expect(csp).toMatch(/connect-src 'self'(;|$)/)
  })
})

describe('Socket.IO', () => {
  it('connects an anonymous client and tells it it is not signed in', async () => {
    const socket = await openSocket()
    const reply = await socket.emitWithAck('system:hello', { client: 'storefront' })
    expect(reply).toMatchObject({ ok: true, data: { signedIn: false, role: null } })
  })

  it('recognises a signed-in organizer from the session cookie', async () => {
    const organizer = await testDb.database.prisma.user.findFirstOrThrow({ where: { role: 'ORGANIZER' }, select: { id: true } })
    const { token } = await createSession({ db: testDb.database.prisma, userId: organizer.id })
    const socket = await openSocket(`dm_session=${token}`)
    const reply = await socket.emitWithAck('system:hello', { client: 'admin' })
    expect(reply).toMatchObject({ ok: true, data: { signedIn: true, role: 'ORGANIZER' } })
  })

  it('refuses a handshake from another site’s page, accepts our own', async () => {
    const host = new URL(server.url).host
    await expect(openSocket(undefined, { origin: 'https://evil.example' })).rejects.toThrow()
    const own = await openSocket(undefined, { origin: `http://${host}` })
    expect(own.connected).toBe(true)
  })

  it('answers a bad payload with an error ack', async () => {
    const socket = await openSocket()
    const reply = await socket.emitWithAck('system:hello', { client: 'hacker' } as never)
    expect(reply.ok).toBe(false)
  })

  it('delivers a published sale to organizers only', async () => {
    const organizer = await testDb.database.prisma.user.findFirstOrThrow({ where: { role: 'ORGANIZER' }, select: { id: true } })
    const { token } = await createSession({ db: testDb.database.prisma, userId: organizer.id })
    const admin = await openSocket(`dm_session=${token}`)
    const anonymous = await openSocket()
    let anonymousGot = 0
    anonymous.on('sales:recorded', () => anonymousGot++)
    const received = new Promise((resolve) => admin.once('sales:recorded', resolve))
    const change = { saleId: 1, channel: 'PLAZA', locationId: 1, totalWon: 12000, occurredAt: new Date().toISOString() }
    server.services.changes.publish('sales:recorded', change)
    expect(await received).toEqual(change)
    await anonymous.emitWithAck('system:hello', { client: 'test' }) // a round trip: anything queued has arrived
    expect(anonymousGot).toBe(0)
  })

  it('closes the sockets of a session that ends (sign-out, revoked tablet), and only those', async () => {
    const organizer = await testDb.database.prisma.user.findFirstOrThrow({ where: { role: 'ORGANIZER' }, select: { id: true } })
    const ending = await createSession({ db: testDb.database.prisma, userId: organizer.id })
    const staying = await createSession({ db: testDb.database.prisma, userId: organizer.id })
    const doomed = await openSocket(`dm_session=${ending.token}`)
    const survivor = await openSocket(`dm_session=${staying.token}`)
    const closed = new Promise<string>((resolve) => doomed.once('disconnect', resolve))
    await endSessions({ db: testDb.database.prisma, changes: server.services.changes, sessionIds: [hashToken(ending.token)] })
    expect(await closed).toBe('io server disconnect')
    expect(await testDb.database.prisma.session.count({ where: { id: hashToken(ending.token) } })).toBe(0)
    const reply = await survivor.emitWithAck('system:hello', { client: 'admin' })
    expect(reply).toMatchObject({ ok: true, data: { signedIn: true } })
  })
})
