// What the server hands every loader and action (see server/express-app.ts getLoadContext).
import type { AppServices } from './services.server.ts'

declare module 'react-router' {
  interface AppLoadContext {
    services: AppServices
    requestId: string
    cspNonce: string
    /** This browser's CSRF seed (the dm_csrf cookie, set by the server if it was missing). */
    csrfSeed: string
    /** The client's address as Express sees it (req.ip: the proxy's X-Forwarded-For only with TRUST_PROXY). */
    clientAddress: string
  }
}

export {}
