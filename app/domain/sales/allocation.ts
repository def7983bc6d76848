// Which enterprise each won of a tender belongs to (docs/decisions/0005-tender-allocation.md).
// The one allocation function: live sales (pricing.server.ts) and the demo seed both call it, so
// seeded history and recorded sales follow the same policy. Pure and shared with the browser.

/** Splits `amount` in proportion to `basis`, in integers that add up exactly (largest remainder; ties go to the earlier index). */
export function splitProportionally(amount: number, basis: readonly number[]): number[] {
  const total = basis.reduce((sum, b) => sum + b, 0)
  if (total <= 0) return basis.map((_, i) => (i === 0 ? amount : 0))
  const exact = basis.map((b) => (amount * b) / total)
  const parts = exact.map(Math.floor)
  let left = amount - parts.reduce((sum, p) => sum + p, 0)
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1])
  for (const [, i] of order) {
    if (left-- <= 0) break
    parts[i]++
  }
  return parts
}

export interface TenderToAllocate {
  amountWon: number
  /** A voucher pays only for some lines: what each enterprise sold that the voucher may pay for. */
  eligibleWon?: ReadonlyMap<number, number> | null
}

/**
 * Allocates every tender of a sale to the enterprises whose lines it pays for, also when the basket
 * has one enterprise. Tenders are taken in order; each is split over what every enterprise is still
 * owed (a voucher over its eligible amounts, capped at what is still owed), so when the tenders add
 * up to the sale, every enterprise receives exactly its line totals and every tender is split to the
 * won. Enterprises are in ascending id order; zero parts are left out.
 */
export function allocateTenders(dueByEnterprise: ReadonlyMap<number, number>, tenders: readonly TenderToAllocate[]): Map<number, number>[] {
  const enterprises = [...dueByEnterprise.keys()].sort((a, b) => a - b)
  const owed = new Map(dueByEnterprise)
  return tenders.map((tender) => {
    const remaining = enterprises.map((e) => owed.get(e)!)
    let basis = remaining
    if (tender.eligibleWon) {
      const eligible = enterprises.map((e, i) => Math.min(tender.eligibleWon!.get(e) ?? 0, remaining[i]))
      if (eligible.reduce((sum, won) => sum + won, 0) >= tender.amountWon) basis = eligible
    }
    const parts = splitProportionally(tender.amountWon, basis)
    const allocation = new Map<number, number>()
    enterprises.forEach((e, i) => {
      if (parts[i] > 0) allocation.set(e, parts[i])
      owed.set(e, remaining[i] - parts[i])
    })
    return allocation
  })
}
