// A fixed-window failure counter for sign-in (per e-mail+address and per POS device).
// In memory on purpose: it is a brake on guessing, not an audit record.
export class FailureLimiter {
  #failures = new Map<string, { count: number; resetAt: number }>()

  constructor(
    readonly maxFailures: number,
    readonly windowMs: number,
  ) {}

  /** Milliseconds until the key may try again, or 0 when it may try now. */
  retryAfterMs(key: string, now = Date.now()): number {
    const entry = this.#failures.get(key)
    if (!entry || entry.resetAt <= now) return 0
    return entry.count >= this.maxFailures ? entry.resetAt - now : 0
  }

  recordFailure(key: string, now = Date.now()): void {
    const entry = this.#failures.get(key)
    if (!entry || entry.resetAt <= now) this.#failures.set(key, { count: 1, resetAt: now + this.windowMs })
    else entry.count++
    if (this.#failures.size > 10_000) this.#prune(now)
  }

  reset(key: string): void {
    this.#failures.delete(key)
  }

  #prune(now: number) {
    for (const [key, entry] of this.#failures) if (entry.resetAt <= now) this.#failures.delete(key)
  }
}

export const passwordFailures = new FailureLimiter(5, 15 * 60_000)
export const pinFailures = new FailureLimiter(5, 5 * 60_000)
