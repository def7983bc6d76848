// Feeds this instance's sockets from the shared ledger. After any commit (a local ChangeFeed
// notice, or 'inventory:advanced' from another instance through the Redis adapter) it reads the
// movements after the last one it emitted, in id order, and emits them to LOCAL rooms only: every
// instance tails the same ledger, so nothing is delivered twice and each socket sees increasing
// seqs. Ids commit in id order (PostgreSQL: the stock advisory lock; SQLite: one serialized
// writer), so a read of `id > lastEmitted` after a commit notice never skips a lower id.
import type { AppServices } from '../../app/services.server.ts'
import { onlineAvailability } from '../../app/domain/inventory/availability.server.ts'
import { currentLedgerSeq, levelAudience, readMovementsAfter, type LedgerMovement } from '../../app/domain/inventory/live-read.server.ts'
import type { LiveServer } from './index.ts'
import { ROOMS, scopeRoom } from './rooms.ts'

export interface InventoryTailer {
  /** The seq of the newest movement emitted so far. */
  readonly lastEmitted: number
  stop(): Promise<void>
}

export interface TailerOptions {
  io: LiveServer
  services: Pick<AppServices, 'database' | 'changes' | 'log'>
  /** Tell the other instances that the ledger advanced (set when the Redis adapter is in use). */
  announce?: (seq: number) => void
  /**
   * A safety net, not the sync mechanism: if a notice is ever lost (an instance's Redis link
   * drops), the next tick still finds the new movements, so no screen stalls for long.
   */
  safetyTickMs?: number
  batchSize?: number
}

export async function startInventoryTailer({ io, services, announce, safetyTickMs = 5_000, batchSize = 500 }: TailerOptions): Promise<InventoryTailer> {
  const db = services.database.prisma
  let lastEmitted = 0
  let started = false
  let stopped = false
  let wanted = false
  let reading: Promise<void> | null = null

  async function emitBatch(batch: LedgerMovement[]) {
    // One online-availability event per product per batch, at the product's last seq.
    const onlineSeq = new Map<number, number>()
    for (const movement of batch) if (movement.fulfilsOnline) onlineSeq.set(movement.productId, movement.seq)
    const available = onlineSeq.size ? await onlineAvailability({ db, productIds: [...onlineSeq.keys()] }) : new Map<number, number>()
    for (const { seq, productId, locationId, onHand, reserved, available: levelAvailable, enterpriseId } of batch) {
      io.local
        .to(levelAudience({ locationId, enterpriseId }).map(scopeRoom))
        .emit('inventory:changed', { seq, productId, locationId, onHand, reserved, available: levelAvailable })
    }
    for (const [productId, seq] of [...onlineSeq].sort((a, b) => a[1] - b[1])) {
      io.local.to(ROOMS.online).emit('inventory:online', { seq, productId, available: available.get(productId) ?? 0 })
    }
  }

  async function readUntilCurrent() {
    while (wanted && !stopped) {
      wanted = false
      const batch = await readMovementsAfter({ db, after: lastEmitted, limit: batchSize })
      if (batch.length === 0) continue
      await emitBatch(batch)
      lastEmitted = batch[batch.length - 1].seq
      if (batch.length === batchSize) wanted = true
    }
  }

  /** Coalesces notices: one read in flight; notices during it cause one more read after. */
  function advance() {
    wanted = true
    if (!started || stopped || reading) return
    reading = readUntilCurrent()
      .catch((error: unknown) => services.log.error('inventory tailer read failed', { error }))
      .finally(() => {
        reading = null
        // A notice that arrived after the loop's last check but before now must not wait for the tick.
        if (wanted && !stopped) advance()
      })
  }

  const unsubscribe = services.changes.subscribe('inventory:committed', ({ changes }) => {
    announce?.(Math.max(...changes.map((change) => change.seq)))
    advance()
  })
  const onAdvanced = (seq: number) => {
    if (seq > lastEmitted) advance()
  }
  io.on('inventory:advanced', onAdvanced)

  try {
    lastEmitted = await currentLedgerSeq(db)
  } catch (error) {
    unsubscribe()
    io.off('inventory:advanced', onAdvanced)
    throw error
  }
  started = true
  if (wanted) advance()
  const tick = setInterval(advance, safetyTickMs)
  tick.unref()

  return {
    get lastEmitted() {
      return lastEmitted
    },
    async stop() {
      stopped = true
      clearInterval(tick)
      unsubscribe()
      io.off('inventory:advanced', onAdvanced)
      await reading
    },
  }
}
