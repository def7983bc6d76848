// Joins the small writes of a streamed response into one write per event-loop turn.
//
// Why: React Router streams HTML as many small chunks and calls res.flush() after each one. With
// the `compression` middleware every write + flush is its own deflate job on libuv's thread pool
// (Z_SYNC_FLUSH), whose completion needs an event-loop turn before the next chunk goes. A page of a
// few hundred chunks then costs a few hundred turns; when the loop is busy (synchronous SQLite
// work under a socket flood) each turn takes tens of milliseconds and a compressed page took
// seconds to a minute, while plain writes go to the socket at once. Each wait for 'drain' also
// left a listener on the gzip stream (compression proxies `on('drain')` to it but not `off`),
// hence "MaxListenersExceededWarning: 11 drain listeners added to [Gzip]".
//
// Chunks written in the same turn (React enqueues a whole flush synchronously) are joined and
// written, then flushed, once: one deflate job per burst, and streaming still delivers each burst
// as soon as it is produced. At most `maxPending` bytes wait; beyond that the write happens at once
// and its backpressure answer goes back to the caller.
import type { NextFunction, Request, Response } from 'express'

type Callback = (error?: Error | null) => void
type Flushable = Response & { flush?: () => void }

export function coalesceWrites({ maxPending = 16 * 1024 } = {}) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const target = res as Flushable
    const write = target.write.bind(target) as (chunk: unknown, encoding?: unknown, callback?: Callback) => boolean
    const end = target.end.bind(target) as (chunk?: unknown, encoding?: unknown, callback?: unknown) => Response
    const flush = target.flush?.bind(target)
    let pending: Buffer[] = []
    let pendingBytes = 0
    let scheduled: NodeJS.Immediate | undefined

    const takePending = () => {
      const joined = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes)
      pending = []
      pendingBytes = 0
      return joined
    }
    const writePending = (): boolean => {
      if (scheduled) clearImmediate(scheduled)
      scheduled = undefined
      if (pendingBytes === 0) return true
      const ok = write(takePending())
      flush?.()
      return ok
    }

    target.write = function coalescedWrite(chunk: unknown, encoding?: unknown, callback?: unknown) {
      // A caller waiting on its callback, or an empty write: keep the order, do not hold it back.
      if (typeof encoding === 'function' || typeof callback === 'function' || chunk === undefined || chunk === null) {
        writePending()
        return write(chunk, encoding, callback as Callback)
      }
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, (encoding as BufferEncoding | undefined) ?? 'utf8') : Buffer.from(chunk as Uint8Array)
      pending.push(bytes)
      pendingBytes += bytes.length
      if (pendingBytes >= maxPending) return writePending()
      scheduled ??= setImmediate(writePending)
      return true
    } as Response['write']

    target.end = function coalescedEnd(chunk?: unknown, encoding?: unknown, callback?: unknown) {
      if (pendingBytes === 0) return end(chunk, encoding, callback)
      if (scheduled) clearImmediate(scheduled)
      scheduled = undefined
      if (typeof chunk === 'function') return end(takePending(), chunk)
      if (chunk !== undefined && chunk !== null) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : Buffer.from(chunk as Uint8Array)
        pending.push(bytes)
        pendingBytes += bytes.length
      }
      const done = typeof encoding === 'function' ? encoding : callback
      return typeof done === 'function' ? end(takePending(), done) : end(takePending())
    } as Response['end']

    // The joined write flushes; an explicit flush with nothing held back goes straight through.
    if (flush) target.flush = () => void (pendingBytes === 0 && flush())
    next()
  }
}
