// Every sign-in form works before (or without) the page's scripts: a slow tablet may submit a
// native form post before hydration. With JavaScript disabled, Chromium posts each form natively;
// a Referrer-Policy of no-referrer made it send `Origin: null`, which React Router refused (400).
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, startBuiltApp, type RunningApp } from './support.ts'

let app: RunningApp
let browser: Browser
let context: BrowserContext

beforeAll(async () => {
  app = await startBuiltApp()
  browser = await launchChromium()
  context = await browser.newContext({ javaScriptEnabled: false })
})
afterAll(async () => {
  await context?.close()
  await browser?.close()
  await app?.stop()
})

describe('sign-in forms without JavaScript', () => {
  it('signs an organizer in with e-mail and password', async () => {
    const page = await context.newPage()
    await page.goto(`${app.url}/login`)
    // Each page names itself in the visitor's language (Korean by default), from the server render.
    expect(await page.title()).toBe('로그인 · 꿈시장')
    await page.fill('input[name="email"]', 'organizer@dream-market.example')
    await page.fill('input[name="password"]', 'organizer-demo-1')
    const [response] = await Promise.all([page.waitForNavigation(), page.click('form:has(input[name="password"]) button[type="submit"]')])
    expect(response?.status()).toBe(200)
    expect(new URL(page.url()).pathname).toBe('/admin')
  })

  it('pairs a tablet with its code, then signs the cashier in with a PIN', async () => {
    const page = await context.newPage()
    await page.goto(`${app.url}/pos/pair`)
    await page.fill('input[name="code"]', 'PLAZA-1-DEMO')
    await Promise.all([page.waitForNavigation(), page.click('form:has(input[name="code"]) button[type="submit"]')])
    expect(new URL(page.url()).pathname).toBe('/pos/sign-in')
    expect(await page.title()).toBe('판매자 로그인 · 꿈시장')

    // Without scripts the cashier list is a plain select: choose someone other than the first.
    await page.selectOption('select[name="handle"]', 'vendor1')
    await page.fill('input[name="pin"]', '135790')
    const [response] = await Promise.all([page.waitForNavigation(), page.click('form:has(input[name="pin"]) button[type="submit"]')])
    expect(response?.status()).toBe(200)
    expect(new URL(page.url()).pathname).toBe('/pos')
  })
})
