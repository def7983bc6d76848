// Small helpers for inventory tests: deps around a test database, and a fresh product stocked
// at chosen locations, so each test owns its numbers.
import { systemActor } from '../../app/domain/auth/permissions.server.ts'
import { randomUUID } from 'node:crypto'
import type { Database } from '../../app/db/client.server.ts'
import { receiveStock } from '../../app/domain/inventory/stock.server.ts'
import { ChangeFeed } from '../../app/domain/live/change-feed.server.ts'
import type { SaleDeps } from '../../app/domain/sales/record-sale.server.ts'

export function inventoryDeps(database: Database): SaleDeps & { changes: ChangeFeed } {
  return { database, changes: new ChangeFeed() }
}

let counter = 0
export async function freshProduct(deps: SaleDeps, stock: Record<number, number>, options: { priceWon?: number; vatExempt?: boolean; enterpriseId?: number } = {}) {
  const db = deps.database.prisma
  const category = await db.category.findFirstOrThrow({ select: { id: true } })
  const enterpriseId = options.enterpriseId ?? (await db.enterprise.findFirstOrThrow({ select: { id: true }, orderBy: { id: 'asc' } })).id
  const tag = `${process.pid}-${++counter}-${randomUUID().slice(0, 6)}`
  const product = await db.product.create({
    data: {
      enterpriseId,
      categoryId: category.id,
      sku: `TEST-${tag}`,
      nameKo: `시험 상품 ${tag}`,
      nameEn: `Test product ${tag}`,
      descriptionKo: '시험용',
      descriptionEn: 'for tests',
      priceWon: options.priceWon ?? 5_000,
      vatExempt: options.vatExempt ?? false,
    },
    select: { id: true, enterpriseId: true, priceWon: true },
  })
  for (const [locationId, quantity] of Object.entries(stock)) {
    if (quantity > 0) await receiveStock(deps, { productId: product.id, locationId: Number(locationId), quantity, actor: systemActor('maintenance') })
  }
  return product
}

export async function locationsByKind(database: Database) {
  const locations = await database.prisma.location.findMany({ select: { id: true, kind: true, fulfilsOnline: true }, orderBy: { id: 'asc' } })
  const first = (kind: string) => locations.find((l) => l.kind === kind)!.id
  return { plaza: first('PLAZA'), popup: first('POPUP'), festival: first('FESTIVAL'), online: locations.find((l) => l.fulfilsOnline)!.id, all: locations }
}

export function cashSale(locationId: number, lines: { productId: number; quantity: number; priceWon: number }[], extra: Record<string, unknown> = {}) {
  return {
    clientId: `sale-${randomUUID()}`,
    locationId,
    lines: lines.map(({ productId, quantity }) => ({ productId, quantity })),
    tenders: [{ kind: 'CASH' as const, amountWon: lines.reduce((sum, l) => sum + l.priceWon * l.quantity, 0) }],
    ...extra,
  }
}
