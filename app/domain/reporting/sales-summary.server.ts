// Sales figures for the organizer dashboard and the vendor portal, computed from the recorded
// sales (net of refunds), never from cached counters.
import type { Db } from '../../db/client.server.ts'
import type { Channel } from '../../generated/prisma/sqlite/enums.ts'
import { seoulYear, seoulYearBounds } from '../../lib/seoul-time.ts'

export const CHANNELS: readonly Channel[] = ['PLAZA', 'ONLINE', 'POPUP', 'FESTIVAL']
const COUNTED: ('COMPLETED' | 'PARTIALLY_REFUNDED' | 'REFUNDED')[] = ['COMPLETED', 'PARTIALLY_REFUNDED', 'REFUNDED']

/** [start, end) of a calendar year in Korea (KST, UTC+9, no daylight saving). */
export function yearRange(year: number): { start: Date; end: Date } {
  return seoulYearBounds(year)
}

export interface ChannelFigures {
  channel: Channel
  netWon: number
  orders: number
  targetWon: number | null
}

export interface YearSummary {
  year: number
  netWon: number
  grossWon: number
  refundsWon: number
  orders: number
  targetWon: number | null
  progress: number | null
  /** Net sales of the same period (1 Jan to the same day) of the previous year. */
  lastYearSamePeriodWon: number
  projectedWon: number
  byChannel: ChannelFigures[]
}

async function netByChannel({ db, start, end, enterpriseId }: { db: Db; start: Date; end: Date; enterpriseId?: number }) {
  const gross = new Map<Channel, { won: number; orders: number }>()
  const refunds = new Map<Channel, number>()
  if (enterpriseId === undefined) {
    const rows = await db.sale.groupBy({
      by: ['channel'],
      where: { occurredAt: { gte: start, lt: end }, status: { in: COUNTED } },
      _sum: { totalWon: true },
      _count: { _all: true },
    })
    for (const row of rows) gross.set(row.channel, { won: row._sum.totalWon ?? 0, orders: row._count._all })
    const refundRows = await db.refund.findMany({
      where: { sale: { occurredAt: { gte: start, lt: end }, status: { in: COUNTED } } },
      select: { amountWon: true, sale: { select: { channel: true } } },
    })
    for (const row of refundRows) refunds.set(row.sale.channel, (refunds.get(row.sale.channel) ?? 0) + row.amountWon)
  } else {
    // An enterprise's share of multi-vendor baskets is the sum of its own lines.
    const lines = await db.saleLine.findMany({
      where: { enterpriseId, sale: { occurredAt: { gte: start, lt: end }, status: { in: COUNTED } } },
      select: { lineTotalWon: true, saleId: true, sale: { select: { channel: true } }, refundLines: { select: { amountWon: true } } },
    })
    const salesSeen = new Map<Channel, Set<number>>()
    for (const line of lines) {
      const channel = line.sale.channel
      const entry = gross.get(channel) ?? { won: 0, orders: 0 }
      entry.won += line.lineTotalWon
      gross.set(channel, entry)
      const seen = salesSeen.get(channel) ?? new Set<number>()
      seen.add(line.saleId)
      salesSeen.set(channel, seen)
      refunds.set(channel, (refunds.get(channel) ?? 0) + line.refundLines.reduce((sum, refund) => sum + refund.amountWon, 0))
    }
    for (const [channel, seen] of salesSeen) gross.get(channel)!.orders = seen.size
  }
  return { gross, refunds }
}

export async function yearSummary({
  db,
  year,
  now = new Date(),
  enterpriseId,
}: {
  db: Db
  year: number
  now?: Date
  enterpriseId?: number
}): Promise<YearSummary> {
  const { start, end } = yearRange(year)
  const until = now < end ? now : end
  const [{ gross, refunds }, target, lastYear] = await Promise.all([
    netByChannel({ db, start, end, enterpriseId }),
    enterpriseId === undefined
      ? db.salesTarget.findUnique({ where: { year }, select: { amountWon: true, channels: { select: { channel: true, amountWon: true } } } })
      : null,
    (async () => {
      const previous = yearRange(year - 1)
      const sameDay = new Date(previous.start.getTime() + (until.getTime() - start.getTime()))
      const { gross: g, refunds: r } = await netByChannel({ db, start: previous.start, end: sameDay, enterpriseId })
      let total = 0
      for (const [channel, figures] of g) total += figures.won - (r.get(channel) ?? 0)
      return total
    })(),
  ])
  const byChannel = CHANNELS.map((channel) => ({
    channel,
    netWon: (gross.get(channel)?.won ?? 0) - (refunds.get(channel) ?? 0),
    orders: gross.get(channel)?.orders ?? 0,
    targetWon: target?.channels.find((c) => c.channel === channel)?.amountWon ?? null,
  }))
  const grossWon = [...gross.values()].reduce((sum, g) => sum + g.won, 0)
  const refundsWon = [...refunds.values()].reduce((sum, r) => sum + r, 0)
  const netWon = grossWon - refundsWon
  const elapsed = Math.max(1, until.getTime() - start.getTime())
  const projectedWon = until >= end ? netWon : Math.round((netWon * (end.getTime() - start.getTime())) / elapsed)
  return {
    year,
    netWon,
    grossWon,
    refundsWon,
    orders: byChannel.reduce((sum, c) => sum + c.orders, 0),
    targetWon: target?.amountWon ?? null,
    progress: target ? netWon / target.amountWon : null,
    lastYearSamePeriodWon: lastYear,
    projectedWon,
    byChannel,
  }
}

/** The calendar year in Korea of an instant. */
export function koreanYear(date = new Date()): number {
  return seoulYear(date)
}
