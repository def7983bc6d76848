// Writing the seed's big tables: multi-row INSERTs through Prisma's tagged SQL, several times faster
// than createMany, whose per-row cost in the query compiler dominated the seed (~130 µs/row on
// SQLite, 50 s for the history on PostgreSQL). Values are bound exactly as the live sale path binds them.
import type { Db } from '../../app/db/client.server.ts'
import { Prisma } from '../../app/generated/prisma/sqlite/client.ts'
import { boundValue, columnList, PG_ENUMS, type SqlValue } from '../../app/domain/sales/sale-rows.server.ts'

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0]

/** Every row of a table carries the same keys. */
export async function bulkInsert<T extends object>(tx: Tx, provider: 'sqlite' | 'postgresql', table: string, rows: T[]): Promise<void> {
  if (rows.length === 0) return
  const columns = Object.keys(rows[0])
  // SQLite allows 32,766 bound parameters per statement, PostgreSQL 65,535.
  const size = Math.floor(30_000 / columns.length)
  const enums = PG_ENUMS[table] ?? {}
  for (let i = 0; i < rows.length; i += size) {
    const tuples = rows.slice(i, i + size).map((row) => {
      const record = row as Record<string, SqlValue>
      if (Object.keys(record).length !== columns.length) throw new Error(`bulkInsert ${table}: rows must share one shape`)
      return Prisma.sql`(${Prisma.join(columns.map((column) => boundValue(provider, record[column], enums[column])))})`
    })
    await tx.$executeRaw`INSERT INTO ${Prisma.raw(`"${table}"`)} (${columnList(columns)}) VALUES ${Prisma.join(tuples)}`
  }
}

export async function detectProvider(db: Db): Promise<'sqlite' | 'postgresql'> {
  const engine = db as unknown as { _engineConfig?: { activeProvider?: string }; _activeProvider?: string }
  const named = engine._engineConfig?.activeProvider ?? engine._activeProvider
  if (named === 'postgresql' || named === 'postgres') return 'postgresql'
  if (named === 'sqlite') return 'sqlite'
  try {
    await db.$queryRaw`SELECT sqlite_version()`
    return 'sqlite'
  } catch {
    return 'postgresql'
  }
}

/** After inserting explicit ids, PostgreSQL's sequences continue after the largest. */
export async function resetSequences(db: Db, tables: readonly string[]): Promise<void> {
  for (const table of tables) await db.$queryRaw`SELECT setval(pg_get_serial_sequence(${`"${table}"`}, 'id'), (SELECT MAX(id) FROM ${Prisma.raw(`"${table}"`)}))`
}
