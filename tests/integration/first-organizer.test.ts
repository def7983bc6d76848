// A production start on an empty database: no demo accounts, a hint naming the CLI, the data
// directory private to its owner; then `npm run user:create-organizer` as an operator runs it.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { parseEnv } from '../../app/config/env.server.ts'
import type { Logger } from '../../app/config/logger.server.ts'
import { verifySecret } from '../../app/domain/auth/password.server.ts'
import { createServices, FIRST_ORGANIZER_HINT } from '../../app/services.server.ts'

const run = promisify(execFile)
const ROOT = new URL('../..', import.meta.url).pathname
const scratch = mkdtempSync(join(tmpdir(), 'dm-first-organizer-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function recordingLogger(lines: string[]): Logger {
  const record = (msg: string) => void lines.push(msg)
  return { debug: record, info: record, warn: record, error: record, child: () => recordingLogger(lines) }
}

async function createOrganizer(url: string, args: string[], password: string) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/create-organizer.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, ORGANIZER_PASSWORD: password },
    })
    return { code: 0, output: stdout + stderr }
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string }
    return { code: failure.code, output: failure.stdout + failure.stderr }
  }
}

describe('production on an empty database', () => {
  it('seeds no demo accounts, explains the CLI, keeps data/ private, and the CLI creates the first organizer', async () => {
    const url = `file:${join(scratch, 'data', 'market.db')}`
    const lines: string[] = []
    const services = await createServices(parseEnv({ NODE_ENV: 'production', DATABASE_URL: url, SESSION_SECRET: 'y'.repeat(40) }), recordingLogger(lines))
    try {
      expect(await services.database.prisma.user.count()).toBe(0)
      expect(await services.database.prisma.posDevice.count()).toBe(0)
      expect(lines).toContain(FIRST_ORGANIZER_HINT)
      expect(FIRST_ORGANIZER_HINT).toContain('npm run user:create-organizer')
      await services.database.prisma.session.count() // a read: the WAL and its index exist now
      expect(statSync(join(scratch, 'data')).mode & 0o777).toBe(0o700)
      for (const file of ['market.db', 'market.db-wal']) expect(statSync(join(scratch, 'data', file)).mode & 0o077, file).toBe(0)
    } finally {
      await services.database.close()
    }

    const password = 'correct horse battery'
    const created = await createOrganizer(url, ['--email', 'Chair@Market.example', '--name', '운영 책임자'], password)
    expect(created.code).toBe(0)
    expect(created.output).toContain('chair@market.example')
    expect(created.output).not.toContain(password)
    const again = await createOrganizer(url, ['--email', 'chair@market.example', '--name', 'Someone'], 'another long password')
    expect(again.code).toBe(1)
    const short = await createOrganizer(url, ['--email', 'other@market.example', '--name', 'Other'], 'short')
    expect(short.code).toBe(2)
    expect(short.output).toMatch(/at least 12 characters/)

    const reopened = await createServices(parseEnv({ NODE_ENV: 'production', DATABASE_URL: url, SESSION_SECRET: 'y'.repeat(40) }), recordingLogger([]))
    try {
      const users = await reopened.database.prisma.user.findMany({ select: { email: true, role: true, name: true, passwordHash: true } })
      expect(users.map(({ email, role, name }) => ({ email, role, name }))).toEqual([{ email: 'chair@market.example', role: 'ORGANIZER', name: '운영 책임자' }])
      expect(await verifySecret(password, users[0]!.passwordHash)).toBe(true)
    } finally {
      await reopened.database.close()
    }
  })
})
