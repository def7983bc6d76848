#!/usr/bin/env node
// `npm start` runs this first: on a Node.js outside package.json's `engines` the app would fail
// later with an obscure error (a native module built for another ABI, a missing API), so stop
// now and say which versions work. Plain JavaScript without dependencies, so it runs on any Node.
import { readFileSync } from 'node:fs'

/** `engines.node` is written as caret ranges joined by `||` (e.g. `^20.19.0 || ^24.0.0`). */
export function supportsNode(range, version) {
  const [major, minor, patch] = version.replace(/^v/, '').split('.').map(Number)
  return range.split('||').some((part) => {
    const match = part.trim().match(/^\^(\d+)\.(\d+)\.(\d+)$/)
    if (!match) throw new Error(`engines.node: cannot read "${part.trim()}" (write ^MAJOR.MINOR.PATCH alternatives)`)
    const [want, wantMinor, wantPatch] = match.slice(1).map(Number)
    return major === want && (minor > wantMinor || (minor === wantMinor && patch >= wantPatch))
  })
}

/** `^20.19.0 || ^24.0.0` → `20.19+ or 24`, for people. */
export function describeRange(range) {
  const parts = range.split('||').map((part) => part.trim().replace(/^\^(\d+)\.0\.0$/, '$1').replace(/^\^(\d+\.\d+)\.\d+$/, '$1+'))
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} or ${parts.at(-1)}` : parts[0]
}

export const SUPPORTED_NODE = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!supportsNode(SUPPORTED_NODE, process.version)) {
    console.error(
      `Dream Market needs Node.js ${describeRange(SUPPORTED_NODE)} (package.json engines: ${SUPPORTED_NODE}); this is Node.js ${process.version}.\n` +
        'Install a supported Node.js (e.g. the current LTS), then run `npm ci` again so the embedded database module is rebuilt for it.',
    )
    process.exit(1)
  }
}
