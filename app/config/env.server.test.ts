import { describe, expect, it } from 'vitest'
import { EnvError, parseEnv } from './env.server.ts'

function issuesOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source)
  } catch (error) {
    if (error instanceof EnvError) return error.issues
    throw error
  }
  throw new Error('expected the environment to be refused')
}

describe('environment', () => {
  it('starts with nothing set: embedded SQLite on port 3000', () => {
    const env = parseEnv({})
    expect(env.DATABASE_URL).toBe('file:./data/dream-market.db')
    expect(env.PORT).toBe(3000)
    expect(env.COOKIE_SECURE).toBe(false)
  })

  it('uses Secure cookies in production unless told otherwise', () => {
    expect(parseEnv({ NODE_ENV: 'production' }).COOKIE_SECURE).toBe(true)
    expect(parseEnv({ NODE_ENV: 'production', COOKIE_SECURE: 'false' }).COOKIE_SECURE).toBe(false)
  })

  it('seeds demo data on an empty database only outside production, unless asked', () => {
    expect(parseEnv({}).SEED_ON_EMPTY).toBe(true)
    expect(parseEnv({ NODE_ENV: 'production' }).SEED_ON_EMPTY).toBe(false)
    expect(parseEnv({ NODE_ENV: 'production', SEED_ON_EMPTY: 'true' }).SEED_ON_EMPTY).toBe(true)
  })

  it('has idle timeouts for web and POS sessions, and refuses nonsense', () => {
    const env = parseEnv({})
    expect([env.SESSION_IDLE_MINUTES, env.POS_SESSION_IDLE_MINUTES]).toEqual([120, 240])
    expect(issuesOf({ SESSION_IDLE_MINUTES: '0' })[0]).toMatch(/^SESSION_IDLE_MINUTES:/)
    expect(issuesOf({ POS_SESSION_IDLE_MINUTES: 'long' })[0]).toMatch(/^POS_SESSION_IDLE_MINUTES: must be minutes/)
  })

  it('names each bad variable', () => {
    const issues = issuesOf({ PORT: 'eighty', DATABASE_URL: 'mysql://x', REDIS_URL: 'localhost:6379', SESSION_SECRET: 'short' })
    expect(issues.some((line) => line.startsWith('PORT:'))).toBe(true)
    expect(issues.some((line) => line.startsWith('DATABASE_URL:'))).toBe(true)
    expect(issues.some((line) => line.startsWith('REDIS_URL:'))).toBe(true)
    expect(issues.some((line) => line.startsWith('SESSION_SECRET:'))).toBe(true)
  })

  it('refuses an unknown NODE_ENV and a malformed Stripe key', () => {
    expect(issuesOf({ NODE_ENV: 'staging' })[0]).toMatch(/^NODE_ENV:/)
    expect(issuesOf({ STRIPE_SECRET_KEY: 'pk_test_abc' })[0]).toMatch(/^STRIPE_SECRET_KEY: must be a Stripe secret key/)
  })

  it('accepts PostgreSQL and Redis URLs', () => {
    const env = parseEnv({ DATABASE_URL: 'postgresql://u@127.0.0.1:5432/db', REDIS_URL: 'redis://127.0.0.1:6379' })
    expect(env.DATABASE_URL).toMatch(/^postgresql:/)
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379')
  })
})
