#!/usr/bin/env node
// Generates both Prisma clients (SQLite and PostgreSQL) without any engine download:
// `prisma generate` needs no schema engine, but the CLI insists that one exists, so we name our
// wasm-backed shim (prisma/tools/schema-engine.mjs). Runs on `npm install` (postinstall).
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const shim = join(root, 'prisma', 'tools', 'schema-engine.mjs')
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: existsSync(shim) ? shim : process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
}
execFileSync(process.execPath, [join(root, 'prisma', 'tools', 'variants.mjs')], { stdio: 'inherit', env })
for (const provider of ['sqlite', 'postgresql']) {
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'prisma', 'build', 'index.js'), 'generate', '--config', join(root, 'prisma', `${provider}.config.ts`)],
    { stdio: 'inherit', env, cwd: root },
  )
}
