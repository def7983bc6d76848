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

type SignedInScope = Exclude<LiveScope, { kind: 'online' }>

/**
 * THE visibility rule for stock levels: the scopes that may see a level (and every change to it)
 * of one product at one location. Organizers see all, a vendor its enterprise's products, a POS
 * device its location. The tailer emits to these scopes' rooms; catch-up and snapshots keep only
 * rows this lets the asking scope see (mayWatchLevel), so live and catch-up cannot disagree.
 */
export function levelAudience(level: { locationId: number; enterpriseId: number }): SignedInScope[] {
  return [{ kind: 'admin' }, { kind: 'enterprise', enterpriseId: level.enterpriseId }, { kind: 'location', locationId: level.locationId }]
}

export function mayWatchLevel(scope: LiveScope, level: { locationId: number; enterpriseId: number }): boolean {
  return levelAudience(level).some((audience) => sameScope(audience, scope))
}

function sameScope(a: LiveScope, b: LiveScope): boolean {
  if (a.kind === 'enterprise') return b.kind === 'enterprise' && b.enterpriseId === a.enterpriseId
  if (a.kind === 'location') return b.kind === 'location' && b.locationId === a.locationId
  return a.kind === b.kind
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

/** Movements after `after` (up to `upTo` when given), in ledger order (at most `limit`). */
export async function readMovementsAfter({ db, after, upTo, limit }: { db: Db; after: number; upTo?: number; limit: number }): Promise<LedgerMovement[]> {
  const rows = await db.stockMovement.findMany({
    where: { id: { gt: after, ...(upTo === undefined ? {} : { lte: upTo }) } },
    orderBy: { id: 'asc' },
    take: limit,
    select: { ...movementSelect, product: { select: { enterpriseId: true } }, location: { select: { fulfilsOnline: true } } },
  })
  return rows.map((row) => ({ ...toChangedEvent(row), enterpriseId: row.product.enterpriseId, fulfilsOnline: row.location.fulfilsOnline }))
}

/** Catch-up reads at most this many times `limit` movements of all scopes before it answers with a snapshot. */
const CATCH_UP_SCAN_FACTOR = 10
const CATCH_UP_PAGE = 500

/** The movements in (after, upTo] the scope may see, or null when there are more than `limit` (or too many to scan). */
async function visibleMovements({ db, scope, after, upTo, limit }: { db: Db; scope: SignedInScope; after: number; upTo: number; limit: number }) {
  const events: InventoryChangedEvent[] = []
  let scanned = 0
  for (let cursor = after; cursor < upTo; ) {
    const page = await readMovementsAfter({ db, after: cursor, upTo, limit: CATCH_UP_PAGE })
    if (page.length === 0) break
    scanned += page.length
    for (const { seq, productId, locationId, onHand, reserved, available, enterpriseId } of page) {
      if (mayWatchLevel(scope, { locationId, enterpriseId })) events.push({ seq, productId, locationId, onHand, reserved, available })
    }
    if (events.length > limit || scanned > limit * CATCH_UP_SCAN_FACTOR) return null
    cursor = page[page.length - 1].seq
  }
  return events
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
    const events = await visibleMovements({ db, scope, after: since, upTo: seq, limit })
    if (events) return { feed, mode: 'events', seq, events }
  }
  return levelSnapshot({ database, scope })
}

/**
 * The current levels in scope and the seq they are exact for, read in one snapshot (PostgreSQL:
 * REPEATABLE READ; SQLite: one transaction), so events after `seq` apply on top without going back.
 */
async function levelSnapshot({ database, scope }: { database: Pick<Database, 'kind' | 'prisma'>; scope: SignedInScope }): Promise<CatchUpReply> {
  return database.prisma.$transaction(async (tx) => {
    // The SQLite client's type (which stands for both) lists no other isolation level.
    if (database.kind === 'postgresql') await tx.$executeRawUnsafe('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ')
    const seq = await currentLedgerSeq(tx)
    // Every level is read and the one rule filters them (the table is products × locations, small).
    const rows = await tx.stockLevel.findMany({
      orderBy: [{ productId: 'asc' }, { locationId: 'asc' }],
      select: { productId: true, locationId: true, onHand: true, reserved: true, product: { select: { enterpriseId: true } } },
    })
    const levels = rows
      .filter((row) => mayWatchLevel(scope, { locationId: row.locationId, enterpriseId: row.product.enterpriseId }))
      .map(({ product: _product, ...row }) => ({ ...row, available: row.onHand - row.reserved }))
    return { feed: 'levels' as const, mode: 'snapshot' as const, seq, levels }
  })
}
