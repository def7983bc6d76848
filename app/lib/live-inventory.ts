// Browser side of live inventory: follows one feed ('levels' of the socket's scope, or public
// 'online' availability) and guarantees that every change is applied once, in seq order. On each
// (re)connect it asks the server for what it missed since the last seq it applied; live events
// that arrive meanwhile are held back and applied after the catch-up. No server imports here.
import type { Socket } from 'socket.io-client'
import type {
  CatchUpReply,
  ClientToServerEvents,
  InventoryChangedEvent,
  InventoryFeed,
  InventoryOnlineEvent,
  LevelRow,
  OnlineRow,
  ServerToClientEvents,
} from '../domain/live/socket-events.ts'

export type InventorySocket = Socket<ServerToClientEvents, ClientToServerEvents>

export type InventorySnapshot = { feed: 'levels'; seq: number; levels: LevelRow[] } | { feed: 'online'; seq: number; levels: OnlineRow[] }

export interface InventorySyncOptions {
  socket: InventorySocket
  /** The seq the page's data is exact for (its loader's `currentLedgerSeq`). */
  since: number
  /** Which feed to follow; by default 'levels' when `onChange` is given, else 'online'. */
  feed?: InventoryFeed
  onChange?: (event: InventoryChangedEvent) => void
  onOnline?: (event: InventoryOnlineEvent) => void
  /** The client was too far behind: replace everything shown with this state. */
  onSnapshot?: (snapshot: InventorySnapshot) => void
  /** `synced` is true from a completed catch-up until the next disconnect. */
  onStatus?: (status: { synced: boolean; lastSeq: number }) => void
  catchUpTimeoutMs?: number
}

export interface InventorySync {
  readonly lastSeq: number
  readonly synced: boolean
  /** Newer page data arrived (a loader revalidated): skip events it already includes. */
  advanceTo(seq: number): void
  close(): void
}

type LiveEvent = InventoryChangedEvent | InventoryOnlineEvent

/** Held-back events beyond this are dropped and fetched again by another catch-up. */
const MAX_HELD = 5_000
const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 15_000]

export function createInventorySync(options: InventorySyncOptions): InventorySync {
  const { socket, onChange, onOnline, onSnapshot, onStatus, catchUpTimeoutMs = 15_000 } = options
  const feed: InventoryFeed = options.feed ?? (onChange ? 'levels' : 'online')
  const liveEvent = feed === 'levels' ? 'inventory:changed' : 'inventory:online'
  let lastSeq = options.since
  let synced = false
  let catchingUp = false
  let held: LiveEvent[] = []
  let droppedHeld = false
  /** Invalidates the answer of a catch-up sent before a disconnect or a retry. */
  let attempt = 0
  let failures = 0
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let closed = false

  const deliver = (event: LiveEvent) => {
    if (event.seq <= lastSeq) return
    lastSeq = event.seq
    if (feed === 'levels') onChange?.(event as InventoryChangedEvent)
    else onOnline?.(event as InventoryOnlineEvent)
  }

  const setSynced = (value: boolean) => {
    synced = value
    onStatus?.({ synced, lastSeq })
  }

  const onLive = (event: LiveEvent) => {
    if (!catchingUp) return deliver(event)
    if (held.length >= MAX_HELD) {
      held = []
      droppedHeld = true
    }
    held.push(event)
  }

  const apply = (reply: CatchUpReply) => {
    if (reply.mode === 'snapshot') {
      onSnapshot?.(reply.feed === 'levels' ? { feed: 'levels', seq: reply.seq, levels: reply.levels } : { feed: 'online', seq: reply.seq, levels: reply.levels })
    } else {
      for (const event of reply.events) deliver(event)
    }
    // The server's seq is authoritative (after a snapshot it may even be lower: a restored ledger).
    lastSeq = reply.seq
  }

  const catchUp = () => {
    clearTimeout(retryTimer)
    const mine = ++attempt
    catchingUp = true
    const timer = setTimeout(() => settle(mine, { ok: false, error: 'catch-up timed out' }), catchUpTimeoutMs)
    socket.emit('inventory:catch-up', { since: lastSeq, feed }, (response) => {
      clearTimeout(timer)
      settle(mine, response)
    })
  }

  const settle = (mine: number, response: Parameters<Parameters<ClientToServerEvents['inventory:catch-up']>[1]>[0]) => {
    if (closed || mine !== attempt || !socket.connected) return
    if (!response.ok) {
      // Keep holding live events: applying them without the missed ones would leave a gap.
      retryTimer = setTimeout(catchUp, RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)])
      return
    }
    failures = 0
    apply(response.data)
    if (droppedHeld) {
      // Some held events were dropped: everything up to now is fetched again, from here.
      droppedHeld = false
      return catchUp()
    }
    const pending = held
    held = []
    catchingUp = false
    for (const event of pending) deliver(event)
    setSynced(true)
  }

  const onConnect = () => catchUp()
  const onDisconnect = () => {
    attempt++
    clearTimeout(retryTimer)
    catchingUp = false
    held = []
    droppedHeld = false
    setSynced(false)
  }

  socket.on('connect', onConnect)
  socket.on('disconnect', onDisconnect)
  socket.on(liveEvent, onLive)
  if (socket.connected) catchUp()

  return {
    get lastSeq() {
      return lastSeq
    },
    get synced() {
      return synced
    },
    advanceTo(seq: number) {
      if (seq > lastSeq) lastSeq = seq
    },
    close() {
      closed = true
      clearTimeout(retryTimer)
      socket.off('connect', onConnect)
      socket.off('disconnect', onDisconnect)
      socket.off(liveEvent, onLive)
    },
  }
}
