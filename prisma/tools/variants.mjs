#!/usr/bin/env node
// Writes the provider variants of the one source schema (prisma/schema.source.prisma).
// A Prisma schema names exactly one provider, so SQLite and PostgreSQL each need their own file;
// only the provider and the generated client's folder differ. `--check` exits 1 if a variant is stale.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const prismaDir = join(dirname(fileURLToPath(import.meta.url)), '..')
export const providers = ['sqlite', 'postgresql']

export function renderVariant(source, provider) {
  const header = `// GENERATED from prisma/schema.source.prisma by \`npm run db:variants\` — do not edit.\n`
  return header + source
    .replace('"__PROVIDER__"', JSON.stringify(provider))
    .replace('"__OUTPUT__"', JSON.stringify(`../../app/generated/prisma/${provider}`))
}

export function variantPath(provider) {
  return join(prismaDir, provider, 'schema.prisma')
}

function main() {
  const check = process.argv.includes('--check')
  const source = readFileSync(join(prismaDir, 'schema.source.prisma'), 'utf8')
  let stale = 0
  for (const provider of providers) {
    const file = variantPath(provider)
    const wanted = renderVariant(source, provider)
    let current = null
    try { current = readFileSync(file, 'utf8') } catch {}
    if (current === wanted) continue
    if (check) { console.error(`stale: ${file} (run npm run db:variants)`); stale++; continue }
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, wanted)
    console.log(`wrote ${file}`)
  }
  if (stale) process.exit(1)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main()
