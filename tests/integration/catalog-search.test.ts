// Storefront search ignores case the same way on SQLite and PostgreSQL (run both: npm test, npm run test:pg).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listStorefrontProducts, type StorefrontProduct } from '../../app/domain/catalog/catalog.server.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'

let testDb: TestDatabase
let shelf: StorefrontProduct[]

beforeAll(async () => {
  testDb = await createTestDatabase()
  shelf = await listStorefrontProducts({ database: testDb.database })
})
afterAll(() => testDb.drop())

const search = (q: string) => listStorefrontProducts({ database: testDb.database, q }).then((found) => found.map((p) => p.id).sort((a, b) => a - b))
/** Same letters, alternating case: "Honey" -> "hOnEy". */
const mixed = (text: string) => [...text].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join('')

describe('storefront search', () => {
  it('finds an English name in any case', async () => {
    const product = shelf.find((p) => /[A-Z]/.test(p.nameEn) && /[a-z]{3}/.test(p.nameEn))!
    expect(product, 'the seed has English names with capitals').toBeDefined()
    const word = product.nameEn.split(/\s+/).find((w) => /[A-Z]/.test(w) && w.length >= 4) ?? product.nameEn
    const exact = await search(word)
    expect(exact).toContain(product.id)
    expect(await search(word.toLowerCase())).toEqual(exact)
    expect(await search(word.toUpperCase())).toEqual(exact)
    expect(await search(mixed(word))).toEqual(exact)
  })

  it('finds a SKU in any case', async () => {
    const product = shelf.find((p) => /[A-Z]/.test(p.sku))!
    expect(product, 'the seed has SKUs with capitals').toBeDefined()
    for (const q of [product.sku, product.sku.toLowerCase(), mixed(product.sku)]) expect(await search(q)).toContain(product.id)
  })

  it('still finds Korean names, and nothing for text no product has', async () => {
    const product = shelf.find((p) => p.nameKo.length >= 2)!
    expect(await search(product.nameKo)).toContain(product.id)
    expect(await search('zzqx-no-such-thing')).toEqual([])
  })
})
