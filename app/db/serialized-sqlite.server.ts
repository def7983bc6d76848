// Makes Prisma's better-sqlite3 adapter safe for concurrent use by one process.
// The adapter runs everything on ONE connection and only makes interactive transactions wait for
// each other. A plain query issued while another request's transaction is open (between its
// awaits) would run INSIDE that transaction: a read would see uncommitted rows (a live update for
// a sale that then rolls back) and a write would be rolled back with it. Here every statement
// outside a transaction waits for the open transaction to finish, as on a real multi-connection
// database. Transactions keep their own queryable, so they never wait on themselves.
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from '@prisma/driver-adapter-utils'
import type BetterSqlite3 from 'better-sqlite3'

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
  let adapter: SqlDriverAdapter | undefined
  const factory: SqlDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => (adapter = serialize(await inner.connect(), lock)),
  }
  const connection: SqliteConnection = {
    async exclusive(work) {
      if (!adapter) throw new Error('the SQLite connection is not open yet')
      // The adapter keeps its better-sqlite3 Database in `client` (adapter-better-sqlite3 7.10).
      const raw = (adapter as unknown as { client: BetterSqlite3.Database }).client
      const release = await lock.acquire()
      try {
        return work(raw)
      } finally {
        release()
      }
    },
  }
  return { factory, connection }
}
