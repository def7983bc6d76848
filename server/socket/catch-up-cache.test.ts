// The shared catch-up read: reused only by sockets that joined before the read started.
import { describe, expect, it } from 'vitest'
import type { CatchUpReply } from '../../app/domain/live/socket-events.ts'
import { createCatchUpCache } from './catch-up-cache.ts'

const reply = (seq: number): CatchUpReply => ({ feed: 'online', mode: 'events', seq, events: [] })
const scope = { kind: 'online' } as const

describe('catch-up cache', () => {
  it('shares one read between sockets that joined before it started, and reads again for a later socket', async () => {
    const cache = createCatchUpCache()
    let reads = 0
    const load = async () => reply(++reads)
    const early = cache.now()
    const first = await cache.read({ scope, feed: 'online', since: 0, joinedAt: early }, load)
    const again = await cache.read({ scope, feed: 'online', since: 0, joinedAt: early }, load)
    expect([first.seq, again.seq, reads]).toEqual([1, 1, 1])
    // Joined after that read began: it might have missed a change the read did not see.
    const late = cache.now()
    expect((await cache.read({ scope, feed: 'online', since: 0, joinedAt: late }, load)).seq).toBe(2)
    // Another `since` or scope is another read.
    expect((await cache.read({ scope, feed: 'online', since: 1, joinedAt: early }, load)).seq).toBe(3)
    expect((await cache.read({ scope: { kind: 'admin' }, feed: 'levels', since: 0, joinedAt: early }, load)).seq).toBe(4)
  })

  it('forgets a failed read and an expired one', async () => {
    const cache = createCatchUpCache({ ttlMs: 20 })
    const joinedAt = cache.now()
    await expect(cache.read({ scope, feed: 'online', since: 0, joinedAt }, () => Promise.reject(new Error('down')))).rejects.toThrow('down')
    expect((await cache.read({ scope, feed: 'online', since: 0, joinedAt }, async () => reply(7))).seq).toBe(7)
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect((await cache.read({ scope, feed: 'online', since: 0, joinedAt }, async () => reply(8))).seq).toBe(8)
  })
})
