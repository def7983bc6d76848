// Reads of the ledger for live screens: where the ledger stands now (a page's starting point for
// live updates), what a socket may watch, the new movements the live tailer fans out, and the
// catch-up a reconnecting client asks for (docs/inventory-live.md).
import type { Database, Db } from '../../db/client.server.ts'
import type { Prisma } from '../../generated/prisma/sqlite/client.ts'
import type { CatchUpReply, InventoryChangedEvent, InventoryFeed, LiveScope } from '../live/socket-events.ts'
import { can } from '../auth/permissions.server.ts'
import type { SessionUser } from '../auth/session.server.ts'
import { onlineAvailability } from './availability.server.ts'

/** More missed movements than this and a reconnecting client gets a snapshot instead. */
export const CATCH_UP_EVENT_LIMIT = 1000

/** The sequence number of the newest committed stock change (0 when the ledger is empty). */
export async function currentLedgerSeq(db: Pick<Db, 'stockMovement'>): Promise<number> {
  const newest = await db.stockMovement.aggregate({ _max: { id: true } })
  return newest._max.id ?? 0
}

/**
 * What a connection may watch: a paired POS device its location, an organizer everything, a vendor
 * its enterprise's products, anyone else the public online availability.
 */
export async function liveScopeFor({ db, user }: { db: Db; user: Pick<SessionUser, 'role' | 'enterpriseId' | 'deviceId'> | null }): Promise<LiveScope> {
  if (!user) return { kind: 'online' }
  if (user.deviceId !== null) {
    const device = await db.posDevice.findUnique({ where: { id: user.deviceId }, select: { locationId: true, active: true } })
    return device?.active ? { kind: 'location', locationId: device.locationId } : { kind: 'online' }
  }
  if (can(user, 'admin:view')) return { kind: 'admin' }
  if (can(user, 'vendor:view') && user.enterpriseId !== null) return { kind: 'enterprise', enterpriseId: user.enterpriseId }
  return { kind: 'online' }
}

/** One committed movement with what the fan-out needs to pick its rooms. */
export interface LedgerMovement extends InventoryChangedEvent {
  enterpriseId: number
  fulfilsOnline: boolean
}

const movementSelect = {
  id: true,
  productId: true,
  locationId: true,
  onHandAfter: true,
  reservedAfter: true,
} satisfies Prisma.StockMovementSelect

function toChangedEvent(row: { id: number; productId: number; locationId: number; onHandAfter: number; reservedAfter: number }): InventoryChangedEvent {
  return {
    seq: row.id,
    productId: row.productId,
    locationId: row.locationId,
    onHand: row.onHandAfter,
    reserved: row.reservedAfter,
    available: row.onHandAfter - row.reservedAfter,
  }
}

/** Movements after `after`, in ledger order (at most `limit`). */
export async function readMovementsAfter({ db, after, limit }: { db: Db; after: number; limit: number }): Promise<LedgerMovement[]> {
  const rows = await db.stockMovement.findMany({
    where: { id: { gt: after } },
    orderBy: { id: 'asc' },
    take: limit,
    select: { ...movementSelect, product: { select: { enterpriseId: true } }, location: { select: { fulfilsOnline: true } } },
  })
  return rows.map((row) => ({ ...toChangedEvent(row), enterpriseId: row.product.enterpriseId, fulfilsOnline: row.location.fulfilsOnline }))
}

/** The rows a signed-in scope may see; the same filter fits movements and levels. */
function inScope(scope: Exclude<LiveScope, { kind: 'online' }>): { locationId?: number; product?: { enterpriseId: number } } {
  switch (scope.kind) {
    case 'admin':
      return {}
    case 'enterprise':
      return { product: { enterpriseId: scope.enterpriseId } }
    case 'location':
      return { locationId: scope.locationId }
  }
}

const ONLINE_MOVEMENTS: Prisma.StockMovementWhereInput = { location: { fulfilsOnline: true } }

/**
 * What a client that applied everything up to `since` missed: the movements in its scope in
 * ledger order (levels), or per product the current online availability ordered by the product's
 * last movement (online); a snapshot of the current state when more than `limit` were missed.
 */
export async function readCatchUp({
  database,
  scope,
  feed,
  since,
  limit = CATCH_UP_EVENT_LIMIT,
}: {
  database: Pick<Database, 'kind' | 'prisma'>
  scope: LiveScope
  feed: InventoryFeed
  since: number
  limit?: number
}): Promise<CatchUpReply> {
  const db = database.prisma
  if (feed === 'online') {
    const seq = await currentLedgerSeq(db)
    const missed = { ...ONLINE_MOVEMENTS, id: { gt: since, lte: seq } }
    // A client ahead of this ledger (a restored database) starts over from the current state.
    if (since > seq || (await db.stockMovement.count({ where: missed })) > limit) {
      const available = await onlineAvailability({ db })
      return { feed, mode: 'snapshot', seq, levels: [...available].map(([productId, count]) => ({ productId, available: count })) }
    }
    const latest = await db.stockMovement.groupBy({ by: ['productId'], where: missed, _max: { id: true } })
    const available = await onlineAvailability({ db, productIds: latest.map((row) => row.productId) })
    const events = latest
      .map((row) => ({ seq: row._max.id ?? 0, productId: row.productId, available: available.get(row.productId) ?? 0 }))
      .sort((a, b) => a.seq - b.seq)
    return { feed, mode: 'events', seq, events }
  }
  if (scope.kind === 'online') throw new Error('levels are not visible to this scope')
  const seq = await currentLedgerSeq(db)
  if (since <= seq) {
    const rows = await db.stockMovement.findMany({
      where: { ...inScope(scope), id: { gt: since, lte: seq } },
      orderBy: { id: 'asc' },
      take: limit + 1,
      select: movementSelect,
    })
    if (rows.length <= limit) return { feed, mode: 'events', seq, events: rows.map(toChangedEvent) }
  }
  return levelSnapshot({ database, scope })
}

/**
 * The current levels in scope and the seq they are exact for, read in one snapshot (PostgreSQL:
 * REPEATABLE READ; SQLite: one transaction), so events after `seq` apply on top without going back.
 */
async function levelSnapshot({ database, scope }: { database: Pick<Database, 'kind' | 'prisma'>; scope: Exclude<LiveScope, { kind: 'online' }> }): Promise<CatchUpReply> {
  return database.prisma.$transaction(async (tx) => {
    // The SQLite client's type (which stands for both) lists no other isolation level.
    if (database.kind === 'postgresql') await tx.$executeRawUnsafe('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ')
    const seq = await currentLedgerSeq(tx)
    const rows = await tx.stockLevel.findMany({
      where: inScope(scope),
      orderBy: [{ productId: 'asc' }, { locationId: 'asc' }],
      select: { productId: true, locationId: true, onHand: true, reserved: true },
    })
    return { feed: 'levels' as const, mode: 'snapshot' as const, seq, levels: rows.map((row) => ({ ...row, available: row.onHand - row.reserved })) }
  })
}
