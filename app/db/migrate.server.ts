// Applies pending Prisma migrations at start-up (and for `npm run db:migrate`) with no schema engine:
// each migration is a plain migration.sql; we run the pending ones in order, each in its own
// transaction, and record them in `_prisma_migrations` using Prisma's own table layout so that
// `prisma migrate status/deploy` stay compatible.
import { createHash, randomUUID } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type BetterSqlite3 from 'better-sqlite3'
import { databaseKindOf, sqlitePathOf, SQLITE_PRAGMAS, type DatabaseKind } from './client.server.ts'

const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
/** Same lock id Prisma uses, so our runner and `prisma migrate deploy` never run at once. */
const PG_ADVISORY_LOCK_ID = 72707369

export interface Migration {
  name: string
  sql: string
  checksum: string
}

export function migrationsDir(kind: DatabaseKind): string {
  return join(PROJECT_ROOT, 'prisma', kind, 'migrations')
}

export function readMigrations(kind: DatabaseKind, dir = migrationsDir(kind)): Migration[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8')
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') }
    })
}

const CREATE_MIGRATIONS_TABLE = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
    "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
    "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`,
  postgresql: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'MigrationError'
  }
}

function checkHistory(applied: Map<string, string>, migrations: Migration[]): Migration[] {
  const known = new Map(migrations.map((m) => [m.name, m]))
  for (const [name, checksum] of applied) {
    const local = known.get(name)
    if (!local) throw new MigrationError(`migration ${name} is applied in the database but missing from prisma/…/migrations`)
    if (local.checksum !== checksum) throw new MigrationError(`migration ${name} was edited after it was applied (checksum differs)`)
  }
  return migrations.filter((m) => !applied.has(m.name))
}

interface ForeignKeyViolation {
  table: string
  rowid: number | bigint | null
  parent: string
  fkid: number
}

/** Describes each row that breaks a foreign key, with its key values: "SaleLine row 7 (productId=999) has no Product". */
function describeViolations(db: BetterSqlite3.Database, violations: ForeignKeyViolation[]): string {
  const shown = violations.slice(0, 10).map((violation) => {
    const columns = (db.prepare(`PRAGMA foreign_key_list("${violation.table.replace(/"/g, '""')}")`).all() as { id: number; from: string }[])
      .filter((fk) => fk.id === violation.fkid)
      .map((fk) => fk.from)
    const row =
      violation.rowid === null || columns.length === 0
        ? undefined
        : (db.prepare(`SELECT ${columns.map((c) => `"${c.replace(/"/g, '""')}"`).join(', ')} FROM "${violation.table.replace(/"/g, '""')}" WHERE rowid = ?`).get(violation.rowid) as
            | Record<string, unknown>
            | undefined)
    const key = row ? ` (${columns.map((c) => `${c}=${String(row[c])}`).join(', ')})` : ''
    return `${violation.table} row ${violation.rowid ?? '?'}${key} has no ${violation.parent}`
  })
  const more = violations.length > shown.length ? `, and ${violations.length - shown.length} more` : ''
  return shown.join('; ') + more
}

/**
 * SQLite can change most of a table only by rebuilding it (new table, copy, drop, rename), and
 * Prisma's SQLite migrations do exactly that. Dropping a table that other tables point at must
 * happen with foreign keys OFF, and `PRAGMA foreign_keys` is a no-op inside a transaction, so we
 * follow SQLite's documented procedure (https://sqlite.org/lang_altertable.html#otheralter):
 * foreign keys off BEFORE the transaction, the migrations, `PRAGMA foreign_key_check` before
 * commit (any violation rolls everything back and names the rows), foreign keys on again.
 * Without this, a rebuild of Product fails on its RESTRICT children or silently deletes its
 * CASCADE children (the DROP TABLE's implicit DELETE).
 */
async function migrateSqlite(url: string, migrations: Migration[]): Promise<string[]> {
  const { default: Sqlite } = await import('better-sqlite3')
  const file = sqlitePathOf(url)
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const db = new Sqlite(file)
  try {
    for (const pragma of SQLITE_PRAGMAS) db.exec(pragma)
    db.exec(CREATE_MIGRATIONS_TABLE.sqlite)
    db.exec('PRAGMA foreign_keys = OFF')
    // IMMEDIATE takes the write lock up front: a second process starting at once waits here.
    db.exec('BEGIN IMMEDIATE')
    let pending: Migration[]
    try {
      const rows = db
        .prepare('SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL')
        .all() as { migration_name: string; checksum: string }[]
      pending = checkHistory(new Map(rows.map((r) => [r.migration_name, r.checksum])), migrations)
      for (const migration of pending) {
        try {
          db.exec(migration.sql)
        } catch (error) {
          throw new MigrationError(`migration ${migration.name} failed: ${(error as Error).message}`)
        }
        // Checked after each migration so the error names the one that broke the references.
        const violations = db.prepare('PRAGMA foreign_key_check').all() as ForeignKeyViolation[]
        if (violations.length > 0) {
          throw new MigrationError(`migration ${migration.name} leaves rows that break foreign keys: ${describeViolations(db, violations)}`)
        }
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES (?, ?, CURRENT_TIMESTAMP, ?, CURRENT_TIMESTAMP, 1)`,
        ).run(randomUUID(), migration.checksum, migration.name)
      }
      db.exec('COMMIT')
    } catch (error) {
      // Some errors (a full disk, …) already ended the transaction in SQLite itself.
      if (db.inTransaction) db.exec('ROLLBACK')
      throw error
    } finally {
      db.exec('PRAGMA foreign_keys = ON')
    }
    return pending.map((m) => m.name)
  } finally {
    db.close()
  }
}

/** Creates the database named by the URL when it does not exist yet (first start on a fresh server). */
async function ensurePostgresDatabase(pg: typeof import('pg').default, url: string) {
  const probe = new pg.Client({ connectionString: url })
  try {
    await probe.connect()
    await probe.end()
    return
  } catch (error) {
    await probe.end().catch(() => {})
    if ((error as { code?: string }).code !== '3D000') throw error
  }
  const target = new URL(url)
  const name = decodeURIComponent(target.pathname.slice(1))
  target.pathname = '/postgres'
  const admin = new pg.Client({ connectionString: target.toString() })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`)
  } catch (error) {
    if ((error as { code?: string }).code !== '42P04') throw error // created meanwhile by another instance
  } finally {
    await admin.end()
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const { default: pg } = await import('pg')
  await ensurePostgresDatabase(pg, url)
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PG_ADVISORY_LOCK_ID])
    await client.query(CREATE_MIGRATIONS_TABLE.postgresql)
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL',
    )
    const pending = checkHistory(new Map(rows.map((r) => [r.migration_name, r.checksum])), migrations)
    for (const migration of pending) {
      await client.query('BEGIN')
      try {
        await client.query(migration.sql)
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        )
        await client.query('COMMIT')
      } catch (error) {
        await client.query('ROLLBACK')
        // PostgreSQL puts the offending key in `detail` ("Key (productId)=(9) is not present in table …").
        const detail = (error as { detail?: string }).detail
        throw new MigrationError(`migration ${migration.name} failed: ${(error as Error).message}${detail ? ` (${detail})` : ''}`)
      }
    }
    return pending.map((m) => m.name)
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PG_ADVISORY_LOCK_ID]).catch(() => {})
    await client.end()
  }
}

/**
 * Applies every pending migration; returns the names applied (empty when up to date).
 * `dir` replaces prisma/<provider>/migrations (tests apply throwaway migrations that way).
 */
export async function migrateDatabase(url: string, { dir }: { dir?: string } = {}): Promise<string[]> {
  const kind = databaseKindOf(url)
  const folder = dir ?? migrationsDir(kind)
  const migrations = readMigrations(kind, folder)
  if (migrations.length === 0) throw new MigrationError(`no migrations found in ${folder}`)
  return kind === 'sqlite' ? migrateSqlite(url, migrations) : migratePostgres(url, migrations)
}
