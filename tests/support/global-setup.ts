// Builds the seeded template database once per change of the migrations or the seed, so every
// test file can start from a copy of it in milliseconds (SQLite: a file copy; PostgreSQL:
// CREATE DATABASE … TEMPLATE).
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { TEST_PG_URL, TEST_TODAY } from './database-kind.ts'

const ROOT = new URL('../..', import.meta.url).pathname
const CACHE = join(ROOT, 'tests', '.cache')

function hashTree(paths: string[]): string {
  const hash = createHash('sha256')
  const visit = (path: string) => {
    if (!existsSync(path)) return
    if (statSync(path).isDirectory()) for (const entry of readdirSync(path).sort()) visit(join(path, entry))
    else hash.update(path.slice(ROOT.length)).update(readFileSync(path))
  }
  paths.forEach((path) => visit(join(ROOT, path)))
  return hash.digest('hex').slice(0, 16)
}

async function buildTemplate(url: string, kind: 'sqlite' | 'postgresql') {
  const [{ migrateDatabase }, { openDatabase }, { seedDatabase }, { seedTodayFromEnv }] = await Promise.all([
    import('../../app/db/migrate.server.ts'),
    import('../../app/db/client.server.ts'),
    import('../../prisma/seed/seed.server.ts'),
    import('../../prisma/seed/today.ts'),
  ])
  await migrateDatabase(url)
  const database = await openDatabase(url)
  try {
    await seedDatabase(database.prisma, { today: seedTodayFromEnv(TEST_TODAY), provider: kind })
  } finally {
    await database.close()
  }
}

export default async function setup(project: TestProject) {
  mkdirSync(CACHE, { recursive: true })
  const fingerprint = hashTree(['prisma/sqlite/migrations', 'prisma/postgresql/migrations', 'prisma/seed', 'app/db'])
  if (!TEST_PG_URL) {
    const template = join(CACHE, `template-${fingerprint}.db`)
    if (!existsSync(template)) {
      for (const old of readdirSync(CACHE)) if (old.startsWith('template-') || old.startsWith('worker-')) rmSync(join(CACHE, old), { force: true })
      const building = `${template}.building-${process.pid}`
      await buildTemplate(`file:${building}`, 'sqlite')
      // Fold the WAL into the main file so a plain copy of the file is the whole database.
      const { default: Sqlite } = await import('better-sqlite3')
      const db = new Sqlite(building)
      db.pragma('wal_checkpoint(TRUNCATE)')
      db.pragma('journal_mode = DELETE')
      db.close()
      renameSync(building, template)
    }
    project.provide('templateDatabase', template)
    return
  }
  const { default: pg } = await import('pg')
  const admin = new pg.Client({ connectionString: TEST_PG_URL })
  await admin.connect()
  const templateName = `dm_template_${process.pid}_${Date.now()}`
  await admin.query(`CREATE DATABASE "${templateName}"`)
  const templateUrl = new URL(TEST_PG_URL)
  templateUrl.pathname = `/${templateName}`
  await buildTemplate(templateUrl.toString(), 'postgresql')
  project.provide('templateDatabase', templateName)
  return async () => {
    // Drop the template and any per-file databases this run left behind.
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
      [templateName, `${templateName}_f%`],
    )
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
    await admin.end()
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string
  }
}
