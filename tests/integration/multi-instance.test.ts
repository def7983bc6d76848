// Two real server processes on one PostgreSQL database with the Redis adapter: a change committed
// through instance A reaches clients connected to instance B. Runs in `npm run test:pg`
// (scripts/ensure-services.sh starts PostgreSQL and Redis).
import { fork, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { currentLedgerSeq } from '../../app/domain/inventory/live-read.server.ts'
import { TEST_PG_URL } from '../support/database-kind.ts'
import { cashSale, freshProduct, inventoryDeps, locationsByKind } from '../support/inventory-fixtures.ts'
import { collect, organizerCookie, roundTrip, SocketPool, until } from '../support/live-sockets.ts'
import type { InstanceMessage, InstanceRequest } from '../support/server-instance.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const ENTRY = new URL('../support/server-instance.ts', import.meta.url).pathname

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never
type Instance = { child: ChildProcess; url: string; call(request: WithoutId<InstanceRequest>): Promise<unknown> }

function startInstance(env: Record<string, string>): Promise<Instance> {
  const child = fork(ENTRY, [], { execArgv: ['--import', 'tsx'], env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
  children.push(child)
  let next = 0
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>()
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server instance exited with ${code} before it was ready`)))
    child.on('message', (message: InstanceMessage) => {
      if ('ready' in message) {
        resolve({
          child,
          url: message.ready,
          call: (request) =>
            new Promise((resolveCall, rejectCall) => {
              const id = ++next
              waiting.set(id, { resolve: resolveCall, reject: rejectCall })
              child.send({ ...request, id })
            }),
        })
        return
      }
      const pending = waiting.get(message.id)
      waiting.delete(message.id)
      if (message.ok) pending?.resolve(message.result)
      else pending?.reject(new Error(message.error))
    })
  })
}

const children: ChildProcess[] = []
const pool = new SocketPool()
let testDb: TestDatabase
let a: Instance
let b: Instance

describe.skipIf(!TEST_PG_URL)('several server instances (PostgreSQL + Redis; set TEST_DATABASE_URL, e.g. `npm run test:pg`)', () => {
  beforeAll(async () => {
    testDb = await createTestDatabase()
    const env = {
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: testDb.url,
      DATABASE_POOL_SIZE: '4',
      REDIS_URL,
      // Channels of this run only: parallel runs sharing the Redis server stay apart.
      SOCKET_REDIS_KEY: `dm-test-${randomUUID()}`,
      // No safety tick during the test: B must hear of A's commits through Redis.
      LIVE_SAFETY_TICK_MS: '3600000',
      SEED_ON_EMPTY: 'false',
      SESSION_SECRET: 'x'.repeat(40),
      LOG_LEVEL: 'warn',
    }
    a = await startInstance(env)
    b = await startInstance(env)
  })

  afterAll(async () => {
    pool.closeAll()
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve()
            const kill = setTimeout(() => child.kill('SIGKILL'), 5_000)
            child.once('exit', () => {
              clearTimeout(kill)
              resolve()
            })
            if (child.connected) child.send({ id: 0, op: 'stop' } satisfies InstanceRequest)
            else child.kill('SIGTERM')
          }),
      ),
    )
    await testDb?.drop()
  })

  it('delivers a sale committed through A to an organizer connected to B', async () => {
    const db = testDb.database.prisma
    const places = await locationsByKind(testDb.database)
    const product = await freshProduct(inventoryDeps(testDb.database), { [places.plaza]: 5 })
    const organizerOnB = await pool.open(b.url, await organizerCookie(db))
    const organizerOnA = await pool.open(a.url, await organizerCookie(db))
    const onB = collect(organizerOnB, 'inventory:changed')
    const onA = collect(organizerOnA, 'inventory:changed')

    await a.call({ op: 'sale', input: cashSale(places.plaza, [{ productId: product.id, quantity: 2, priceWon: product.priceWon }]) })
    const seq = await currentLedgerSeq(db)
    await until('the sale on B', () => onB.some((e) => e.seq === seq))
    await until('the sale on A', () => onA.some((e) => e.seq === seq))
    await roundTrip(organizerOnB)
    // (The product's first receipt, made directly by the test, arrives too: each instance tails the ledger.)
    expect(onB.filter((e) => e.productId === product.id).at(-1)).toEqual({ seq, productId: product.id, locationId: places.plaza, onHand: 3, reserved: 0, available: 3 })
    // Each instance feeds only its own sockets: nothing arrives twice.
    expect(onA.filter((e) => e.seq === seq)).toHaveLength(1)
  })

  it('delivers online availability changed through A to an anonymous storefront on B', async () => {
    const places = await locationsByKind(testDb.database)
    const product = await freshProduct(inventoryDeps(testDb.database), {})
    const storefrontOnB = await pool.open(b.url)
    const online = collect(storefrontOnB, 'inventory:online')
    const levels = collect(storefrontOnB, 'inventory:changed')

    const change = (await a.call({ op: 'receive', input: { productId: product.id, locationId: places.online, quantity: 6 } })) as { seq: number }
    await until('the online availability on B', () => online.some((e) => e.productId === product.id))
    await roundTrip(storefrontOnB)
    expect(online.filter((e) => e.productId === product.id)).toEqual([{ seq: change.seq, productId: product.id, available: 6 }])
    expect(levels).toEqual([])
  })
})
