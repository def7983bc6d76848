// Times on stock screens are shown in Korea time (UTC+9, no daylight saving), computed by hand so
// the server render and the browser agree whatever their own time zones.
const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000

/** 2025-05-01 13:45 */
export function formatSeoulDateTime(iso: string): string {
  return new Date(new Date(iso).getTime() + SEOUL_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')
}

/** A `YYYY-MM-DD` date typed on a Korean screen, as the instant its day starts in Seoul. */
export function seoulDayStart(day: string): string {
  return `${day}T00:00:00+09:00`
}
