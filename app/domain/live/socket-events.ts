// The typed Socket.IO contract shared by the server and the browser, with zod schemas for
// every payload a client may send.
import { z } from 'zod'

export const helloSchema = z.object({ client: z.enum(['storefront', 'pos', 'admin', 'vendor', 'test']) }).strict()

export type Ack<T> = (response: { ok: true; data: T } | { ok: false; error: string }) => void

export interface WhoAmI {
  signedIn: boolean
  role: string | null
  serverTime: string
}

export interface ServerToClientEvents {
  'sales:recorded': (change: { saleId: number; channel: string; locationId: number; totalWon: number; occurredAt: string }) => void
}

export interface ClientToServerEvents {
  'system:hello': (payload: z.input<typeof helloSchema>, ack: Ack<WhoAmI>) => void
}

export interface SocketData {
  user: { id: number; role: 'ORGANIZER' | 'VENDOR' | 'CASHIER'; enterpriseId: number | null; deviceId: number | null } | null
}
