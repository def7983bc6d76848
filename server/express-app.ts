// The Express application: security headers with a per-request CSP nonce, request ids and
// access logs, cross-site mutation refusal, static assets, /healthz and the React Router handler.
import { randomBytes, randomUUID } from 'node:crypto'
import type { Server as HttpServer } from 'node:http'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@react-router/express'
import compression from 'compression'
import express, { type NextFunction, type Request, type Response } from 'express'
import helmet from 'helmet'
import type { ServerBuild } from 'react-router'
import { CSRF_COOKIE, readCookies, serializeCookie, SESSION_COOKIE } from '../app/domain/auth/cookies.server.ts'
import { newCsrfSeed } from '../app/domain/auth/csrf.server.ts'
import type { AppServices } from '../app/services.server.ts'
import { coalesceWrites } from './coalesce-writes.ts'
import { isSameOrigin } from './origin.ts'

interface Options {
  services: AppServices
  httpServer: HttpServer
  withoutApp: boolean
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
/** Incoming webhooks are signed by their sender and arrive cross-site by design. */
const CROSS_SITE_ALLOWED = [/^\/webhooks\//]

/**
 * Refuses state-changing requests that a browser marks as coming from another site. This is the
 * first CSRF layer; every action also checks its form token (app/domain/auth/csrf.server.ts).
 */
export function rejectCrossSiteMutations(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method) || CROSS_SITE_ALLOWED.some((pattern) => pattern.test(req.path))) return next()
  const fetchSite = req.get('sec-fetch-site')
  const origin = req.get('origin')
  const sameOrigin = origin === undefined || origin === 'null' ? true : isSameOrigin(origin, req.get('host'))
  if (sameOrigin === null) {
    res.status(400).json({ error: 'malformed Origin header' })
    return
  }
  if (fetchSite === 'cross-site' || !sameOrigin) {
    res.status(403).json({ error: 'cross-site request refused' })
    return
  }
  next()
}

export async function createExpressApp({ services, httpServer, withoutApp }: Options) {
  const { env, log } = services
  const production = env.NODE_ENV === 'production'
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', env.TRUST_PROXY)

  app.use((req, res, next) => {
    const incoming = req.get('x-request-id')
    const requestId = incoming && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID()
    res.locals.requestId = requestId
    res.locals.cspNonce = randomBytes(16).toString('base64')
    res.setHeader('X-Request-Id', requestId)
    // Every browser gets a CSRF seed before it sees its first form (see csrf.server.ts).
    const seed = readCookies(req.get('cookie'))[CSRF_COOKIE]
    if (seed && /^[\w-]{43}$/.test(seed)) res.locals.csrfSeed = seed
    else {
      res.locals.csrfSeed = newCsrfSeed()
      res.append('Set-Cookie', serializeCookie(CSRF_COOKIE, res.locals.csrfSeed, { secure: env.COOKIE_SECURE }))
    }
    const started = process.hrtime.bigint()
    res.on('finish', () => {
      if (req.path.startsWith('/assets/') || req.path === '/healthz') return
      log.info('request', {
        requestId,
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
      })
    })
    next()
  })

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          // React Router inlines its hydration scripts; each carries this request's nonce.
          scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`, ...(production ? [] : ["'unsafe-inline'"])],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          // 'self' covers ws:/wss: to our own host (CSP Level 3); a socket elsewhere is refused.
          connectSrc: ["'self'"],
          fontSrc: ["'self'", 'data:'],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: env.COOKIE_SECURE ? [] : null,
        },
      },
      strictTransportSecurity: env.COOKIE_SECURE,
      // Not no-referrer: with it Chromium sends `Origin: null` on a native form post, which React
      // Router's action origin check refuses, so sign-in failed before the page's scripts loaded.
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      crossOriginEmbedderPolicy: false,
    }),
  )
  app.use(compression())
  // One deflate job per burst of streamed HTML, not one per chunk (why: coalesce-writes.ts).
  app.use(coalesceWrites())
  app.use(rejectCrossSiteMutations)
  // Pages and .data answers for a signed-in browser are personal: no shared or back-button cache.
  // (Static files set their own Cache-Control after this.)
  app.use((req, res, next) => {
    if (readCookies(req.get('cookie'))[SESSION_COOKIE]) res.setHeader('Cache-Control', 'private, no-store')
    next()
  })

  app.get('/healthz', async (_req, res) => {
    try {
      await services.database.prisma.$queryRawUnsafe('SELECT 1')
      res.json({ status: 'ok', database: services.database.kind, version: services.version, uptimeSeconds: Math.round(process.uptime()) })
    } catch (error) {
      log.error('health check failed', { error })
      res.status(503).json({ status: 'error', database: services.database.kind, version: services.version })
    }
  })

  let closeVite = async () => {}
  if (!withoutApp) {
    let build: ServerBuild | (() => Promise<ServerBuild>)
    if (production) {
      // Fingerprinted build assets never change: cache them for a year.
      app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }))
      app.use(express.static('build/client', { maxAge: '1h' }))
      // Relative to the working directory, like the static folders above (this file also runs
      // compiled from build/server-main/).
      const buildPath = pathToFileURL(resolve('build/server/index.js')).href
      build = (await import(buildPath)) as ServerBuild
    } else {
      const vite = await import('vite')
      const devServer = await vite.createServer({ server: { middlewareMode: true, hmr: { server: httpServer } } })
      app.use(devServer.middlewares)
      build = () => devServer.ssrLoadModule('virtual:react-router/server-build') as Promise<ServerBuild>
      closeVite = () => devServer.close()
    }
    app.use(express.static('public', { maxAge: production ? '1h' : 0 }))
    app.all(
      '/{*splat}',
      createRequestHandler({
        build,
        mode: env.NODE_ENV,
        getLoadContext: (req, res) => ({
          services,
          requestId: res.locals.requestId as string,
          cspNonce: res.locals.cspNonce as string,
          csrfSeed: res.locals.csrfSeed as string,
          clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
        }),
      }),
    )
  }

  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    log.error('unhandled request error', { requestId: res.locals.requestId, path: req.path, error })
    if (!res.headersSent) res.status(500).json({ error: 'internal error', requestId: res.locals.requestId })
  })

  return { app, closeVite }
}
