// The server's environment, parsed once at start-up. A bad variable stops start-up with a message
// that names it (EnvError). The seed (SEED_TODAY) and the CLI scripts read their own few variables.
import { z } from 'zod'

const booleanText = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => ['true', '1', 'yes'].includes(value))

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^(file:.+|postgres(ql)?:\/\/.+)$/, 'must be file:<path> (SQLite) or postgresql://… (PostgreSQL)')
      .default('file:./data/dream-market.db'),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\/.+/, 'must be redis://host:port')
      .optional(),
    /** Prefix of the Redis channels (Socket.IO adapter) and keys (sign-in brakes); instances that share them share it. */
    SOCKET_REDIS_KEY: z.string().regex(/^[\w.:-]{1,100}$/, 'letters, digits and . : _ - only').default('socket.io'),
    /** How often live inventory re-checks the ledger in case a commit notice was lost (a safety net). */
    LIVE_SAFETY_TICK_MS: z.coerce.number({ message: 'must be milliseconds' }).int().min(100).max(3_600_000).default(5_000),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    COOKIE_SECURE: booleanText.optional(),
    TRUST_PROXY: booleanText.default(false),
    /**
     * New live connections one address may open per 10 s. Raise it where many visitors share one
     * address (a festival's Wi-Fi behind one NAT); the benchmark raises it for its 1,000 clients.
     */
    SOCKET_CONNECTIONS_PER_ADDRESS: z.coerce.number({ message: 'must be a whole number' }).int().min(1).max(1_000_000).default(60),
    /** Demo data has published passwords: seeded by default only outside production. */
    SEED_ON_EMPTY: booleanText.optional(),
    /** A signed-in browser that makes no request for this long is signed out. */
    SESSION_IDLE_MINUTES: z.coerce.number({ message: 'must be minutes' }).int().min(5).max(14 * 24 * 60).default(120),
    /** The same for a cashier on a POS tablet; longer, because a market day has quiet hours. */
    POS_SESSION_IDLE_MINUTES: z.coerce.number({ message: 'must be minutes' }).int().min(5).max(12 * 60).default(240),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret key (sk_test_…)').optional(),
    STRIPE_PUBLISHABLE_KEY: z.string().regex(/^pk_(test|live)_\w+$/, 'must be a Stripe publishable key').optional(),
    STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\w+$/, 'must be a webhook signing secret (whsec_…)').optional(),
  })
  .transform((env) => ({
    ...env,
    COOKIE_SECURE: env.COOKIE_SECURE ?? env.NODE_ENV === 'production',
    SEED_ON_EMPTY: env.SEED_ON_EMPTY ?? env.NODE_ENV !== 'production',
  }))

export type Env = z.infer<typeof envSchema>

export class EnvError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid environment:\n${issues.map((line) => `  - ${line}`).join('\n')}`)
    this.name = 'EnvError'
  }
}

/** Empty strings count as unset, as in most deployment tools. */
function withoutEmpty(source: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(source).filter((entry): entry is [string, string] => !!entry[1]))
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(withoutEmpty(source))
  if (result.success) return result.data
  throw new EnvError(result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`))
}
