// Korea time, in one place: the market's days, years, sale codes, seed calendar and screens all
// count in Seoul time (UTC+9, no daylight saving since 1988). Computed by hand from the fixed
// offset, so the server, the browser and the seed agree whatever their own time zones.
export const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

/** The Seoul calendar day containing `at`, as a day number (days since 1970-01-01). */
export function seoulDayNumber(at: Date): number {
  return Math.floor((at.getTime() + SEOUL_OFFSET_MS) / DAY_MS)
}

/** The instant of a Seoul wall-clock time on day number `day`. */
export function seoulInstant(day: number, hour = 0, minute = 0, second = 0): Date {
  return new Date(day * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 - SEOUL_OFFSET_MS)
}

/** `YYYY-MM-DD` of the Seoul day containing `at`. */
export function seoulIsoDay(at: Date): string {
  return new Date(at.getTime() + SEOUL_OFFSET_MS).toISOString().slice(0, 10)
}

/** The Seoul calendar year containing `at`. */
export function seoulYear(at: Date): number {
  return new Date(at.getTime() + SEOUL_OFFSET_MS).getUTCFullYear()
}

/** [start, end) of a calendar year in Seoul. */
export function seoulYearBounds(year: number): { start: Date; end: Date } {
  return { start: new Date(seoulDayStart(`${year}-01-01`)), end: new Date(seoulDayStart(`${year + 1}-01-01`)) }
}

/** 2025-05-01 13:45 */
export function formatSeoulDateTime(iso: string): string {
  return new Date(new Date(iso).getTime() + SEOUL_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')
}

/** A `YYYY-MM-DD` date typed on a Korean screen, as the instant its day starts in Seoul. */
export function seoulDayStart(day: string): string {
  return `${day}T00:00:00+09:00`
}
