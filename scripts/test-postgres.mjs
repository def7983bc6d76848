#!/usr/bin/env node
// `npm run test:pg`: the same test suite on PostgreSQL. Each run builds its own throwaway
// template database and per-file copies, and drops them at the end (tests/support/global-setup.ts).
import { execFileSync, spawnSync } from 'node:child_process'

execFileSync('bash', ['scripts/ensure-services.sh'], { stdio: 'inherit' })
const url = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
const result = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, TEST_DATABASE_URL: url },
})
process.exit(result.status ?? 1)
