#!/usr/bin/env node
// `npm start` builds the app and the server only when a build is missing or older than the
// sources, so the first start of a fresh clone builds once and later starts are instant.
import { execSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const BUILD_MARKERS = ['build/server/index.js', 'build/server-main/main.js']
const SOURCES = ['app', 'server', 'prisma/seed', 'public', 'vite.config.ts', 'react-router.config.ts', 'package-lock.json', 'scripts/build-server.mjs']

function newestMtime(path) {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

const builtAt = Math.min(...BUILD_MARKERS.map((marker) => (existsSync(marker) ? statSync(marker).mtimeMs : 0)))
const sourcesAt = Math.max(...SOURCES.filter(existsSync).map(newestMtime))
if (sourcesAt > builtAt) {
  console.log(builtAt ? 'sources changed since the last build: building…' : 'first start: building the app…')
  execSync('npm run build', { stdio: 'inherit' })
}
