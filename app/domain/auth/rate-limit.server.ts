// Brakes on guessing: wrong passwords, pairing codes and PINs, counted per key in fixed windows.
// They are part of the app's services (app/services.server.ts), not module state: with REDIS_URL
// every instance counts in the same Redis, so spreading guesses over instances does not help.
// Without Redis they count in this process's memory (one instance, the embedded default).
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'
import type { Logger } from '../../config/logger.server.ts'

interface Rule {
  points: number
  durationSeconds: number
}

// Every attempt is counted before the secret is checked (so parallel guesses cannot slip past the
// limit); an attempt that succeeds gives its point back, so only failures add up.
const RULES = {
  /** One person's typos: one account from one address. Their own success clears it. */
  passwordAccountAddress: { points: 5, durationSeconds: 15 * 60 },
  /** One account from anywhere: rotating addresses does not buy more guesses. */
  passwordAccount: { points: 10, durationSeconds: 15 * 60 },
  /** One address against any accounts (password spraying). */
  passwordAddress: { points: 30, durationSeconds: 15 * 60 },
  /** Wrong pairing codes from one address. */
  pairingAddress: { points: 10, durationSeconds: 15 * 60 },
  /**
   * Wrong pairing codes from all addresses together. A code is 8 characters of 32 (40 bits), so
   * this bounds guessing by many addresses far below any chance of a hit, while a tablet with a
   * good code is not held up by one guesser's address.
   */
  pairingAll: { points: 300, durationSeconds: 15 * 60 },
  /** Wrong PINs on one tablet (a cashier's own count across tablets is kept on the user row). */
  pinDevice: { points: 10, durationSeconds: 5 * 60 },
} satisfies Record<string, Rule>

export type BrakeName = keyof typeof RULES

export interface SignInBrakes {
  /**
   * Counts one attempt against every key. Returns the seconds to wait when any key is over its
   * limit (the attempt must then not be checked), or 0.
   */
  attempt(keys: Partial<Record<BrakeName, string>>): Promise<number>
  /** The attempt succeeded: it does not count as a failure; `clear` keys forget their failures. */
  succeeded(keys: Partial<Record<BrakeName, string>>, clear?: BrakeName[]): Promise<void>
  close(): Promise<void>
}

function buildBrakes(limiters: Record<BrakeName, RateLimiterAbstract>, close: () => Promise<void>): SignInBrakes {
  const each = (keys: Partial<Record<BrakeName, string>>) =>
    (Object.entries(keys) as [BrakeName, string][]).map(([name, key]) => ({ name, key, limiter: limiters[name] }))
  return {
    async attempt(keys) {
      const outcomes = await Promise.all(
        each(keys).map(({ limiter, key }) =>
          limiter.consume(key).then(
            () => 0,
            (refused: unknown) => {
              if (refused instanceof RateLimiterRes) return refused.msBeforeNext
              throw refused
            },
          ),
        ),
      )
      const waitMs = Math.max(0, ...outcomes)
      return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0
    },
    async succeeded(keys, clear = []) {
      await Promise.all(each(keys).map(({ name, limiter, key }) => (clear.includes(name) ? limiter.delete(key) : limiter.reward(key, 1))))
    },
    close,
  }
}

function limitersOf(make: (name: BrakeName, rule: Rule) => RateLimiterAbstract): Record<BrakeName, RateLimiterAbstract> {
  const names = Object.keys(RULES) as BrakeName[]
  return Object.fromEntries(names.map((name) => [name, make(name, RULES[name])])) as Record<BrakeName, RateLimiterAbstract>
}

const memoryLimiter = (rule: Rule) => new RateLimiterMemory({ points: rule.points, duration: rule.durationSeconds })

/** Brakes in this process's memory (one instance). */
export function memorySignInBrakes(): SignInBrakes {
  return buildBrakes(
    limitersOf((_name, rule) => memoryLimiter(rule)),
    async () => {},
  )
}

/**
 * Brakes shared by every instance through Redis. `keyPrefix` keeps deployments sharing one Redis
 * apart. If Redis is unreachable, each instance falls back to counting in memory rather than
 * letting every guess through or refusing every sign-in.
 */
export async function redisSignInBrakes({ url, keyPrefix, log }: { url: string; keyPrefix: string; log: Logger }): Promise<SignInBrakes> {
  const { createClient } = await import('redis')
  const client = createClient({ url })
  client.on('error', (error: unknown) => log.error('redis error (sign-in brakes)', { error }))
  await client.connect()
  const limiters = limitersOf(
    (name, rule) =>
      new RateLimiterRedis({
        storeClient: client,
        useRedisPackage: true,
        rejectIfRedisNotReady: true,
        keyPrefix: `${keyPrefix}:brake:${name}`,
        points: rule.points,
        duration: rule.durationSeconds,
        insuranceLimiter: memoryLimiter(rule),
      }),
  )
  return buildBrakes(limiters, async () => {
    await client.quit().catch(() => {})
  })
}
