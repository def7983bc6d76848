// The address a socket's calls are counted against. Same rule as Express's `trust proxy`
// (express-app.ts sets it from TRUST_PROXY): behind a trusted proxy the left-most
// X-Forwarded-For entry (what Express's req.ip gives with `trust proxy` true), otherwise the TCP
// peer. Without a trusted proxy the header is never read: any client could write it.
import type { IncomingMessage } from 'node:http'

export function clientAddress(request: Pick<IncomingMessage, 'headers' | 'socket'>, trustProxy: boolean): string {
  const peer = request.socket.remoteAddress ?? 'unknown'
  if (!trustProxy) return peer
  const forwarded = request.headers['x-forwarded-for']
  const first = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',')[0]?.trim()
  return first || peer
}
