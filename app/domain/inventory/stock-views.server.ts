// Read models of the stock admin (levels, transfers, movement history, shortfalls). Every read
// takes the caller's scope, so one loader serves organizers (every enterprise) and vendors (their
// own enterprise only); the scope checks for writes live here too, next to the reads they mirror.
import { z } from 'zod'
import type { Db } from '../../db/client.server.ts'
import type { StockMovementKind, TransferStatus } from '../../generated/prisma/sqlite/enums.ts'
import type { EnterpriseScope } from '../auth/permissions.server.ts'
import { movementFilterSchema } from './inventory.schema.ts'

interface Scoped {
  db: Db
  scope: EnterpriseScope
}

/** The product condition of a scope (Prisma `where` on Product). */
function productWhere(scope: EnterpriseScope) {
  return scope.enterpriseId === null ? {} : { enterpriseId: scope.enterpriseId }
}

export const levelsQuerySchema = z.object({
  locationId: z.coerce.number().int().positive().optional().catch(undefined),
  enterpriseId: z.coerce.number().int().positive().optional().catch(undefined),
  q: z.string().trim().max(80).optional().catch(undefined),
})

export function listStockLocations({ db }: { db: Db }) {
  return db.location.findMany({ where: { active: true }, select: { id: true, code: true, nameKo: true, nameEn: true }, orderBy: { id: 'asc' } })
}

/** The enterprises a scope may filter by (one for a vendor, all for organizers). */
export function listScopedEnterprises({ db, scope }: Scoped) {
  return db.enterprise.findMany({
    where: scope.enterpriseId === null ? {} : { id: scope.enterpriseId },
    select: { id: true, nameKo: true, nameEn: true },
    orderBy: { id: 'asc' },
  })
}

/** Products a scope may act on, for the pickers of the stock forms. */
export function listScopedProducts({ db, scope }: Scoped) {
  return db.product.findMany({ where: productWhere(scope), select: { id: true, sku: true, nameKo: true, nameEn: true }, orderBy: { sku: 'asc' } })
}

export interface LevelRow {
  productId: number
  sku: string
  nameKo: string
  nameEn: string
  enterpriseKo: string
  enterpriseEn: string
  levels: { locationId: number; onHand: number; reserved: number; available: number }[]
}

/** Products of the scope with their levels per location, narrowed by the page's filters. */
export async function listStockLevels({ db, scope, filter }: Scoped & { filter: z.output<typeof levelsQuerySchema> }): Promise<LevelRow[]> {
  const enterpriseId = scope.enterpriseId ?? filter.enterpriseId
  const products = await db.product.findMany({
    where: {
      ...(enterpriseId === undefined ? {} : { enterpriseId }),
      ...(filter.q ? { OR: [{ sku: { contains: filter.q } }, { nameKo: { contains: filter.q } }, { nameEn: { contains: filter.q } }] } : {}),
      ...(filter.locationId ? { stockLevels: { some: { locationId: filter.locationId } } } : {}),
    },
    select: {
      id: true,
      sku: true,
      nameKo: true,
      nameEn: true,
      enterprise: { select: { nameKo: true, nameEn: true } },
      stockLevels: {
        where: filter.locationId ? { locationId: filter.locationId } : {},
        select: { locationId: true, onHand: true, reserved: true },
        orderBy: { locationId: 'asc' },
      },
    },
    orderBy: { sku: 'asc' },
  })
  return products.map((product) => ({
    productId: product.id,
    sku: product.sku,
    nameKo: product.nameKo,
    nameEn: product.nameEn,
    enterpriseKo: product.enterprise.nameKo,
    enterpriseEn: product.enterprise.nameEn,
    levels: product.stockLevels.map((level) => ({ ...level, available: level.onHand - level.reserved })),
  }))
}

export type ScopeCheck = 'ok' | 'unknown' | 'forbidden'

/** Whether every product exists and belongs to the scope (an unknown one is a form error, not a 403). */
export async function checkProductScope({ db, scope, productIds }: Scoped & { productIds: number[] }): Promise<ScopeCheck> {
  const ids = [...new Set(productIds)]
  const products = await db.product.findMany({ where: { id: { in: ids } }, select: { enterpriseId: true } })
  if (products.length !== ids.length) return 'unknown'
  return products.every((product) => scope.enterpriseId === null || product.enterpriseId === scope.enterpriseId) ? 'ok' : 'forbidden'
}

/** Whether every location exists and is active. */
export async function locationsExist({ db, locationIds }: { db: Db; locationIds: number[] }): Promise<boolean> {
  const ids = [...new Set(locationIds)]
  return (await db.location.count({ where: { id: { in: ids }, active: true } })) === ids.length
}

/** A transfer may be acted on only when every one of its lines is a product of the scope. */
export async function checkTransferScope({ db, scope, transferId }: Scoped & { transferId: number }): Promise<ScopeCheck> {
  const transfer = await db.transfer.findUnique({ where: { id: transferId }, select: { lines: { select: { product: { select: { enterpriseId: true } } } } } })
  if (!transfer) return 'unknown'
  const own = transfer.lines.every((line) => scope.enterpriseId === null || line.product.enterpriseId === scope.enterpriseId)
  return own ? 'ok' : 'forbidden'
}

export const transfersQuerySchema = z.object({
  status: z.enum(['DRAFT', 'SENT', 'RECEIVED', 'CANCELLED']).optional().catch(undefined),
})

export interface TransferRow {
  id: number
  status: TransferStatus
  fromLocationId: number
  toLocationId: number
  note: string | null
  createdBy: string | null
  createdAt: string
  sentAt: string | null
  receivedAt: string | null
  /** False when the transfer also carries other enterprises' products (their lines are not shown). */
  actionable: boolean
  hiddenLines: number
  lines: { productId: number; sku: string; nameKo: string; nameEn: string; quantity: number; receivedQuantity: number | null }[]
}

/** Transfers carrying at least one product of the scope, newest first; only the scope's lines are shown. */
export async function listTransfers({ db, scope, status, take = 50 }: Scoped & { status?: TransferStatus; take?: number }): Promise<TransferRow[]> {
  const transfers = await db.transfer.findMany({
    where: {
      ...(status ? { status } : {}),
      ...(scope.enterpriseId === null ? {} : { lines: { some: { product: { enterpriseId: scope.enterpriseId } } } }),
    },
    select: {
      id: true,
      status: true,
      fromLocationId: true,
      toLocationId: true,
      note: true,
      createdAt: true,
      sentAt: true,
      receivedAt: true,
      createdBy: { select: { name: true } },
      lines: {
        select: { productId: true, quantity: true, receivedQuantity: true, product: { select: { sku: true, nameKo: true, nameEn: true, enterpriseId: true } } },
        orderBy: { id: 'asc' },
      },
    },
    orderBy: { id: 'desc' },
    take,
  })
  return transfers.map((transfer) => {
    const visible = transfer.lines.filter((line) => scope.enterpriseId === null || line.product.enterpriseId === scope.enterpriseId)
    return {
      id: transfer.id,
      status: transfer.status,
      fromLocationId: transfer.fromLocationId,
      toLocationId: transfer.toLocationId,
      note: transfer.note,
      createdBy: transfer.createdBy?.name ?? null,
      createdAt: transfer.createdAt.toISOString(),
      sentAt: transfer.sentAt?.toISOString() ?? null,
      receivedAt: transfer.receivedAt?.toISOString() ?? null,
      actionable: visible.length === transfer.lines.length,
      hiddenLines: transfer.lines.length - visible.length,
      lines: visible.map((line) => ({
        productId: line.productId,
        sku: line.product.sku,
        nameKo: line.product.nameKo,
        nameEn: line.product.nameEn,
        quantity: line.quantity,
        receivedQuantity: line.receivedQuantity,
      })),
    }
  })
}

export const historyQuerySchema = movementFilterSchema.omit({ productId: true }).catch({})

export const HISTORY_PAGE_SIZE = 50

export interface MovementRow {
  id: number
  kind: StockMovementKind
  createdAt: string
  locationId: number
  onHandDelta: number
  reservedDelta: number
  onHandAfter: number
  reservedAfter: number
  reason: string | null
  actor: string | null
  saleCode: string | null
  transferId: number | null
  reservationId: number | null
  shortfall: number
  needsReview: boolean
  resolvedAt: string | null
  resolution: string | null
}

const movementSelect = {
  id: true,
  kind: true,
  createdAt: true,
  locationId: true,
  onHandDelta: true,
  reservedDelta: true,
  onHandAfter: true,
  reservedAfter: true,
  reason: true,
  shortfall: true,
  needsReview: true,
  resolvedAt: true,
  resolution: true,
  transferId: true,
  reservationId: true,
  actor: { select: { name: true } },
  sale: { select: { code: true } },
} as const

function toMovementRow(movement: {
  id: number
  kind: StockMovementKind
  createdAt: Date
  locationId: number
  onHandDelta: number
  reservedDelta: number
  onHandAfter: number
  reservedAfter: number
  reason: string | null
  shortfall: number
  needsReview: boolean
  resolvedAt: Date | null
  resolution: string | null
  transferId: number | null
  reservationId: number | null
  actor: { name: string } | null
  sale: { code: string } | null
}): MovementRow {
  const { actor, sale, createdAt, resolvedAt, ...rest } = movement
  return { ...rest, createdAt: createdAt.toISOString(), resolvedAt: resolvedAt?.toISOString() ?? null, actor: actor?.name ?? null, saleCode: sale?.code ?? null }
}

/**
 * One product's ledger, newest first, a page at a time (`beforeId` continues below the last row).
 * 'unknown' / 'forbidden' when the product does not exist or lies outside the scope.
 */
export async function productHistory({
  db,
  scope,
  productId,
  filter,
}: Scoped & { productId: number; filter: z.output<typeof historyQuerySchema> }) {
  const product = await db.product.findUnique({
    where: { id: productId },
    select: { id: true, sku: true, nameKo: true, nameEn: true, enterpriseId: true, enterprise: { select: { nameKo: true, nameEn: true } } },
  })
  if (!product) return { status: 'unknown' as const }
  if (scope.enterpriseId !== null && product.enterpriseId !== scope.enterpriseId) return { status: 'forbidden' as const }
  const to = filter.to ? new Date(filter.to.getTime() + 24 * 60 * 60 * 1000) : undefined // the whole "to" day
  const rows = await db.stockMovement.findMany({
    where: {
      productId,
      ...(filter.locationId ? { locationId: filter.locationId } : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.from || to ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(to ? { lt: to } : {}) } } : {}),
      ...(filter.beforeId ? { id: { lt: filter.beforeId } } : {}),
    },
    select: movementSelect,
    orderBy: { id: 'desc' },
    take: HISTORY_PAGE_SIZE + 1,
  })
  const page = rows.slice(0, HISTORY_PAGE_SIZE)
  return {
    status: 'ok' as const,
    product: { id: product.id, sku: product.sku, nameKo: product.nameKo, nameEn: product.nameEn, enterpriseKo: product.enterprise.nameKo, enterpriseEn: product.enterprise.nameEn },
    movements: page.map(toMovementRow),
    nextBeforeId: rows.length > HISTORY_PAGE_SIZE ? page[page.length - 1].id : null,
  }
}

/** Offline shortfalls flagged for review and not yet resolved, oldest first. */
export async function listOpenShortfalls({ db, scope }: Scoped) {
  const rows = await db.stockMovement.findMany({
    where: { kind: 'OFFLINE_SHORTFALL', needsReview: true, resolvedAt: null, product: productWhere(scope) },
    select: { ...movementSelect, product: { select: { id: true, sku: true, nameKo: true, nameEn: true } } },
    orderBy: { id: 'asc' },
    take: 200,
  })
  return rows.map(({ product, ...movement }) => ({ ...toMovementRow(movement), product }))
}
