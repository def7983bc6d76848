// The catalog facts a sale is priced with (price, enterprise, VAT exemption, the location's
// channel), cached per database so the hot path needs no read before its write. The cache is
// only a guess: the sale's own statements re-check every fact in the database and fail on a
// mismatch, after which the caller reloads (fresh: true) and prices the sale again.
import type { Database, Db } from '../../db/client.server.ts'
import type { Channel } from '../../generated/prisma/sqlite/enums.ts'
import { Prisma } from '../../generated/prisma/sqlite/client.ts'
import { queryRaw } from '../inventory/ledger.server.ts'

export interface ProductFacts {
  enterpriseId: number
  priceWon: number
  vatExempt: boolean
}

export interface SaleFacts {
  channel: Channel | null
  products: Map<number, ProductFacts>
}

class CatalogFacts {
  #products = new Map<number, ProductFacts>()
  #channels = new Map<number, Channel>()

  constructor(private readonly database: Pick<Database, 'kind' | 'prisma'>) {}

  async load({ locationId, productIds, fresh }: { locationId: number; productIds: number[]; fresh: boolean }): Promise<SaleFacts> {
    const missing = fresh ? productIds : productIds.filter((id) => !this.#products.has(id))
    if (missing.length > 0 || fresh || !this.#channels.has(locationId)) {
      const ids = missing.length ? missing : [0]
      const rows = await queryRaw<{ id: unknown; enterpriseId: unknown; priceWon: unknown; vatExempt: unknown; channel: unknown }>(
        this.database.prisma,
        Prisma.sql`SELECT p."id", p."enterpriseId", p."priceWon", p."vatExempt", (SELECT l."kind" FROM "Location" l WHERE l."id" = ${locationId}) AS "channel"
         FROM (SELECT 1 AS "one") AS "always" LEFT JOIN "Product" p ON p."active" = ${true} AND p."id" IN (${Prisma.join(ids)})`,
      )
      for (const id of missing) this.#products.delete(id)
      for (const row of rows) {
        if (row.id !== null) {
          this.#products.set(Number(row.id), {
            enterpriseId: Number(row.enterpriseId),
            priceWon: Number(row.priceWon),
            vatExempt: row.vatExempt === true || Number(row.vatExempt) === 1,
          })
        }
      }
      if (rows[0]?.channel) this.#channels.set(locationId, String(rows[0].channel) as Channel)
      else this.#channels.delete(locationId)
    }
    const products = new Map<number, ProductFacts>()
    for (const id of productIds) {
      const facts = this.#products.get(id)
      if (facts) products.set(id, facts)
    }
    return { channel: this.#channels.get(locationId) ?? null, products }
  }
}

const perDatabase = new WeakMap<Db, CatalogFacts>()

export function catalogFactsFor(database: Pick<Database, 'kind' | 'prisma'>): CatalogFacts {
  let facts = perDatabase.get(database.prisma)
  if (!facts) perDatabase.set(database.prisma, (facts = new CatalogFacts(database)))
  return facts
}

export function sameFacts(a: SaleFacts, b: SaleFacts): boolean {
  if (a.channel !== b.channel || a.products.size !== b.products.size) return false
  for (const [id, x] of a.products) {
    const y = b.products.get(id)
    if (!y || x.enterpriseId !== y.enterpriseId || x.priceWon !== y.priceWon || x.vatExempt !== y.vatExempt) return false
  }
  return true
}
