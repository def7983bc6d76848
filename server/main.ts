// Entry point: parse the environment, build the services, start the one HTTP server, and close
// everything cleanly on SIGTERM/SIGINT.
import { EnvError, parseEnv } from '../app/config/env.server.ts'
import { createLogger } from '../app/config/logger.server.ts'
import { startServer } from './start.ts'

let env
try {
  env = parseEnv()
} catch (error) {
  if (error instanceof EnvError) {
    console.error(`Dream Market cannot start. ${error.message}`)
    process.exit(1)
  }
  throw error
}

const log = createLogger(env.LOG_LEVEL, { service: 'dream-market' })
const running = await startServer({ env, log }).catch((error: unknown) => {
  log.error('start-up failed', { error })
  process.exit(1)
})

let closing = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (closing) return
    closing = true
    log.info('shutting down', { signal })
    // A hard limit so a stuck connection cannot keep a stopping server alive forever.
    setTimeout(() => process.exit(1), 10_000).unref()
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('shutdown failed', { error })
        process.exit(1)
      },
    )
  })
}
