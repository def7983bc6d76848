// Builds the load context the server gives routes, around a test database, and requests that
// carry the cookies a browser would.
import { randomBytes } from 'node:crypto'
import type { AppLoadContext } from 'react-router'
import { parseEnv } from '../../app/config/env.server.ts'
import { createLogger } from '../../app/config/logger.server.ts'
import type { Database } from '../../app/db/client.server.ts'
import { csrfTokenFor } from '../../app/domain/auth/csrf.server.ts'
import { CSRF_COOKIE } from '../../app/domain/auth/cookies.server.ts'
import { ChangeFeed } from '../../app/domain/live/change-feed.server.ts'
import { memorySignInBrakes } from '../../app/domain/auth/rate-limit.server.ts'
import type { AppServices } from '../../app/services.server.ts'
import '../../app/load-context.ts'

export function testServices(database: Database, env: Record<string, string> = {}): AppServices {
  return {
    env: parseEnv({ NODE_ENV: 'test', DATABASE_URL: database.url, LOG_LEVEL: 'silent', ...env }),
    log: createLogger('silent'),
    database,
    secret: 'test-secret-test-secret-test-secret-0123',
    changes: new ChangeFeed(),
    brakes: memorySignInBrakes(),
    version: 'test',
  }
}

/** A browser: it keeps cookies across requests and knows its CSRF token. */
export class TestBrowser {
  readonly cookies = new Map<string, string>([[CSRF_COOKIE, randomBytes(32).toString('base64url')]])

  /** The address Express would give this browser (req.ip), whatever X-Forwarded-For it sends. */
  constructor(
    readonly services: AppServices,
    readonly clientAddress = '127.0.0.1',
  ) {}

  /** The seed in the dm_csrf cookie (sign-in renews it, as the server does). */
  get csrfSeed() {
    return this.cookies.get(CSRF_COOKIE)!
  }

  get csrfToken() {
    return csrfTokenFor(this.services.secret, this.csrfSeed)
  }

  context(): AppLoadContext {
    return { services: this.services, requestId: 'test', cspNonce: 'nonce', csrfSeed: this.csrfSeed, clientAddress: this.clientAddress }
  }

  request(path: string, init: { method?: string; form?: Record<string, string>; withCsrf?: boolean; headers?: Record<string, string> } = {}) {
    const headers = new Headers(init.headers)
    headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; '))
    let body: URLSearchParams | undefined
    if (init.form) {
      body = new URLSearchParams(init.form)
      if (init.withCsrf !== false) body.set('csrf', this.csrfToken)
    }
    return new Request(`http://localhost${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body })
  }

  /** Stores the cookies a response sets, as a browser would. */
  absorb(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(';')
      const index = pair.indexOf('=')
      const name = pair.slice(0, index).trim()
      const value = decodeURIComponent(pair.slice(index + 1).trim())
      if (attributes.some((attribute) => /max-age=0\b/i.test(attribute.trim()))) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    return response
  }
}

/** Runs a loader/action and returns what it returned or threw (React Router treats both as the response). */
export async function settle<T>(run: () => Promise<T>): Promise<T | Response | unknown> {
  try {
    return await run()
  } catch (thrown) {
    return thrown
  }
}

/** The HTTP status of a loader/action outcome (plain data counts as 200). */
export function statusOf(outcome: unknown): number {
  if (outcome instanceof Response) return outcome.status
  if (outcome && typeof outcome === 'object' && 'type' in outcome && (outcome as { type: string }).type === 'DataWithResponseInit') {
    return (outcome as { init?: { status?: number } }).init?.status ?? 200
  }
  return 200
}
