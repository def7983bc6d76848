// Builds the long-lived services of one server process (database, secrets, logger) and hands
// them to routes through the load context and to Socket.IO handlers, so nothing relies on
// module-level singletons (the React Router build and the server are separate module graphs).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { dirname, resolve } from 'node:path'
import type { Env } from './config/env.server.ts'
import type { Logger } from './config/logger.server.ts'
import { databaseKindOf, openDatabase, prepareSqliteFile, sqlitePathOf, type Database } from './db/client.server.ts'
import { migrateDatabase } from './db/migrate.server.ts'
import { ChangeFeed } from './domain/live/change-feed.server.ts'
import { memorySignInBrakes, redisSignInBrakes, type SignInBrakes } from './domain/auth/rate-limit.server.ts'

export const APP_VERSION = process.env.npm_package_version ?? '0.1.0'

export interface AppServices {
  env: Env
  log: Logger
  database: Database
  /** Signs CSRF tokens. Set SESSION_SECRET when several instances share one database. */
  secret: string
  changes: ChangeFeed
  /** Limits on wrong passwords, pairing codes and PINs; shared through Redis when REDIS_URL is set. */
  brakes: SignInBrakes
  version: string
}

export const FIRST_ORGANIZER_HINT =
  'No organizer account yet, so nobody can sign in. Create the first one on this server: ' +
  'ORGANIZER_PASSWORD=… npm run user:create-organizer -- --email you@example.org --name "Your name" ' +
  '(or pipe the password on stdin). Demo data with published passwords is seeded only when SEED_ON_EMPTY=true.'

/** A persisted random secret for the embedded default, so `npm start` needs no configuration. */
function loadOrCreateSecret(env: Env): string {
  if (env.SESSION_SECRET) return env.SESSION_SECRET
  const dir = env.DATABASE_URL.startsWith('file:') ? dirname(resolve(sqlitePathOf(env.DATABASE_URL))) : resolve('data')
  const file = resolve(dir, 'session-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dir, { recursive: true })
  const secret = randomBytes(32).toString('base64url')
  writeFileSync(file, secret + '\n', { mode: 0o600 })
  return secret
}

export async function createServices(env: Env, log: Logger): Promise<AppServices> {
  if (databaseKindOf(env.DATABASE_URL) === 'sqlite') prepareSqliteFile(env.DATABASE_URL)
  const applied = await migrateDatabase(env.DATABASE_URL)
  if (applied.length) log.info('migrations applied', { migrations: applied })
  const database = await openDatabase(env.DATABASE_URL, { poolSize: env.DATABASE_POOL_SIZE })
  if (env.SEED_ON_EMPTY && (await database.prisma.enterprise.count()) === 0) {
    const [{ seedDatabase }, { seedTodayFromEnv }] = await Promise.all([
      import('../prisma/seed/seed.server.ts'),
      import('../prisma/seed/today.ts'),
    ])
    const started = Date.now()
    const summary = await seedDatabase(database.prisma, { today: seedTodayFromEnv(), provider: database.kind })
    log.info('empty database seeded with demo data', { ms: Date.now() - started, salesWonByYear: summary.salesWonByYear })
  } else if ((await database.prisma.user.count({ where: { role: 'ORGANIZER', active: true } })) === 0) {
    log.warn(FIRST_ORGANIZER_HINT)
  }
  return {
    env,
    log,
    database,
    secret: loadOrCreateSecret(env),
    changes: new ChangeFeed(),
    brakes: env.REDIS_URL ? await redisSignInBrakes({ url: env.REDIS_URL, keyPrefix: env.SOCKET_REDIS_KEY, log }) : memorySignInBrakes(),
    version: APP_VERSION,
  }
}
