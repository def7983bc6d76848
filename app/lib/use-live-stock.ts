// React hooks over live inventory (app/lib/live-inventory.ts). A page passes its loader's data and
// the seq it is exact for (`since`); what the hooks return is that data overlaid with every live
// change newer than it, applied once and in order. Loader data that is newer (a revalidation)
// wins over older live values, so a page may recompute `initial` on every render.
import { useEffect, useRef, useState } from 'react'
import { io } from 'socket.io-client'
import { createInventorySync, type InventorySocket, type InventorySync, type InventorySyncOptions } from './live-inventory.ts'

export interface LiveLevel {
  productId: number
  locationId: number
  onHand: number
  reserved: number
  available: number
  seq?: number
}

type Follow = Omit<InventorySyncOptions, 'socket' | 'since' | 'onStatus'>

/** One same-origin socket (the session cookie goes along) and one sync, for the component's life. */
function useInventorySync(since: number, follow: Follow) {
  const [status, setStatus] = useState({ synced: false, lastSeq: since })
  const syncRef = useRef<InventorySync | null>(null)
  const followRef = useRef(follow)
  followRef.current = follow
  const sinceRef = useRef(since)
  sinceRef.current = since

  useEffect(() => {
    const socket: InventorySocket = io({ transports: ['websocket'] })
    const current = followRef.current
    const sync = createInventorySync({
      feed: current.feed,
      // Through the ref, so the latest render's callbacks run.
      onChange: (event) => {
        followRef.current.onChange?.(event)
        setStatus((status) => ({ ...status, lastSeq: event.seq }))
      },
      onOnline: (event) => {
        followRef.current.onOnline?.(event)
        setStatus((status) => ({ ...status, lastSeq: event.seq }))
      },
      onSnapshot: (snapshot) => {
        followRef.current.onSnapshot?.(snapshot)
        setStatus((status) => ({ ...status, lastSeq: snapshot.seq }))
      },
      onStatus: setStatus,
      socket,
      since: sinceRef.current,
    })
    syncRef.current = sync
    return () => {
      sync.close()
      socket.close()
      syncRef.current = null
    }
  }, [])

  // A revalidated loader is exact for a newer seq: the catch-up after a reconnect can start there.
  useEffect(() => {
    syncRef.current?.advanceTo(since)
  }, [since])

  return { connected: status.synced, lastSeq: Math.max(status.lastSeq, since) }
}

const levelKey = (level: { productId: number; locationId: number }) => `${level.productId}:${level.locationId}`

/**
 * Stock levels per (product, location), kept live: the rows of `initial`, each replaced by its
 * newest live value, plus live rows `initial` does not have (limited by `include`; default every
 * row of the socket's scope). After a snapshot every row comes from it.
 */
export function useLiveLevels(initial: LiveLevel[], options: { since: number; include?: (level: LiveLevel) => boolean }) {
  const { since, include } = options
  const [live, setLive] = useState<ReadonlyMap<string, LiveLevel & { seq: number }>>(() => new Map())

  const { connected, lastSeq } = useInventorySync(since, {
    feed: 'levels',
    onChange: (event) => {
      setLive((current) => new Map(current).set(levelKey(event), event))
    },
    onSnapshot: (snapshot) => {
      if (snapshot.feed !== 'levels') return
      setLive(new Map(snapshot.levels.map((level) => [levelKey(level), { ...level, seq: snapshot.seq }])))
    },
  })

  const levels: LiveLevel[] = []
  const seen = new Set<string>()
  for (const level of initial) {
    const key = levelKey(level)
    seen.add(key)
    const newer = live.get(key)
    levels.push(newer && newer.seq > since ? newer : level)
  }
  for (const [key, level] of live) {
    if (!seen.has(key) && level.seq > since && (include?.(level) ?? true)) levels.push(level)
  }
  return { levels, connected, lastSeq }
}

/** The storefront's "available online" per product id, kept live (public: no sign-in needed). */
export function useLiveOnlineAvailability(initial: Record<number, number>, options: { since: number }) {
  const { since } = options
  const [live, setLive] = useState<{ byProduct: ReadonlyMap<number, { available: number; seq: number }>; snapshotSeq: number }>(() => ({
    byProduct: new Map(),
    snapshotSeq: 0,
  }))

  const { connected } = useInventorySync(since, {
    feed: 'online',
    onOnline: (event) => {
      setLive((current) => ({ ...current, byProduct: new Map(current.byProduct).set(event.productId, event) }))
    },
    onSnapshot: (snapshot) => {
      if (snapshot.feed !== 'online') return
      setLive({ byProduct: new Map(snapshot.levels.map((row) => [row.productId, { available: row.available, seq: snapshot.seq }])), snapshotSeq: snapshot.seq })
    },
  })

  const available: Record<number, number> = {}
  for (const [id, count] of Object.entries(initial)) {
    const newer = live.byProduct.get(Number(id))
    // A product missing from a newer snapshot has nothing available online any more.
    available[Number(id)] = newer && newer.seq > since ? newer.available : live.snapshotSeq > since ? 0 : count
  }
  for (const [id, newer] of live.byProduct) if (!(id in available) && newer.seq > since) available[id] = newer.available
  return { available, connected }
}
