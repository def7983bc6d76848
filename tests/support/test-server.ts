// The real HTTP + Socket.IO server (without the React Router handler) on a free port, against a
// test database.
import { parseEnv } from '../../app/config/env.server.ts'
import { createLogger } from '../../app/config/logger.server.ts'
import { startServer, type RunningServer } from '../../server/start.ts'

export function startTestServer(databaseUrl: string, env: Record<string, string> = {}): Promise<RunningServer> {
  return startServer({
    env: parseEnv({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: databaseUrl,
      SEED_ON_EMPTY: 'false',
      SESSION_SECRET: 'x'.repeat(40),
      LOG_LEVEL: 'silent',
      ...env,
    }),
    log: createLogger('silent'),
    withoutApp: true,
  })
}
