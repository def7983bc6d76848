// Stock is live end to end: an organizer receives stock at the online warehouse in one browser,
// and a shopper's open storefront page shows the new availability without reloading.
import Sqlite from 'better-sqlite3'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, startBuiltApp, type RunningApp } from './support.ts'

let app: RunningApp
let browser: Browser

beforeAll(async () => {
  // No safety tick during the test: only the push path can deliver the change.
  app = await startBuiltApp({ LIVE_SAFETY_TICK_MS: '3600000' })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('live stock in the browser', () => {
  it('shows a receipt at the online warehouse on an open storefront page, without a reload', async () => {
    const db = new Sqlite(app.databaseFile, { readonly: true })
    const warehouse = db.prepare(`SELECT "id" FROM "Location" WHERE "fulfilsOnline" = 1 LIMIT 1`).get() as { id: number }
    const product = db.prepare(`SELECT "productId" AS id FROM "StockLevel" WHERE "locationId" = ? ORDER BY "productId" LIMIT 1`).get(warehouse.id) as { id: number }
    db.close()

    const errors: string[] = []
    const shopper = await browser.newPage()
    shopper.on('pageerror', (error) => errors.push(String(error)))
    await shopper.goto(`${app.url}/`)
    const stockText = shopper.locator(`[data-product-id="${product.id}"] .stock`)
    const before = Number(await stockText.getAttribute('data-available'))
    await shopper.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true))
    // Let the page hydrate and its socket catch up before the change is made.
    await shopper.waitForFunction(() => document.querySelector('script[type="module"]') !== null)
    await shopper.waitForTimeout(1500)

    const organizer = await browser.newPage()
    await organizer.goto(`${app.url}/login`)
    await organizer.fill('input[name=email]', 'organizer@dream-market.example')
    await organizer.fill('input[name=password]', 'organizer-demo-1')
    await organizer.click('main button[type=submit]')
    await organizer.waitForURL('**/admin')
    await organizer.goto(`${app.url}/stock`)
    const receiveForm = organizer.locator('form:has(input[name=intent][value=receive])')
    await receiveForm.locator('select[name=productId]').selectOption(String(product.id))
    await receiveForm.locator('select[name=locationId]').selectOption(String(warehouse.id))
    await receiveForm.locator('input[name=quantity]').fill('7')
    await receiveForm.locator('button[type=submit]').click()

    await expect
      .poll(async () => Number(await stockText.getAttribute('data-available')), { timeout: 10_000 })
      .toBe(before + 7)
    expect(await shopper.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true)
    expect(errors).toEqual([])
  })
})
