// CSRF tokens bound to the browser: the server keeps a random seed in the httpOnly dm_csrf
// cookie and forms carry HMAC(secret, seed). A page on another site can neither read the cookie
// nor compute the token. (Cross-site mutations are also refused earlier, by Origin.)
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { CSRF_COOKIE, readCookie } from './cookies.server.ts'

export const CSRF_FIELD = 'csrf'
export const CSRF_HEADER = 'x-csrf-token'

/** A fresh seed: 32 random bytes, 43 base64url characters. */
export function newCsrfSeed(): string {
  return randomBytes(32).toString('base64url')
}

export function csrfTokenFor(secret: string, seed: string): string {
  return createHmac('sha256', secret).update(`csrf:${seed}`).digest('base64url')
}

export function isValidCsrf({ request, secret, submitted }: { request: Request; secret: string; submitted: string | null }): boolean {
  const seed = readCookie(request, CSRF_COOKIE)
  const token = submitted ?? request.headers.get(CSRF_HEADER)
  if (!seed || !token) return false
  const expected = Buffer.from(csrfTokenFor(secret, seed))
  const actual = Buffer.from(token)
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}
