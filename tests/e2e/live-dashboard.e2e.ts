// The organizer dashboard follows sales live, across server instances: a sale recorded through a
// second instance (same database, Redis adapter) updates an open dashboard without a reload.
import { systemActor } from '../../app/domain/auth/permissions.server.ts'
import { randomUUID } from 'node:crypto'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordSale } from '../../app/domain/sales/record-sale.server.ts'
import type { RunningServer } from '../../server/start.ts'
import { startTestServer } from '../support/test-server.ts'
import { launchChromium, startBuiltApp, type RunningApp } from './support.ts'

const redis = { REDIS_URL: 'redis://127.0.0.1:6379', SOCKET_REDIS_KEY: `e2e-${process.pid}-${randomUUID().slice(0, 8)}` }
let app: RunningApp
let second: RunningServer
let browser: Browser

beforeAll(async () => {
  app = await startBuiltApp(redis)
  second = await startTestServer(`file:${app.databaseFile}`, redis)
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await second?.close()
  await app?.stop()
})

const won = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''))

describe('live organizer dashboard', () => {
  it('adds a sale made through another instance to the open dashboard', async () => {
    const page = await browser.newPage()
    await page.goto(`${app.url}/login`)
    await page.fill('input[name=email]', 'organizer@dream-market.example')
    await page.fill('input[name=password]', 'organizer-demo-1')
    await page.click('main button[type=submit]')
    await page.waitForURL('**/admin')
    const total = page.locator('#year-net-sales')
    const before = won(await total.textContent())
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true))
    await page.waitForTimeout(1500) // hydrated, socket connected

    const db = second.services.database.prisma
    const level = await db.stockLevel.findFirstOrThrow({
      where: { onHand: { gt: 0 }, location: { kind: 'PLAZA' }, product: { active: true } },
      select: { locationId: true, product: { select: { id: true, priceWon: true } } },
    })
    await recordSale(
      { database: second.services.database, changes: second.services.changes },
      {
        clientId: `e2e-dashboard-${randomUUID()}`,
        locationId: level.locationId,
        lines: [{ productId: level.product.id, quantity: 1 }],
        tenders: [{ kind: 'CASH', amountWon: level.product.priceWon }],
      }, { actor: systemActor('maintenance') },
    )

    await expect.poll(async () => won(await total.textContent()), { timeout: 10_000 }).toBe(before + level.product.priceWon)
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true)
  })
})
