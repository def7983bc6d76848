// The one primitive every stock change goes through: update a StockLevel and write exactly one
// StockMovement row carrying the resulting levels, inside the caller's transaction. The movement
// id is the global sequence number of the change (see docs/inventory.md).
import type { Database, DatabaseKind } from '../../db/client.server.ts'
import { Prisma } from '../../generated/prisma/sqlite/client.ts'
import type { StockMovementKind } from '../../generated/prisma/sqlite/enums.ts'
import { InventoryRuleError, OutOfStockError } from './errors.ts'

export type Tx = Prisma.TransactionClient

export interface MovementInput {
  productId: number
  locationId: number
  kind: StockMovementKind
  onHandDelta: number
  reservedDelta?: number
  /** Refuse (OutOfStockError) unless onHand - reserved >= this before the change. */
  requireAvailable?: number
  reason?: string | null
  actorUserId?: number | null
  saleId?: number | null
  refundId?: number | null
  transferId?: number | null
  reservationId?: number | null
  shortfall?: number
  needsReview?: boolean
}

/** A committed-to-be change, as published to screens. */
export interface StockChange {
  seq: number
  productId: number
  locationId: number
  kind: StockMovementKind
  onHand: number
  reserved: number
  available: number
}

export interface LedgerContext {
  tx: Tx
  kind: DatabaseKind
  now: Date
  changes: StockChange[]
}

/** Serialises stock writers on PostgreSQL so ledger ids commit in id order (docs/decisions/0003). */
export const PG_STOCK_LOCK_KEY = 73_011_201

const num = (value: unknown) => Number(value)

/**
 * Runs raw SQL written with PostgreSQL's numbered placeholders ($1, $2, …) on either provider:
 * SQLite through Prisma accepts only positional `?`, so placeholders are rewritten in order of
 * appearance (a reused $n is bound again).
 */
/** Tagged raw SQL (`Prisma.sql`) on either provider: Prisma binds the values with each provider's own placeholders. */
export function queryRaw<T = Record<string, unknown>>(tx: Pick<Tx, '$queryRaw'>, query: Prisma.Sql): Prisma.PrismaPromise<T[]> {
  return tx.$queryRaw<T[]>(query)
}

async function currentLevel(ctx: LedgerContext, productId: number, locationId: number) {
  const rows = await queryRaw<{ onHand: unknown; reserved: unknown }>(
    ctx.tx,
    Prisma.sql`SELECT "onHand", "reserved" FROM "StockLevel" WHERE "productId" = ${productId} AND "locationId" = ${locationId}`,
  )
  return rows[0] ? { onHand: num(rows[0].onHand), reserved: num(rows[0].reserved) } : null
}

export async function applyMovement(ctx: LedgerContext, input: MovementInput): Promise<StockChange> {
  const reservedDelta = input.reservedDelta ?? 0
  const { productId, locationId } = input
  let rows: { onHand: unknown; reserved: unknown }[]
  if (input.onHandDelta >= 0 && reservedDelta >= 0 && input.requireAvailable === undefined) {
    // Increases may create the level (first receipt of a product at a place).
    rows = await queryRaw(
      ctx.tx,
      Prisma.sql`INSERT INTO "StockLevel" ("productId", "locationId", "onHand", "reserved", "updatedAt")
       VALUES (${productId}, ${locationId}, ${input.onHandDelta}, ${reservedDelta}, ${ctx.now})
       ON CONFLICT ("productId", "locationId") DO UPDATE SET "onHand" = "StockLevel"."onHand" + ${input.onHandDelta},
         "reserved" = "StockLevel"."reserved" + ${reservedDelta}, "updatedAt" = ${ctx.now}
       RETURNING "onHand", "reserved"`,
    )
  } else {
    // The conditional update is the whole concurrency story: it either finds the stock or changes nothing.
    const availableCheck = input.requireAvailable === undefined ? Prisma.empty : Prisma.sql` AND "onHand" - "reserved" >= ${input.requireAvailable}`
    rows = await queryRaw(
      ctx.tx,
      Prisma.sql`UPDATE "StockLevel" SET "onHand" = "onHand" + ${input.onHandDelta}, "reserved" = "reserved" + ${reservedDelta}, "updatedAt" = ${ctx.now}
       WHERE "productId" = ${productId} AND "locationId" = ${locationId} AND "onHand" + ${input.onHandDelta} >= 0 AND "reserved" + ${reservedDelta} >= 0${availableCheck}
       RETURNING "onHand", "reserved"`,
    )
    if (rows.length === 0) {
      const level = await currentLevel(ctx, productId, locationId)
      if (!level) throw new InventoryRuleError('NOT_STOCKED', `product ${productId} is not stocked at location ${locationId}`)
      const available = level.onHand - level.reserved
      const requested = input.requireAvailable ?? Math.max(-input.onHandDelta, -reservedDelta)
      throw new OutOfStockError(productId, locationId, requested, Math.max(0, available))
    }
  }
  const onHand = num(rows[0].onHand)
  const reserved = num(rows[0].reserved)
  const kindValue = ctx.kind === 'postgresql' ? Prisma.sql`${input.kind}::"StockMovementKind"` : Prisma.sql`${input.kind}`
  const inserted = await queryRaw<{ id: unknown }>(
    ctx.tx,
    Prisma.sql`INSERT INTO "StockMovement" ("productId", "locationId", "kind", "onHandDelta", "reservedDelta", "onHandAfter", "reservedAfter",
       "reason", "actorUserId", "saleId", "refundId", "transferId", "reservationId", "shortfall", "needsReview", "createdAt")
     VALUES (${productId}, ${locationId}, ${kindValue}, ${input.onHandDelta}, ${reservedDelta}, ${onHand}, ${reserved},
       ${input.reason ?? null}, ${input.actorUserId ?? null}, ${input.saleId ?? null}, ${input.refundId ?? null}, ${input.transferId ?? null},
       ${input.reservationId ?? null}, ${input.shortfall ?? 0}, ${input.needsReview ?? false}, ${ctx.now})
     RETURNING "id"`,
  )
  const change: StockChange = { seq: num(inserted[0].id), productId, locationId, kind: input.kind, onHand, reserved, available: onHand - reserved }
  ctx.changes.push(change)
  return change
}

export interface StockDeps {
  database: Pick<Database, 'kind' | 'prisma' | 'sqlite'>
  changes: { publish(topic: 'inventory:committed', change: { changes: StockChange[] }): void }
}

/**
 * Runs one stock operation in one transaction and, only after it commits, publishes what changed.
 * On PostgreSQL the transaction first takes the stock lock so that ledger ids commit in order.
 */
export async function stockTransaction<T>(deps: StockDeps, run: (ctx: LedgerContext) => Promise<T>): Promise<T> {
  const { kind, prisma } = deps.database
  const changes: StockChange[] = []
  const result = await prisma.$transaction(
    async (tx) => {
      if (kind === 'postgresql') await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${PG_STOCK_LOCK_KEY})`)
      return run({ tx, kind, now: new Date(), changes })
    },
    { maxWait: 10_000, timeout: 20_000 },
  )
  if (changes.length) deps.changes.publish('inventory:committed', { changes })
  return result
}
