// Read models of the catalog for the storefront and the POS.
import { z } from 'zod'
import type { Database, Db, DatabaseKind } from '../../db/client.server.ts'
import type { Prisma as PostgresPrisma } from '../../generated/prisma/postgresql/client.ts'
import { onlineAvailability } from '../inventory/availability.server.ts'

export const storefrontQuerySchema = z.object({
  category: z.string().trim().max(60).regex(/^[a-z0-9-]*$/).optional().catch(undefined),
  q: z.string().trim().max(80).optional().catch(undefined),
})

export interface StorefrontProduct {
  id: number
  sku: string
  nameKo: string
  nameEn: string
  priceWon: number
  vatExempt: boolean
  imageUrl: string | null
  enterpriseKo: string
  enterpriseEn: string
  categorySlug: string
  /** What the storefront may sell: available stock at locations that fulfil online orders. */
  availableOnline: number
}

/**
 * A `contains` that ignores case the same way on both providers. SQLite's LIKE (what Prisma's
 * `contains` becomes there) already ignores ASCII case and takes no `mode`; PostgreSQL's LIKE
 * does not, so it is asked for ILIKE. English names and SKUs match in any case on both; Korean
 * has no case. (Beyond ASCII, e.g. É/é, only PostgreSQL folds case.)
 */
function containsAnyCase(kind: DatabaseKind, text: string): PostgresPrisma.StringFilter {
  return kind === 'postgresql' ? { contains: text, mode: 'insensitive' } : { contains: text }
}

export async function listStorefrontProducts({
  database,
  category,
  q,
}: {
  database: Pick<Database, 'kind' | 'prisma'>
  category?: string
  q?: string
}): Promise<StorefrontProduct[]> {
  const db = database.prisma
  const text = q ? containsAnyCase(database.kind, q) : undefined
  const products = await db.product.findMany({
    where: {
      active: true,
      enterprise: { status: 'ACTIVE' },
      ...(category ? { category: { slug: category } } : {}),
      ...(text ? { OR: [{ nameKo: text }, { nameEn: text }, { sku: text }, { enterprise: { nameKo: text } }] } : {}),
    },
    select: {
      id: true,
      sku: true,
      nameKo: true,
      nameEn: true,
      priceWon: true,
      vatExempt: true,
      images: { select: { url: true }, orderBy: { position: 'asc' }, take: 1 },
      enterprise: { select: { nameKo: true, nameEn: true } },
      category: { select: { slug: true, position: true } },
    },
    orderBy: [{ category: { position: 'asc' } }, { id: 'asc' }],
  })
  const available = await onlineAvailability({ db, productIds: products.map((product) => product.id) })
  return products.map((product) => ({
    id: product.id,
    sku: product.sku,
    nameKo: product.nameKo,
    nameEn: product.nameEn,
    priceWon: product.priceWon,
    vatExempt: product.vatExempt,
    imageUrl: product.images[0]?.url ?? null,
    enterpriseKo: product.enterprise.nameKo,
    enterpriseEn: product.enterprise.nameEn,
    categorySlug: product.category.slug,
    availableOnline: available.get(product.id) ?? 0,
  }))
}

export function listCategories(db: Db) {
  return db.category.findMany({ select: { slug: true, nameKo: true, nameEn: true }, orderBy: { position: 'asc' } })
}

/** The products a POS location holds, with its live levels. */
export async function listLocationStock({ db, locationId }: { db: Db; locationId: number }) {
  const levels = await db.stockLevel.findMany({
    where: { locationId, product: { active: true } },
    select: {
      onHand: true,
      reserved: true,
      product: {
        select: {
          id: true,
          sku: true,
          barcode: true,
          nameKo: true,
          nameEn: true,
          priceWon: true,
          vatExempt: true,
          images: { select: { url: true }, orderBy: { position: 'asc' }, take: 1 },
          enterprise: { select: { id: true, nameKo: true, nameEn: true } },
        },
      },
    },
    orderBy: { product: { nameKo: 'asc' } },
  })
  return levels.map(({ onHand, reserved, product }) => ({
    productId: product.id,
    sku: product.sku,
    barcode: product.barcode,
    nameKo: product.nameKo,
    nameEn: product.nameEn,
    priceWon: product.priceWon,
    vatExempt: product.vatExempt,
    imageUrl: product.images[0]?.url ?? null,
    enterpriseId: product.enterprise.id,
    enterpriseKo: product.enterprise.nameKo,
    enterpriseEn: product.enterprise.nameEn,
    onHand,
    reserved,
    available: onHand - reserved,
  }))
}

/** An enterprise's own products with their levels at every location (vendor portal). */
export async function listEnterpriseStock({ db, enterpriseId }: { db: Db; enterpriseId: number }) {
  const products = await db.product.findMany({
    where: { enterpriseId },
    select: {
      id: true,
      sku: true,
      nameKo: true,
      nameEn: true,
      priceWon: true,
      active: true,
      stockLevels: { select: { onHand: true, reserved: true, location: { select: { code: true } } }, orderBy: { locationId: 'asc' } },
    },
    orderBy: { sku: 'asc' },
  })
  return products.map(({ stockLevels, ...product }) => ({
    ...product,
    levels: stockLevels.map((level) => ({ locationCode: level.location.code, onHand: level.onHand, reserved: level.reserved })),
  }))
}
