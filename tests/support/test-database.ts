// A private, seeded database for one test file: a copy of the template built by global-setup.
import { copyFileSync, rmSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { inject } from 'vitest'
import { openDatabase, type Database } from '../../app/db/client.server.ts'
import { TEST_PG_URL } from './database-kind.ts'

export interface TestDatabase {
  url: string
  database: Database
  drop(): Promise<void>
}

/** Opens a test database and knows how to remove it afterwards. */
async function testDatabaseAt(target: { file: string } | { pgName: string }): Promise<TestDatabase> {
  if ('file' in target) {
    const url = `file:${target.file}`
    const database = await openDatabase(url)
    return {
      url,
      database,
      async drop() {
        await database.close()
        for (const extra of ['', '-wal', '-shm']) rmSync(target.file + extra, { force: true })
      },
    }
  }
  const url = pgUrlOf(target.pgName)
  const database = await openDatabase(url)
  return {
    url,
    database,
    async drop() {
      await database.close()
      await adminQuery(`DROP DATABASE IF EXISTS "${target.pgName}" WITH (FORCE)`)
    },
  }
}

function pgUrlOf(name: string): string {
  const url = new URL(TEST_PG_URL!)
  url.pathname = `/${name}`
  return url.toString()
}

async function adminQuery(sql: string) {
  const { default: pg } = await import('pg')
  const admin = new pg.Client({ connectionString: TEST_PG_URL })
  await admin.connect()
  try {
    await admin.query(sql)
  } finally {
    await admin.end()
  }
}

const uniqueSuffix = () => `${process.pid}_${randomBytes(4).toString('hex')}`

export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject('templateDatabase')
  if (!TEST_PG_URL) {
    const file = template.replace(/template-[^/]+\.db$/, `worker-${uniqueSuffix()}.db`)
    copyFileSync(template, file)
    return testDatabaseAt({ file })
  }
  const pgName = `${template}_f${uniqueSuffix()}`
  await adminQuery(`CREATE DATABASE "${pgName}" TEMPLATE "${template}"`)
  return testDatabaseAt({ pgName })
}

/** A migrated but EMPTY database (for tests of the seed and the migration runner itself). */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  const { migrateDatabase } = await import('../../app/db/migrate.server.ts')
  if (!TEST_PG_URL) {
    const file = inject('templateDatabase').replace(/template-[^/]+\.db$/, `empty-${uniqueSuffix()}.db`)
    await migrateDatabase(`file:${file}`)
    return testDatabaseAt({ file })
  }
  const pgName = `${inject('templateDatabase')}_f${uniqueSuffix()}`
  await migrateDatabase(pgUrlOf(pgName)) // creates the database
  return testDatabaseAt({ pgName })
}
