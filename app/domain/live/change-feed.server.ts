// In-process publish point for committed changes. Domain services publish here AFTER their
// transaction commits; the Socket.IO layer (server/socket) subscribes and fans out to rooms.
// Keeping it a plain emitter keeps domain code free of transport concerns.
import { EventEmitter } from 'node:events'
import type { StockChange } from '../inventory/ledger.server.ts'

export interface ChangeMap {
  /** Sessions that ended (sign-out, revoked device): their open sockets must close too. */
  'sessions:ended': { sessionIds: string[] }
  /** Stock changes of one committed transaction, in ledger order. */
  'inventory:committed': { changes: StockChange[] }
  'sales:recorded': { saleId: number; channel: string; locationId: number; totalWon: number; occurredAt: string }
}

export class ChangeFeed {
  #emitter = new EventEmitter().setMaxListeners(0)

  publish<K extends keyof ChangeMap>(topic: K, change: ChangeMap[K]): void {
    this.#emitter.emit(topic, change)
  }

  subscribe<K extends keyof ChangeMap>(topic: K, listener: (change: ChangeMap[K]) => void): () => void {
    this.#emitter.on(topic, listener)
    return () => this.#emitter.off(topic, listener)
  }
}
