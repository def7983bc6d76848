// Wires one HTTP server: Express (security headers, request ids, static files, /healthz, the
// React Router handler) and Socket.IO on the same port. Transport only: no business rules here.
import { createServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Env } from '../app/config/env.server.ts'
import type { Logger } from '../app/config/logger.server.ts'
import { startSessionSweeper } from '../app/domain/auth/session.server.ts'
import { startReservationSweeper } from '../app/domain/inventory/reservations.server.ts'
import { createServices, type AppServices } from '../app/services.server.ts'
import { createExpressApp } from './express-app.ts'
import { attachSocketServer, type LiveServer } from './socket/index.ts'

export interface RunningServer {
  url: string
  port: number
  services: AppServices
  httpServer: HttpServer
  io: LiveServer
  close(): Promise<void>
}

export interface StartOptions {
  env: Env
  log: Logger
  /** Skip the React Router handler (tests of the transport layer only). */
  withoutApp?: boolean
}

export async function startServer({ env, log, withoutApp = false }: StartOptions): Promise<RunningServer> {
  const services = await createServices(env, log)
  const httpServer = createServer()
  const { app, closeVite } = await createExpressApp({ services, httpServer, withoutApp })
  httpServer.on('request', app)
  const sockets = await attachSocketServer({ httpServer, services })
  // Online checkout holds expire on their own: every instance sweeps (claims make it safe).
  const stopSweeper = startReservationSweeper(
    { database: services.database, changes: services.changes },
    { onError: (error) => services.log.error('reservation sweep failed', { error }) },
  )
  // Sessions past their expiry or idle limit are deleted (and their sockets closed) on every instance.
  const stopSessionSweeper = startSessionSweeper(
    { db: services.database.prisma, changes: services.changes, idle: env },
    { onError: (error) => services.log.error('session sweep failed', { error }) },
  )

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject)
    httpServer.listen(env.PORT, env.HOST, () => resolve())
  })
  const { port } = httpServer.address() as AddressInfo
  const url = `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${port}`
  log.info('listening', { url, database: services.database.kind, mode: env.NODE_ENV, redis: !!env.REDIS_URL })

  let closed: Promise<void> | undefined
  const close = () =>
    (closed ??= (async () => {
      // Stop accepting; in-flight requests finish, idle keep-alive connections are closed.
      const httpClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()))
      httpServer.closeIdleConnections()
      stopSweeper()
      stopSessionSweeper()
      await sockets.close()
      await httpClosed
      await closeVite()
      await services.brakes.close()
      await services.database.close()
      log.info('stopped')
    })())

  return { url, port, services, httpServer, io: sockets.io, close }
}
