// The "today" the demo seed is built around: SEED_TODAY (YYYY-MM-DD) for reproducible runs,
// else the current date in Seoul.
import { seoulDayStart, seoulIsoDay } from '../../app/lib/seoul-time.ts'

export function seedTodayFromEnv(value = process.env.SEED_TODAY): Date {
  if (value) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`SEED_TODAY must be YYYY-MM-DD (got "${value}")`)
    return new Date(seoulDayStart(value))
  }
  return new Date(seoulDayStart(seoulIsoDay(new Date())))
}
