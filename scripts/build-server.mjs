#!/usr/bin/env node
// Compiles the server (server/main.ts and the app modules it imports: config, services, domain,
// the generated Prisma clients, the seed) to plain JavaScript in build/server-main/, so production
// runs no TypeScript compiler. Packages in node_modules stay external; lazily imported modules
// (the seed, the PostgreSQL client) become chunks of their own and load only when used.
// The output sits two folders below the project root, like the sources, so paths computed from
// import.meta.url (migrations, seed data) resolve the same way.
import { rmSync } from 'node:fs'
import { build } from 'esbuild'

export const SERVER_OUT_DIR = 'build/server-main'

rmSync(SERVER_OUT_DIR, { recursive: true, force: true })
await build({
  entryPoints: { main: 'server/main.ts' },
  outdir: SERVER_OUT_DIR,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  packages: 'external',
  sourcemap: 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  chunkNames: '[name]-[hash]',
})
