// Opens the database for either provider behind one PrismaClient type.
// SQLite (embedded default) and PostgreSQL (scale-out) have separately generated clients, because
// a Prisma schema names one provider; their model APIs are identical, so the SQLite client's type
// stands for both in shared code. The PostgreSQL client also has its real type (`postgres`), for the
// few query options only PostgreSQL has (e.g. `mode: 'insensitive'`).
import { closeSync, mkdirSync, openSync } from 'node:fs'
import { dirname } from 'node:path'
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaClient } from '../generated/prisma/sqlite/client.ts'
import type { PrismaClient as PostgresPrismaClient } from '../generated/prisma/postgresql/client.ts'
import { serializedSqliteFactory, type SqliteConnection } from './serialized-sqlite.server.ts'

export type Db = PrismaClient
/** The generated PostgreSQL client, as it really is. */
export type PostgresDb = PostgresPrismaClient
export type DatabaseKind = 'sqlite' | 'postgresql'

export interface Database {
  kind: DatabaseKind
  url: string
  prisma: Db
  /** SQLite only: exclusive access to Prisma's own connection, for the hottest write path. */
  sqlite?: SqliteConnection
  /** PostgreSQL only: the same client as `prisma`, with its own (PostgreSQL) type. */
  postgres?: PostgresDb
  close(): Promise<void>
}

export function databaseKindOf(url: string): DatabaseKind {
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql'
  if (url.startsWith('file:')) return 'sqlite'
  throw new Error(`DATABASE_URL must start with file: or postgresql:// (got "${url.split(':')[0]}:…")`)
}

/** The filesystem path of a `file:` URL. */
export function sqlitePathOf(url: string): string {
  return url.replace(/^file:/, '').replace(/\?.*$/, '')
}

/**
 * Creates a missing SQLite directory (0700) and file (0600) before anything opens them: sales and
 * password hashes are not for other local users, and SQLite gives -wal/-shm the file's own mode.
 * An existing directory or file is left as its owner set it.
 */
export function prepareSqliteFile(url: string): void {
  const file = sqlitePathOf(url)
  if (file === ':memory:' || file === '') return
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  closeSync(openSync(file, 'a', 0o600))
}

/**
 * Connection pragmas for the embedded database. WAL lets readers run beside the writer;
 * synchronous=FULL fsyncs at every commit so an acknowledged sale survives a power cut.
 */
export const SQLITE_PRAGMAS = [
  'PRAGMA journal_mode = WAL',
  'PRAGMA synchronous = FULL',
  'PRAGMA foreign_keys = ON',
  'PRAGMA busy_timeout = 5000',
] as const

export async function openDatabase(url: string, options: { poolSize?: number } = {}): Promise<Database> {
  const kind = databaseKindOf(url)
  if (kind === 'sqlite') {
    const { factory, connection } = serializedSqliteFactory(new PrismaBetterSqlite3({ url: `file:${sqlitePathOf(url)}`, timeout: 5000 }))
    const prisma = new PrismaClient({ adapter: factory })
    // The adapter keeps one connection, so per-connection pragmas set once stay in force.
    for (const pragma of SQLITE_PRAGMAS) await prisma.$queryRawUnsafe(pragma)
    return { kind, url, prisma, sqlite: connection, close: () => prisma.$disconnect() }
  }
  const [{ PrismaPg }, pg] = await Promise.all([
    import('@prisma/adapter-pg'),
    import('../generated/prisma/postgresql/client.ts'),
  ])
  const adapter = new PrismaPg({ connectionString: url, max: options.poolSize ?? 10 })
  const postgres: PostgresDb = new pg.PrismaClient({ adapter })
  // Shared code sees it through the SQLite client's type: same models, same model API.
  const prisma = postgres as unknown as Db
  await postgres.$queryRawUnsafe('SELECT 1')
  return { kind, url, prisma, postgres, close: () => postgres.$disconnect() }
}
