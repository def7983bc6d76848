// The seed's calendar: day numbers (days since 1970-01-01), weekdays and the lunar holidays that
// shape the market's year. Instants in Seoul time come from app/lib/seoul-time.ts.
import { LUNAR_HOLIDAYS } from './catalog-data.ts'

export const DAY_MS = 86_400_000

/** Day number (days since 1970-01-01) of a KST calendar date. */
export function dayNumber(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / DAY_MS
}
export function ymdOf(dn: number): { y: number; m: number; d: number; weekday: number } {
  const date = new Date(dn * DAY_MS)
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate(), weekday: date.getUTCDay() }
}
/** n-th (1-based) given weekday of a month. */
export function nthWeekday(y: number, m: number, weekday: number, n: number): number {
  const first = dayNumber(y, m, 1)
  const offset = (weekday - ymdOf(first).weekday + 7) % 7
  return first + offset + (n - 1) * 7
}
export function isoDay(dn: number): string {
  const { y, m, d } = ymdOf(dn)
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}
export function holidaysOf(year: number): { seollal: number; chuseok: number } {
  const known = LUNAR_HOLIDAYS[year]
  const parse = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number)
    return dayNumber(y, m, d)
  }
  if (known) return { seollal: parse(known.seollal), chuseok: parse(known.chuseok) }
  return { seollal: dayNumber(year, 2, 1), chuseok: dayNumber(year, 9, 20) }
}
