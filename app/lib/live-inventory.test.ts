// The browser sync's ordering rules with a scripted socket: held events during a catch-up,
// duplicates, snapshots, failed catch-ups and stale answers after a reconnect.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CatchUpReply, InventoryChangedEvent, InventoryOnlineEvent } from '../domain/live/socket-events.ts'
import { createInventorySync, type InventorySnapshot, type InventorySocket } from './live-inventory.ts'

type Reply = { ok: true; data: CatchUpReply } | { ok: false; error: string }

/** Plays the server: the test decides when a catch-up is answered and what arrives live. */
class ScriptedSocket {
  connected = false
  readonly catchUps: { payload: { since: number; feed?: string }; answer: (reply: Reply) => void }[] = []
  #listeners = new Map<string, Set<(payload?: unknown) => void>>()

  on(event: string, listener: (payload?: unknown) => void) {
    if (!this.#listeners.has(event)) this.#listeners.set(event, new Set())
    this.#listeners.get(event)!.add(listener)
    return this
  }
  off(event: string, listener: (payload?: unknown) => void) {
    this.#listeners.get(event)?.delete(listener)
    return this
  }
  emit(event: string, payload: { since: number; feed?: string }, answer: (reply: Reply) => void) {
    if (event === 'inventory:catch-up') this.catchUps.push({ payload, answer })
    return this
  }
  receive(event: string, payload?: unknown) {
    for (const listener of this.#listeners.get(event) ?? []) listener(payload)
  }
  connect() {
    this.connected = true
    this.receive('connect')
  }
  disconnect() {
    this.connected = false
    this.receive('disconnect')
  }
  get lastCatchUp() {
    return this.catchUps[this.catchUps.length - 1]
  }
  asSocket() {
    return this as unknown as InventorySocket
  }
}

const change = (seq: number, onHand = seq): InventoryChangedEvent => ({ seq, productId: 1, locationId: 1, onHand, reserved: 0, available: onHand })
const events = (seq: number, list: InventoryChangedEvent[]): Reply => ({ ok: true, data: { feed: 'levels', mode: 'events', seq, events: list } })

function follow(socket: ScriptedSocket, since: number) {
  const applied: number[] = []
  const snapshots: InventorySnapshot[] = []
  const sync = createInventorySync({ socket: socket.asSocket(), since, onChange: (e) => applied.push(e.seq), onSnapshot: (s) => snapshots.push(s) })
  return { sync, applied, snapshots }
}

afterEach(() => vi.useRealTimers())

describe('createInventorySync', () => {
  it('holds live events while a catch-up is pending, then applies the catch-up and the newer held ones, each once', () => {
    const socket = new ScriptedSocket()
    const { sync, applied } = follow(socket, 10)
    socket.connect()
    expect(socket.lastCatchUp.payload).toEqual({ since: 10, feed: 'levels' })
    // Live events race the answer: 12 is also in the catch-up, 14 is newer than it.
    socket.receive('inventory:changed', change(12))
    socket.receive('inventory:changed', change(14))
    expect(applied).toEqual([])
    socket.lastCatchUp.answer(events(13, [change(11), change(12), change(13)]))
    expect(applied).toEqual([11, 12, 13, 14])
    expect(sync).toMatchObject({ lastSeq: 14, synced: true })
    // Late duplicates and older events are ignored.
    socket.receive('inventory:changed', change(14))
    socket.receive('inventory:changed', change(9))
    socket.receive('inventory:changed', change(15))
    expect(applied).toEqual([11, 12, 13, 14, 15])
  })

  it('replaces everything with a snapshot and continues from its seq', () => {
    const socket = new ScriptedSocket()
    const { sync, applied, snapshots } = follow(socket, 3)
    socket.connect()
    socket.receive('inventory:changed', change(2000))
    const levels = [{ productId: 1, locationId: 1, onHand: 5, reserved: 1, available: 4 }]
    socket.lastCatchUp.answer({ ok: true, data: { feed: 'levels', mode: 'snapshot', seq: 1999, levels } })
    expect(snapshots).toEqual([{ feed: 'levels', seq: 1999, levels }])
    expect(applied).toEqual([2000])
    expect(sync.lastSeq).toBe(2000)
  })

  it('keeps holding live events when a catch-up fails, and retries from the same seq', () => {
    vi.useFakeTimers()
    const socket = new ScriptedSocket()
    const { sync, applied } = follow(socket, 5)
    socket.connect()
    socket.lastCatchUp.answer({ ok: false, error: 'catch-up failed; try again' })
    socket.receive('inventory:changed', change(8))
    expect(applied).toEqual([])
    expect(sync.synced).toBe(false)
    vi.advanceTimersByTime(1_000)
    expect(socket.catchUps).toHaveLength(2)
    expect(socket.lastCatchUp.payload.since).toBe(5)
    socket.lastCatchUp.answer(events(7, [change(6), change(7)]))
    expect(applied).toEqual([6, 7, 8])
  })

  it('retries a catch-up that gets no answer', () => {
    vi.useFakeTimers()
    const socket = new ScriptedSocket()
    follow(socket, 5)
    socket.connect()
    vi.advanceTimersByTime(15_000 + 1_000)
    expect(socket.catchUps).toHaveLength(2)
  })

  it('ignores the answer to a catch-up sent before a disconnect and catches up again from the last applied seq', () => {
    const socket = new ScriptedSocket()
    const { sync, applied } = follow(socket, 0)
    socket.connect()
    socket.lastCatchUp.answer(events(4, [change(4)]))
    socket.receive('inventory:changed', change(5))
    const stale = socket.catchUps.length
    socket.disconnect()
    expect(sync.synced).toBe(false)
    socket.connect()
    socket.connect() // a second connect before the answer: only the newest answer counts
    socket.catchUps[stale].answer(events(9, [change(9)]))
    expect(applied).toEqual([4, 5])
    expect(socket.lastCatchUp.payload.since).toBe(5)
    socket.lastCatchUp.answer(events(7, [change(6), change(7)]))
    expect(applied).toEqual([4, 5, 6, 7])
  })

  it('follows only the online feed when asked for online availability', () => {
    const socket = new ScriptedSocket()
    const seen: InventoryOnlineEvent[] = []
    createInventorySync({ socket: socket.asSocket(), since: 1, onOnline: (e) => seen.push(e) })
    socket.connect()
    expect(socket.lastCatchUp.payload.feed).toBe('online')
    socket.lastCatchUp.answer({ ok: true, data: { feed: 'online', mode: 'events', seq: 3, events: [{ seq: 3, productId: 7, available: 2 }] } })
    socket.receive('inventory:changed', change(4))
    socket.receive('inventory:online', { seq: 5, productId: 7, available: 1 })
    expect(seen.map((e) => e.seq)).toEqual([3, 5])
  })

  it('skips events that newer page data already includes', () => {
    const socket = new ScriptedSocket()
    const { sync, applied } = follow(socket, 1)
    socket.connect()
    socket.lastCatchUp.answer(events(2, [change(2)]))
    sync.advanceTo(10)
    socket.receive('inventory:changed', change(9))
    socket.receive('inventory:changed', change(11))
    expect(applied).toEqual([2, 11])
    sync.close()
    socket.receive('inventory:changed', change(12))
    expect(applied).toEqual([2, 11])
  })
})
