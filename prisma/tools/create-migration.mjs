#!/usr/bin/env node
// `npm run db:migration:create -- <name>`: after editing prisma/schema.source.prisma, writes the
// next migration for BOTH providers, offline (the wasm schema engine via schema-engine.mjs):
//   SQLite      — `prisma migrate dev --create-only` against a scratch database file;
//   PostgreSQL  — `prisma migrate diff --from-migrations … --to-schema … --script` with a throwaway
//                 shadow database on the PostgreSQL server at PG_MIGRATION_URL (default: local).
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const name = process.argv[2]
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:migration:create -- <name_in_snake_case>')
  process.exit(2)
}
const prisma = join(root, 'node_modules', 'prisma', 'build', 'index.js')
const baseEnv = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: join(root, 'prisma', 'tools', 'schema-engine.mjs'), CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' }
const run = (args, env = {}) => execFileSync(process.execPath, [prisma, ...args], { cwd: root, env: { ...baseEnv, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })

execFileSync(process.execPath, [join(root, 'prisma', 'tools', 'variants.mjs')], { stdio: 'inherit' })

const scratch = mkdtempSync(join(tmpdir(), 'dm-migration-'))
try {
  const existingSqlite = new Set(readdirSync(join(root, 'prisma', 'sqlite', 'migrations'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name))
  run(['migrate', 'dev', '--create-only', '--name', name, '--config', 'prisma/sqlite.config.ts'], { DATABASE_URL: `file:${join(scratch, 'scratch.db')}` })
  const created = readdirSync(join(root, 'prisma', 'sqlite', 'migrations')).find((dir) => !existingSqlite.has(dir) && dir.endsWith(`_${name}`))
  if (!created) {
    console.log('SQLite: no schema change, no migration written')
    process.exit(0)
  }
  console.log(`SQLite: prisma/sqlite/migrations/${created}`)

  const pgUrl = process.env.PG_MIGRATION_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
  const sql = run(
    ['migrate', 'diff', '--config', 'prisma/postgresql.config.ts', '--from-migrations', 'prisma/postgresql/migrations', '--to-schema', 'prisma/postgresql/schema.prisma', '--script'],
    { DATABASE_URL: pgUrl, SHADOW_DATABASE_URL: '' },
  )
  const pgDir = join(root, 'prisma', 'postgresql', 'migrations', created)
  mkdirSync(pgDir, { recursive: true })
  writeFileSync(join(pgDir, 'migration.sql'), sql.trimEnd() + '\n')
  console.log(`PostgreSQL: prisma/postgresql/migrations/${created}`)
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
