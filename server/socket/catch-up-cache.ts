// Identical catch-ups asked at about the same time share one read: many clients reconnecting after
// a Wi-Fi drop (or one client asking again and again) cost one query per scope, feed and `since`
// per second instead of one each. Snapshots (the whole catalogue) are what makes this matter.
//
// Why sharing is safe: a catch-up answer is correct for a socket when its read started after the
// socket joined its rooms (every later change then reaches the socket live, see
// docs/inventory-live.md). So an answer is reused only for sockets that joined before its read
// started, judged on one monotonic counter.
import type { CatchUpReply, InventoryFeed, LiveScope } from '../../app/domain/live/socket-events.ts'

export interface CatchUpCache {
  /** A point on the cache's clock; take it after the socket has joined its rooms. */
  now(): number
  read(key: { scope: LiveScope; feed: InventoryFeed; since: number; joinedAt: number }, load: () => Promise<CatchUpReply>): Promise<CatchUpReply>
}

export function createCatchUpCache({ ttlMs = 1_000, maxEntries = 1_000 }: { ttlMs?: number; maxEntries?: number } = {}): CatchUpCache {
  let clock = 0
  const entries = new Map<string, { startedAt: number; expires: number; reply: Promise<CatchUpReply> }>()

  function prune(now: number) {
    for (const [key, entry] of entries) if (entry.expires <= now) entries.delete(key)
    // Still full (many distinct `since` within one second): start over rather than grow.
    if (entries.size >= maxEntries) entries.clear()
  }

  return {
    now: () => ++clock,
    read({ scope, feed, since, joinedAt }, load) {
      const key = `${JSON.stringify(scope)}|${feed}|${since}`
      const now = Date.now()
      const cached = entries.get(key)
      if (cached && cached.expires > now && cached.startedAt > joinedAt) return cached.reply
      if (entries.size >= maxEntries) prune(now)
      const entry = { startedAt: ++clock, expires: now + ttlMs, reply: load() }
      entries.set(key, entry)
      entry.reply.catch(() => {
        if (entries.get(key) === entry) entries.delete(key)
      })
      return entry.reply
    },
  }
}
