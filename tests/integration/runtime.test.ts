// Install and runtime guarantees (issue 10): the supported Node.js range is enforced at start, and
// every dependency install script is reviewed in package.json allowScripts.
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { describeRange, SUPPORTED_NODE, supportsNode } from '../../scripts/check-node.mjs'

const pkg = JSON.parse(readFileSync('package.json', 'utf8'))
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'))

describe('supported Node.js versions', () => {
  it('accepts the LTS lines from engines and refuses the rest', () => {
    for (const version of ['20.19.0', 'v20.20.2', '22.13.0', '22.22.1', '24.0.0', 'v24.22.3']) expect(supportsNode(SUPPORTED_NODE, version), version).toBe(true)
    for (const version of ['18.20.4', '20.18.3', '21.7.3', '22.12.0', '23.11.0', '25.1.0']) expect(supportsNode(SUPPORTED_NODE, version), version).toBe(false)
    expect(describeRange(SUPPORTED_NODE)).toBe('20.19+, 22.13+ or 24')
  })

  it('npm start stops on an unsupported Node.js with a message naming the supported versions', () => {
    const fake = 'data:text/javascript,Object.defineProperty(process,"version",{value:"v18.20.4"})'
    const run = spawnSync(process.execPath, ['--import', fake, 'scripts/check-node.mjs'], { encoding: 'utf8' })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('needs Node.js 20.19+, 22.13+ or 24')
    expect(run.stderr).toContain('this is Node.js v18.20.4')
    expect(pkg.scripts.start.startsWith('node scripts/check-node.mjs && ')).toBe(true)
    // The Node.js running the tests is a supported one.
    execFileSync(process.execPath, ['scripts/check-node.mjs'])
  })
})

describe('dependency install scripts', () => {
  it('allowScripts approves or denies every locked package that has one', () => {
    const withScripts = new Set(
      Object.entries(lock.packages as Record<string, { hasInstallScript?: boolean }>)
        .filter(([path, entry]) => path && entry.hasInstallScript)
        .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)),
    )
    expect(withScripts.size).toBeGreaterThan(0)
    expect(new Set(Object.keys(pkg.allowScripts))).toEqual(withScripts)
    // The embedded database's native module must be built; Prisma's engine downloads must not run.
    expect(pkg.allowScripts['better-sqlite3']).toBe(true)
    expect(pkg.allowScripts['@prisma/engines']).toBe(false)
  })

  it('production runs compiled JavaScript: no TypeScript loader in start', () => {
    for (const script of ['start', 'serve']) expect(pkg.scripts[script]).not.toMatch(/tsx|\.ts\b/)
    expect(pkg.dependencies.tsx).toBeUndefined()
  })
})
