// The SQLite fast path reads a private field of @prisma/adapter-better-sqlite3: an adapter upgrade
// that moves it must stop the server at start-up with a clear message, not break the first sale.
import { readFileSync } from 'node:fs'
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import { describe, expect, it } from 'vitest'
import { betterSqliteConnectionOf, serializedSqliteFactory } from './serialized-sqlite.server.ts'

const installed = (JSON.parse(readFileSync(new URL('../../node_modules/@prisma/adapter-better-sqlite3/package.json', import.meta.url), 'utf8')) as { version: string }).version

/** The real adapter, with its private connection moved elsewhere (what an upgrade could do). */
function withoutPrivateConnection(inner: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => {
      const adapter = await inner.connect()
      return new Proxy(adapter, {
        get(target, key) {
          if (key === 'client') return undefined
          const value: unknown = Reflect.get(target, key)
          return typeof value === 'function' ? value.bind(target) : value
        },
      })
    },
  }
}

describe('the private better-sqlite3 connection', () => {
  it('is reachable in the installed adapter, and is the connection Prisma writes through', async () => {
    const { factory, connection } = serializedSqliteFactory(new PrismaBetterSqlite3({ url: 'file::memory:' }))
    const adapter = await factory.connect()
    try {
      await adapter.executeScript('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (41)')
      expect(await connection.exclusive((db) => db.prepare('SELECT x + 1 AS y FROM t').get())).toEqual({ y: 42n }) // the adapter turns on safeIntegers
    } finally {
      await adapter.dispose()
    }
  })

  it('stops the connection from opening, naming the adapter version, when it is missing', async () => {
    const { factory, connection } = serializedSqliteFactory(withoutPrivateConnection(new PrismaBetterSqlite3({ url: 'file::memory:' })))
    await expect(factory.connect()).rejects.toThrow(`@prisma/adapter-better-sqlite3 ${installed} no longer exposes its better-sqlite3 connection`)
    await expect(connection.exclusive(() => 1)).rejects.toThrow(/not open yet/)
  })

  it('refuses an object that is not a better-sqlite3 connection', () => {
    expect(() => betterSqliteConnectionOf({ client: { prepare: 'nope' } })).toThrow(new RegExp(`adapter-better-sqlite3 ${installed.replaceAll('.', '\\.')} `))
  })
})
