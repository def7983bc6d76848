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

export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject('templateDatabase')
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`
  if (!TEST_PG_URL) {
    const file = template.replace(/template-[^/]+\.db$/, `worker-${suffix}.db`)
    copyFileSync(template, file)
    const url = `file:${file}`
    const database = await openDatabase(url)
    return {
      url,
      database,
      async drop() {
        await database.close()
        for (const extra of ['', '-wal', '-shm']) rmSync(file + extra, { force: true })
      },
    }
  }
  const { default: pg } = await import('pg')
  const name = `${template}_f${suffix}`
  const admin = new pg.Client({ connectionString: TEST_PG_URL })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`)
  await admin.end()
  const url = new URL(TEST_PG_URL)
  url.pathname = `/${name}`
  const database = await openDatabase(url.toString())
  return {
    url: url.toString(),
    database,
    async drop() {
      await database.close()
      const dropper = new pg.Client({ connectionString: TEST_PG_URL })
      await dropper.connect()
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await dropper.end()
    },
  }
}

/** A migrated but EMPTY database (for tests of the seed and the migration runner itself). */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  const { migrateDatabase } = await import('../../app/db/migrate.server.ts')
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`
  if (!TEST_PG_URL) {
    const file = inject('templateDatabase').replace(/template-[^/]+\.db$/, `empty-${suffix}.db`)
    const url = `file:${file}`
    await migrateDatabase(url)
    const database = await openDatabase(url)
    return {
      url,
      database,
      async drop() {
        await database.close()
        for (const extra of ['', '-wal', '-shm']) rmSync(file + extra, { force: true })
      },
    }
  }
  const { default: pg } = await import('pg')
  const name = `${inject('templateDatabase')}_f${suffix}`
  const url = new URL(TEST_PG_URL)
  url.pathname = `/${name}`
  await migrateDatabase(url.toString()) // creates the database
  const database = await openDatabase(url.toString())
  return {
    url: url.toString(),
    database,
    async drop() {
      await database.close()
      const dropper = new pg.Client({ connectionString: TEST_PG_URL })
      await dropper.connect()
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await dropper.end()
    },
  }
}
