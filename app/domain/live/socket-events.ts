// The typed Socket.IO contract shared by the server and the browser, with zod schemas for
// every payload a client may send. Inventory events are described in docs/inventory-live.md.
import { z } from 'zod'

export const helloSchema = z.object({ client: z.enum(['storefront', 'pos', 'admin', 'vendor', 'test']) }).strict()

/**
 * Which live stream a catch-up is for: `levels` (per-location levels of the socket's scope; signed
 * in only) or `online` (public online availability). Defaults to `levels` for a signed-in scope.
 */
export const inventoryFeedSchema = z.enum(['levels', 'online'])
export type InventoryFeed = z.infer<typeof inventoryFeedSchema>

export const catchUpSchema = z
  .object({
    /** The last sequence number the client applied (0: nothing yet). */
    since: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    feed: inventoryFeedSchema.optional(),
  })
  .strict()

export type Ack<T> = (response: { ok: true; data: T } | { ok: false; error: string }) => void

export interface WhoAmI {
  signedIn: boolean
  role: string | null
  serverTime: string
}

/** A stock level after one ledger movement; `seq` is the movement's id (the global order). */
export interface InventoryChangedEvent {
  seq: number
  productId: number
  locationId: number
  onHand: number
  reserved: number
  available: number
}

/** A product's online availability (summed over locations that fulfil online orders) as of `seq`. */
export interface InventoryOnlineEvent {
  seq: number
  productId: number
  available: number
}

export type LevelRow = Omit<InventoryChangedEvent, 'seq'>
export type OnlineRow = Omit<InventoryOnlineEvent, 'seq'>

/**
 * The answer to a catch-up: the missed events in order, or (too far behind) the current state.
 * Either way `seq` is where the ledger stood; the client continues from it.
 */
export type CatchUpReply =
  | { feed: 'levels'; mode: 'events'; seq: number; events: InventoryChangedEvent[] }
  | { feed: 'levels'; mode: 'snapshot'; seq: number; levels: LevelRow[] }
  | { feed: 'online'; mode: 'events'; seq: number; events: InventoryOnlineEvent[] }
  | { feed: 'online'; mode: 'snapshot'; seq: number; levels: OnlineRow[] }

export interface ServerToClientEvents {
  'sales:recorded': (change: { saleId: number; channel: string; locationId: number; totalWon: number; occurredAt: string }) => void
  'inventory:changed': (event: InventoryChangedEvent) => void
  'inventory:online': (event: InventoryOnlineEvent) => void
}

export interface ClientToServerEvents {
  'system:hello': (payload: z.input<typeof helloSchema>, ack: Ack<WhoAmI>) => void
  'inventory:catch-up': (payload: z.input<typeof catchUpSchema>, ack: Ack<CatchUpReply>) => void
}

/** Between server instances (through the Redis adapter): "the ledger has reached seq". */
export interface ServerSideEvents {
  'inventory:advanced': (seq: number) => void
}

/** What a socket may watch, decided once at connection from its session. */
export type LiveScope =
  | { kind: 'admin' }
  | { kind: 'enterprise'; enterpriseId: number }
  | { kind: 'location'; locationId: number }
  | { kind: 'online' }

export interface SocketData {
  user: { id: number; role: 'ORGANIZER' | 'VENDOR' | 'CASHIER'; enterpriseId: number | null; deviceId: number | null; sessionId: string } | null
  scope: LiveScope
  /** When the socket had joined its rooms, on the catch-up cache's clock (server/socket/catch-up-cache.ts). */
  joinedAt: number
}
