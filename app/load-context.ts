// What the server hands every loader and action (see server/express-app.ts getLoadContext).
import type { AppServices } from './services.server.ts'

declare module 'react-router' {
  interface AppLoadContext {
    services: AppServices
    requestId: string
    cspNonce: string
    /** This browser's CSRF seed (the dm_csrf cookie, set by the server if it was missing). */
    csrfSeed: string
  }
}

export {}
