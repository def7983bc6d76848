// Makes Prisma's better-sqlite3 adapter safe for concurrent use by one process.
// The adapter runs everything on ONE connection and only makes interactive transactions wait for
// each other. A plain query issued while another request's transaction is open (between its
// awaits) would run INSIDE that transaction: a read would see uncommitted rows (a live update for
// a sale that then rolls back) and a write would be rolled back with it. Here every statement
// outside a transaction waits for the open transaction to finish, as on a real multi-connection
// database. Transactions keep their own queryable, so they never wait on themselves.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from '@prisma/driver-adapter-utils'
import type BetterSqlite3 from 'better-sqlite3'

const ADAPTER_PACKAGE = '@prisma/adapter-better-sqlite3'

/** The installed version of the adapter, for error messages (its package.json is not exported). */
export function installedAdapterVersion(): string {
  try {
    const entry = createRequire(import.meta.url).resolve(ADAPTER_PACKAGE) // …/dist/index.js
    return (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version
  } catch {
    return 'of unknown version'
  }
}

/**
 * The better-sqlite3 Database inside a connected adapter. It is a private field (`client`, as of
 * adapter-better-sqlite3 7.10), so an upgrade may move it: checked when the connection opens, so
 * the server stops at start-up with this message instead of failing at the first sale.
 */
export function betterSqliteConnectionOf(adapter: object): BetterSqlite3.Database {
  const client = (adapter as { client?: Partial<BetterSqlite3.Database> }).client
  if (!client || typeof client.prepare !== 'function' || typeof client.transaction !== 'function' || typeof client.inTransaction !== 'boolean') {
    throw new Error(
      `${ADAPTER_PACKAGE} ${installedAdapterVersion()} no longer exposes its better-sqlite3 connection as \`client\`, ` +
        'which the SQLite sale fast path needs (app/db/serialized-sqlite.server.ts). Install the version in package.json ' +
        'or update betterSqliteConnectionOf for this one.',
    )
  }
  return client as BetterSqlite3.Database
}

class Lock {
  #tail: Promise<void> = Promise.resolve()

  /** Resolves with a release function once every earlier holder has released. */
  acquire(): Promise<() => void> {
    let release!: () => void
    const next = new Promise<void>((resolve) => (release = resolve))
    const ready = this.#tail.then(() => release)
    this.#tail = this.#tail.then(() => next)
    return ready
  }
}

function serialize(adapter: SqlDriverAdapter, lock: Lock): SqlDriverAdapter {
  const exclusive =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const release = await lock.acquire()
      try {
        return await run(...args)
      } finally {
        release()
      }
    }
  return new Proxy(adapter, {
    get(target, property, receiver) {
      switch (property) {
        case 'queryRaw':
          return exclusive(target.queryRaw.bind(target))
        case 'executeRaw':
          return exclusive(target.executeRaw.bind(target))
        case 'executeScript':
          return exclusive(target.executeScript.bind(target))
        case 'startTransaction':
          return async (...args: Parameters<SqlDriverAdapter['startTransaction']>): Promise<Transaction> => {
            const release = await lock.acquire()
            try {
              const transaction = await target.startTransaction(...args)
              let released = false
              const finish = () => {
                if (released) return
                released = true
                release()
              }
              return new Proxy(transaction, {
                get(tx, key, txReceiver) {
                  if (key === 'commit' || key === 'rollback') {
                    return async () => {
                      try {
                        await tx[key]()
                      } finally {
                        finish()
                      }
                    }
                  }
                  const value = Reflect.get(tx, key, txReceiver)
                  return typeof value === 'function' ? value.bind(tx) : value
                },
              })
            } catch (error) {
              release()
              throw error
            }
          }
        default: {
          const value = Reflect.get(target, property, receiver)
          return typeof value === 'function' ? value.bind(target) : value
        }
      }
    },
  })
}

/** Direct, exclusive use of the very connection Prisma uses (see SqliteConnection). */
export interface SqliteConnection {
  /**
   * Runs `work` on the better-sqlite3 connection while no Prisma statement or transaction runs.
   * For hot paths that must avoid Prisma's per-statement cost (docs/decisions/0004).
   */
  exclusive<T>(work: (connection: BetterSqlite3.Database) => T): Promise<T>
}

export function serializedSqliteFactory(inner: SqlDriverAdapterFactory): { factory: SqlDriverAdapterFactory; connection: SqliteConnection } {
  const lock = new Lock()
  let raw: BetterSqlite3.Database | undefined
  const factory: SqlDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => {
      const adapter = await inner.connect()
      try {
        raw = betterSqliteConnectionOf(adapter)
      } catch (error) {
        await adapter.dispose()
        throw error
      }
      return serialize(adapter, lock)
    },
  }
  const connection: SqliteConnection = {
    async exclusive(work) {
      const open = raw
      if (!open) throw new Error('the SQLite connection is not open yet')
      const release = await lock.acquire()
      try {
        return work(open)
      } finally {
        release()
      }
    },
  }
  return { factory, connection }
}
