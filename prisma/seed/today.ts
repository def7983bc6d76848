// The "today" the demo seed is built around: SEED_TODAY (YYYY-MM-DD) for reproducible runs,
// else the current date in Seoul.
export function seedTodayFromEnv(value = process.env.SEED_TODAY): Date {
  if (value) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`SEED_TODAY must be YYYY-MM-DD (got "${value}")`)
    return new Date(`${value}T00:00:00+09:00`)
  }
  const seoulDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date())
  return new Date(`${seoulDate}T00:00:00+09:00`)
}
