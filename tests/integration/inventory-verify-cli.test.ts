// `npm run inventory:verify` as an operator runs it: exit 0 on a sound ledger, exit 1 naming each
// mismatch when a level was changed behind the ledger's back.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'

const run = promisify(execFile)
const ROOT = new URL('../..', import.meta.url).pathname
let testDb: TestDatabase

beforeAll(async () => {
  testDb = await createTestDatabase()
})
afterAll(() => testDb?.drop())

async function verify() {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/inventory-verify.ts'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: testDb.url } })
    return { code: 0, output: stdout + stderr }
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string }
    return { code: failure.code, output: failure.stdout + failure.stderr }
  }
}

describe('inventory:verify', () => {
  it('passes on the seeded database and fails naming a tampered level', async () => {
    const sound = await verify()
    expect(sound.code).toBe(0)
    expect(sound.output).toMatch(/inventory ok: \d+ stock levels agree/)

    const level = await testDb.database.prisma.stockLevel.findFirstOrThrow({ select: { id: true, productId: true, locationId: true, onHand: true } })
    await testDb.database.prisma.stockLevel.update({ where: { id: level.id }, data: { onHand: level.onHand + 2 } })
    const broken = await verify()
    expect(broken.code).toBe(1)
    expect(broken.output).toContain(`MISMATCH product ${level.productId} at location ${level.locationId}: on hand ${level.onHand + 2} ≠ ledger sum ${level.onHand}`)
  })
})
