// Money is an integer number of won everywhere; this is the one place that formats it.
const wonFormat = new Intl.NumberFormat('ko-KR', { style: 'currency', currency: 'KRW', maximumFractionDigits: 0 })

/** ₩12,000 */
export function formatWon(won: number): string {
  return wonFormat.format(won)
}
