// One source schema, two provider variants, two migration folders: prove they all agree, and that
// the start-up migration runner is idempotent and refuses a history it does not recognise.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { migrateDatabase, readMigrations } from '../../app/db/migrate.server.ts'
import { TEST_PG_URL } from '../support/database-kind.ts'
import { createEmptyDatabase } from '../support/test-database.ts'

const run = promisify(execFile)
const ROOT = new URL('../..', import.meta.url).pathname
const ENGINE = `${ROOT}prisma/tools/schema-engine.mjs`

async function prisma(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout } = await run(process.execPath, [`${ROOT}node_modules/prisma/build/index.js`, ...args], {
      cwd: ROOT,
      env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: ENGINE, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1', ...env },
    })
    return { code: 0, stdout }
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string }
    return { code: failure.code, stdout: `${failure.stdout}\n${failure.stderr}` }
  }
}

describe('schema and migrations', () => {
  it('the provider variants are generated from the one source schema', async () => {
    const outcome = await run(process.execPath, [`${ROOT}prisma/tools/variants.mjs`, '--check']).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    )
    expect(outcome).toEqual({ code: 0, stderr: '' })
  })

  it('prisma/sqlite/migrations reproduces prisma/sqlite/schema.prisma exactly', async () => {
    const result = await prisma(['migrate', 'diff', '--from-migrations', 'prisma/sqlite/migrations', '--to-schema', 'prisma/sqlite/schema.prisma', '--exit-code'])
    // The CLI can exit 0 when the engine dies, so also demand its positive answer.
    expect(result.stdout).toMatch(/No difference detected/)
    expect(result.code).toBe(0)
  })

  it.skipIf(!TEST_PG_URL)('prisma/postgresql/migrations reproduces prisma/postgresql/schema.prisma exactly', async () => {
    const result = await prisma(
      ['migrate', 'diff', '--config', 'prisma/postgresql.config.ts', '--from-migrations', 'prisma/postgresql/migrations', '--to-schema', 'prisma/postgresql/schema.prisma', '--exit-code'],
      { DATABASE_URL: TEST_PG_URL!, SHADOW_DATABASE_URL: '' },
    )
    expect(result.code, result.stdout).toBe(0)
    expect(result.stdout).toMatch(/No difference detected/)
  })

  it('both providers have the same migrations, in the same order', () => {
    expect(readMigrations('postgresql').map((m) => m.name)).toEqual(readMigrations('sqlite').map((m) => m.name))
  })

  it('applies nothing twice and refuses an edited or unknown history', async () => {
    const empty = await createEmptyDatabase()
    try {
      expect(await migrateDatabase(empty.url)).toEqual([])
      const db = empty.database.prisma
      const applied = await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT COUNT(*) AS n FROM "_prisma_migrations"`)
      expect(Number(applied[0].n)).toBe(readMigrations(empty.database.kind).length)
      await db.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET checksum = 'tampered' WHERE migration_name = '${readMigrations(empty.database.kind)[0].name}'`)
      await expect(migrateDatabase(empty.url)).rejects.toThrow(/edited after it was applied/)
    } finally {
      await empty.drop()
    }
  })
})
