#!/usr/bin/env node
// `npm run db:migration:create -- <name>`: after editing prisma/schema.source.prisma, writes the
// next migration for BOTH providers, offline (Prisma's wasm schema engine via schema-engine.mjs):
// `prisma migrate diff --from-migrations <folder> --to-schema <variant> --script` replays the
// existing migrations on a shadow database (SQLite: in memory; PostgreSQL: a throwaway database on
// the server at PG_MIGRATION_URL, default the local one) and prints the SQL that is still missing.
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
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

execFileSync(process.execPath, [join(root, 'prisma', 'tools', 'variants.mjs')], { stdio: 'inherit' })

function missingSql(provider, env) {
  const args = ['migrate', 'diff', '--config', `prisma/${provider}.config.ts`, '--from-migrations', `prisma/${provider}/migrations`, '--to-schema', `prisma/${provider}/schema.prisma`, '--script']
  const sql = execFileSync(process.execPath, [prisma, ...args], { cwd: root, env: { ...baseEnv, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  return sql.trim()
}

const sqliteSql = missingSql('sqlite', { DATABASE_URL: 'file::memory:' })
if (!sqliteSql || sqliteSql === '-- This is an empty migration.') {
  console.log('no schema change: no migration written')
  process.exit(0)
}
const pgSql = missingSql('postgresql', { DATABASE_URL: process.env.PG_MIGRATION_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres', SHADOW_DATABASE_URL: '' })

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
const folder = `${stamp}_${name}`
for (const [provider, sql] of [['sqlite', sqliteSql], ['postgresql', pgSql]]) {
  const dir = join(root, 'prisma', provider, 'migrations', folder)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'migration.sql'), sql + '\n')
  console.log(`wrote prisma/${provider}/migrations/${folder}/migration.sql`)
}
console.log('now run: npm run db:generate')
