// About two years of sales history as drafts: which days the market opened, who bought what, how
// they paid, and the odd refund. Rows are built from these drafts by sales-rows.ts.
import type { Channel, Fulfilment, SaleStatus, TenderKind } from '../../app/generated/prisma/sqlite/enums.ts'
import { seoulDayNumber, seoulInstant } from '../../app/lib/seoul-time.ts'
import { dayNumber, holidaysOf, nthWeekday, ymdOf } from './calendar.ts'
import { ENTERPRISES, LOCATIONS, PRODUCTS, VOUCHER_PROGRAMMES, type VoucherCode } from './catalog-data.ts'
import { Rng } from './random.ts'

export const CHANNEL_SHARE: Record<Channel, number> = { PLAZA: 0.5, ONLINE: 0.27, POPUP: 0.115, FESTIVAL: 0.115 }
const REFUND_RATE = 0.01

// ───────────────────────────── Drafts ─────────────────────────────

export interface LineDraft {
  productIndex: number
  quantity: number
  unitPriceWon: number
  discountWon: number
  lineTotalWon: number
}
export interface TenderDraft {
  kind: TenderKind
  amountWon: number
  voucher: VoucherCode | null
  /** A voucher's eligible amount per enterprise index (what allocation may charge it to); null for other tenders. */
  eligibleWon: Map<number, number> | null
  reference: string | null
}
export interface RefundDraft {
  lineIndexes: number[]
  amountWon: number
  reason: string
  at: Date
}
export interface SaleDraft {
  channel: Channel
  locationIndex: number
  eventIndex: number | null
  occurredAt: Date
  fulfilment: Fulfilment
  cashierUserIndex: number | null
  lines: LineDraft[]
  tenders: TenderDraft[]
  subtotalWon: number
  discountWon: number
  totalWon: number
  taxableWon: number
  exemptWon: number
  customerName: string | null
  customerPhone: string | null
  deliveryAddress: string | null
  cashReceiptId: string | null
  status: SaleStatus
  refund: RefundDraft | null
  removed: boolean
}

export interface EventPlan {
  slug: string
  kind: 'FESTIVAL' | 'POPUP'
  nameKo: string
  nameEn: string
  locationIndex: number
  firstDay: number
  days: number
  enterpriseIndexes: number[]
  year: number
}

export const LOCATION_INDEX = Object.fromEntries(LOCATIONS.map((l, i) => [l.code, i])) as Record<string, number>
export const PLAZA_INDEXES = [LOCATION_INDEX['PLAZA-1'], LOCATION_INDEX['PLAZA-2'], LOCATION_INDEX['PLAZA-3']]
export const ONLINE_INDEX = LOCATION_INDEX['ONLINE-WH']
const FESTIVAL_INDEX = LOCATION_INDEX['FESTIVAL-1']
const CULTURE_CATEGORIES = new Set<string>(VOUCHER_PROGRAMMES.find((v) => v.code === 'CULTURE_NURI')!.eligibleCategories)

function lineVoucherEligible(productIndex: number, voucher: VoucherCode): boolean {
  const product = PRODUCTS[productIndex]
  const enterprise = ENTERPRISES[product.enterpriseIndex]
  if (!enterprise.vouchers.includes(voucher)) return false
  return voucher !== 'CULTURE_NURI' || CULTURE_CATEGORIES.has(product.categorySlug)
}

export function planEvents(year: number): EventPlan[] {
  const rng = new Rng(`events-${year}`)
  const all = ENTERPRISES.map((_, i) => i)
  const festivalDay = nthWeekday(year, 10, 5, 2) // second Friday of October
  const plans: EventPlan[] = [
    {
      slug: `byeolbit-spring-popup-${year}`, kind: 'POPUP', nameKo: `${year} 별빛내린천 봄 팝업`, nameEn: `${year} Byeolbit Naerincheon spring popup`,
      locationIndex: LOCATION_INDEX['POPUP-2'], firstDay: nthWeekday(year, 5, 5, 3), days: 3, enterpriseIndexes: [], year,
    },
    {
      slug: `sharosu-summer-popup-${year}`, kind: 'POPUP', nameKo: `${year} 샤로수길 여름 팝업`, nameEn: `${year} Sharosu-gil summer popup`,
      locationIndex: LOCATION_INDEX['POPUP-1'], firstDay: nthWeekday(year, 7, 5, 2), days: 3, enterpriseIndexes: [], year,
    },
    {
      slug: `byeolbit-autumn-popup-${year}`, kind: 'POPUP', nameKo: `${year} 별빛내린천 가을 팝업`, nameEn: `${year} Byeolbit Naerincheon autumn popup`,
      locationIndex: LOCATION_INDEX['POPUP-2'], firstDay: nthWeekday(year, 9, 5, 1), days: 3, enterpriseIndexes: [], year,
    },
    {
      slug: `gangamchan-festival-${year}`, kind: 'FESTIVAL', nameKo: `${year} 관악강감찬축제`, nameEn: `${year} Gwanak Gangamchan Festival`,
      locationIndex: FESTIVAL_INDEX, firstDay: festivalDay, days: 3, enterpriseIndexes: [], year,
    },
    {
      slug: `sharosu-yearend-popup-${year}`, kind: 'POPUP', nameKo: `${year} 샤로수길 연말 팝업`, nameEn: `${year} Sharosu-gil year-end popup`,
      locationIndex: LOCATION_INDEX['POPUP-1'], firstDay: nthWeekday(year, 12, 5, 2), days: 3, enterpriseIndexes: [], year,
    },
  ]
  for (const plan of plans) plan.enterpriseIndexes = rng.sample(all, plan.kind === 'FESTIVAL' ? 12 : 8).sort((a, b) => a - b)
  return plans
}

function plazaDays(year: number, events: EventPlan[]): number[] {
  const { chuseok } = holidaysOf(year)
  const busy = new Set<number>()
  for (const e of events) for (let k = -1; k <= e.days; k++) busy.add(e.firstDay + k)
  for (let k = -2; k <= 2; k++) busy.add(chuseok + k)
  const days: number[] = []
  for (let m = 3; m <= 11; m++)
    for (const n of [2, 4]) {
      const dn = nthWeekday(year, m, 4, n) // 2nd and 4th Thursday
      if (!busy.has(dn)) days.push(dn)
    }
  return days
}

// ───────────────────────────── History generation ─────────────────────────────

const DEMO_CUSTOMERS = ['데모 김하늘', '데모 이바다', '데모 박구름', '데모 최별', '데모 정나무', '데모 강솔', '데모 윤누리', '데모 장봄']
const DEMO_STREETS = ['관악로', '봉천로', '남부순환로', '신림로', '난곡로', '은천로', '낙성대로', '호암로', '조원로', '신원로']
const REFUND_REASONS = ['고객 변심', '상품 파손', '유통기한 임박', '중복 결제', '배송 지연']
const WALLETS = ['KAKAOPAY', 'NAVERPAY', 'SAMSUNGPAY', 'PAYCO']
const ONLINE_HOUR_WEIGHTS = [1, 0.5, 0.3, 0.2, 0.2, 0.3, 0.6, 1, 1.5, 2, 2.5, 2.5, 3, 2.5, 2.5, 2.5, 2.5, 2.5, 3, 3.5, 4, 4, 3, 2]
const INPERSON_HOURS = [10, 11, 12, 13, 14, 15, 16, 17, 18]
const INPERSON_HOUR_WEIGHTS = [0.7, 1, 1.5, 1.4, 1.1, 1, 1, 1.1, 0.8]
const HOURS_24 = Array.from({ length: 24 }, (_, i) => i)
const TENDER_MIX: { kind: TenderKind; weight: number }[] = [
  { kind: 'CARD', weight: 45 },
  { kind: 'CASH', weight: 15 },
  { kind: 'MOBILE_WALLET', weight: 12 },
  { kind: 'CULTURE_NURI', weight: 10 },
  { kind: 'LOCAL_GIFT', weight: 12 },
  { kind: 'ONNURI', weight: 6 },
]
const VOUCHER_OF_KIND: Partial<Record<TenderKind, VoucherCode>> = { CULTURE_NURI: 'CULTURE_NURI', LOCAL_GIFT: 'GWANAK_LOVE', ONNURI: 'ONNURI' }

/** Cumulative-weight product pool for fast weighted picks. */
class Pool {
  readonly items: number[]
  private readonly cumulative: number[]
  constructor(items: number[], popularity: readonly number[]) {
    this.items = items
    let acc = 0
    this.cumulative = items.map((i) => (acc += popularity[i]))
  }
  pick(rng: Rng): number {
    const total = this.cumulative[this.cumulative.length - 1]
    const r = rng.next() * total
    let lo = 0
    let hi = this.cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.cumulative[mid] > r) hi = mid
      else lo = mid + 1
    }
    return this.items[lo]
  }
}

interface SaleContext {
  channel: Channel
  locationIndex: number
  eventIndex: number | null
  pool: Pool
  culturePool: Pool | null
  dayNumber: number
}

export class HistoryGenerator {
  private readonly popularity: number[]
  private readonly vendorUserIndexByEnterprise: number[]
  constructor(
    private readonly rng: Rng,
    popularity: number[],
    vendorUserIndexByEnterprise: number[],
    private readonly cashierUserIndex: number,
  ) {
    this.popularity = popularity
    this.vendorUserIndexByEnterprise = vendorUserIndexByEnterprise
  }

  pool(enterpriseIndexes: readonly number[] | null, activeOnly: boolean): { pool: Pool; culturePool: Pool | null } {
    const set = enterpriseIndexes ? new Set(enterpriseIndexes) : null
    const items: number[] = []
    PRODUCTS.forEach((p, i) => {
      if ((!set || set.has(p.enterpriseIndex)) && (p.active || !activeOnly)) items.push(i)
    })
    const culture = items.filter((i) => lineVoucherEligible(i, 'CULTURE_NURI'))
    return { pool: new Pool(items, this.popularity), culturePool: culture.length ? new Pool(culture, this.popularity) : null }
  }

  sale(ctx: SaleContext): SaleDraft {
    const rng = this.rng
    const online = ctx.channel === 'ONLINE'
    let primary: TenderKind = online ? 'ONLINE_CARD' : rng.weighted(TENDER_MIX.map((t) => t.kind), TENDER_MIX.map((t) => t.weight))
    if (primary === 'CULTURE_NURI' && !ctx.culturePool) primary = 'CARD'

    // Basket: 1–5 distinct products (culture-card shoppers start from an eligible item).
    const lineCount = online ? rng.weighted([1, 2, 3, 4, 5], [30, 30, 20, 12, 8]) : rng.weighted([1, 2, 3, 4, 5], [58, 26, 10, 4, 2])
    const chosen: number[] = []
    if (primary === 'CULTURE_NURI') chosen.push(ctx.culturePool!.pick(rng))
    for (let tries = 0; chosen.length < lineCount && tries < 20; tries++) {
      const p = ctx.pool.pick(rng)
      if (!chosen.includes(p)) chosen.push(p)
    }
    const lines: LineDraft[] = chosen.map((productIndex) => {
      const product = PRODUCTS[productIndex]
      const quantity = rng.weighted([1, 2, 3], product.priceWon <= 6000 ? [72, 22, 6] : [90, 8, 2])
      const gross = product.priceWon * quantity
      // festival-day promotion: 10% off some lines, rounded down to 100 won
      const discountWon = ctx.channel === 'FESTIVAL' && rng.chance(0.08) ? Math.floor(gross / 10 / 100) * 100 : 0
      return { productIndex, quantity, unitPriceWon: product.priceWon, discountWon, lineTotalWon: gross - discountWon }
    })
    let taxableWon = 0
    let exemptWon = 0
    let subtotalWon = 0
    let discountWon = 0
    for (const line of lines) {
      const product = PRODUCTS[line.productIndex]
      subtotalWon += line.unitPriceWon * line.quantity
      discountWon += line.discountWon
      if (product.vatExempt) exemptWon += line.lineTotalWon
      else taxableWon += line.lineTotalWon
    }
    const totalWon = taxableWon + exemptWon

    // Tenders: a voucher pays the lines it is valid for, the rest goes on a card or cash.
    const plan: { kind: TenderKind; amountWon: number; voucher: VoucherCode | null; basis: Map<number, number> | null }[] = []
    const voucher = VOUCHER_OF_KIND[primary] ?? null
    if (voucher) {
      const eligible = new Map<number, number>()
      let eligibleWon = 0
      lines.forEach((line) => {
        if (!lineVoucherEligible(line.productIndex, voucher)) return
        const e = PRODUCTS[line.productIndex].enterpriseIndex
        eligible.set(e, (eligible.get(e) ?? 0) + line.lineTotalWon)
        eligibleWon += line.lineTotalWon
      })
      if (eligibleWon > 0) plan.push({ kind: primary, amountWon: eligibleWon, voucher, basis: eligible })
      if (eligibleWon < totalWon) plan.push({ kind: rng.chance(0.4) ? 'CASH' : 'CARD', amountWon: totalWon - eligibleWon, voucher: null, basis: null })
    } else if (!online && primary !== 'MOBILE_WALLET' && totalWon >= 5000 && rng.chance(0.05)) {
      const cash = Math.max(1000, Math.floor((totalWon * (0.2 + rng.next() * 0.5)) / 1000) * 1000)
      plan.push({ kind: 'CASH', amountWon: cash, voucher: null, basis: null })
      plan.push({ kind: 'CARD', amountWon: totalWon - cash, voucher: null, basis: null })
    } else {
      plan.push({ kind: primary, amountWon: totalWon, voucher: null, basis: null })
    }
    // Allocation to enterprises happens when rows are built (sales-rows.ts), as for a live sale.
    const tenders: TenderDraft[] = plan.map((t) => ({ kind: t.kind, amountWon: t.amountWon, voucher: t.voucher, eligibleWon: t.basis, reference: this.reference(t.kind) }))

    // When and who.
    const hour = online ? rng.weighted(HOURS_24, ONLINE_HOUR_WEIGHTS) : rng.weighted(INPERSON_HOURS, INPERSON_HOUR_WEIGHTS)
    const occurredAt = seoulInstant(ctx.dayNumber, hour, rng.int(0, 59), rng.int(0, 59))
    const firstEnterprise = PRODUCTS[lines[0].productIndex].enterpriseIndex
    let cashierUserIndex: number | null = null
    if (!online) {
      const marketStaffDesk = ctx.locationIndex === PLAZA_INDEXES[0] || ctx.channel === 'FESTIVAL'
      cashierUserIndex = marketStaffDesk && rng.chance(0.5) ? this.cashierUserIndex : this.vendorUserIndexByEnterprise[firstEnterprise]
    }
    const fulfilment: Fulfilment = online ? (rng.chance(0.65) ? 'DELIVERY' : 'PICKUP') : 'IN_PERSON'
    const customerName = online ? rng.pick(DEMO_CUSTOMERS) : null
    const customerPhone = online ? `010-0000-${String(rng.int(0, 9999)).padStart(4, '0')}` : null
    const deliveryAddress = fulfilment === 'DELIVERY' ? `서울특별시 관악구 ${rng.pick(DEMO_STREETS)} ${rng.int(1, 300)} (데모)` : null
    const cashReceiptId =
      tenders.some((t) => t.kind === 'CASH') && rng.chance(0.3) ? `010-0000-${String(rng.int(0, 9999)).padStart(4, '0')}` : null

    return {
      channel: ctx.channel, locationIndex: ctx.locationIndex, eventIndex: ctx.eventIndex, occurredAt, fulfilment, cashierUserIndex,
      lines, tenders, subtotalWon, discountWon, totalWon, taxableWon, exemptWon, customerName, customerPhone, deliveryAddress,
      cashReceiptId, status: 'COMPLETED', refund: null, removed: false,
    }
  }

  private reference(kind: TenderKind): string | null {
    const rng = this.rng
    const digits = (n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('')
    switch (kind) {
      case 'CARD': return `APPR-${digits(8)}`
      case 'MOBILE_WALLET': return `${rng.pick(WALLETS)}-${digits(10)}`
      case 'CULTURE_NURI': return `NURI-${digits(8)}`
      case 'LOCAL_GIFT': return rng.chance(0.6) ? `ZEROPAY-${digits(10)}` : `GWANAK-${digits(10)}`
      case 'ONNURI': return `ONNURI-${digits(10)}`
      default: return null // cash; online card refs are set once sale ids are known
    }
  }

  maybeRefund(sale: SaleDraft, before: Date): void {
    const rng = this.rng
    if (!rng.chance(REFUND_RATE)) return
    const full = sale.lines.length === 1 || rng.chance(0.5)
    const lineIndexes = full ? sale.lines.map((_, i) => i) : [sale.lines.length - 1]
    const amountWon = lineIndexes.reduce((sum, i) => sum + sale.lines[i].lineTotalWon, 0)
    let at = new Date(sale.occurredAt.getTime() + rng.int(10, 3 * 24 * 60) * 60_000)
    if (at >= before) at = new Date(sale.occurredAt.getTime() + 10 * 60_000)
    if (at >= before) return
    sale.refund = { lineIndexes, amountWon, reason: rng.pick(REFUND_REASONS), at }
    sale.status = full ? 'REFUNDED' : 'PARTIALLY_REFUNDED'
  }
}

interface YearHistory {
  year: number
  sales: SaleDraft[]
}

export function generateYear(
  gen: HistoryGenerator,
  rng: Rng,
  year: number,
  budgetWon: number,
  events: EventPlan[],
  eventIndexOffset: number,
  untilDn: number,
  todayStart: Date,
  calibrate: boolean,
): YearHistory {
  const isPast = (dn: number) => dn < untilDn
  const activeOnly = seoulDayNumber(todayStart) - dayNumber(year, 12, 31) <= 0 // this year: only active products
  const sales: SaleDraft[] = []
  const runDay = (ctxBase: Omit<SaleContext, 'dayNumber'>, dn: number, dayBudget: number) => {
    let acc = 0
    while (acc < dayBudget) {
      const sale = gen.sale({ ...ctxBase, dayNumber: dn })
      gen.maybeRefund(sale, todayStart)
      acc += sale.totalWon
      sales.push(sale)
    }
  }

  // ONLINE: most days, peaks before Seollal/Chuseok and in December.
  const first = dayNumber(year, 1, 1)
  const last = dayNumber(year, 12, 31)
  const { seollal, chuseok } = holidaysOf(year)
  const onlineWeights: number[] = []
  for (let dn = first; dn <= last; dn++) {
    const { m, weekday } = ymdOf(dn)
    let w = 0.7 + rng.next() * 0.6
    if (weekday === 0 || weekday === 6) w *= 0.8
    if (m === 12) w *= 1.6
    for (const h of [seollal, chuseok]) {
      if (dn >= h - 14 && dn < h - 2) w *= 2.5
      if (dn >= h - 1 && dn <= h + 1) w *= 0.15
    }
    if (rng.chance(0.06)) w = 0 // a few quiet days without orders
    onlineWeights.push(w)
  }
  const onlinePool = gen.pool(null, activeOnly)
  const onlineTotalWeight = onlineWeights.reduce((a, b) => a + b, 0)
  for (let dn = first; dn <= last; dn++) {
    const w = onlineWeights[dn - first]
    if (w > 0 && isPast(dn))
      runDay({ channel: 'ONLINE', locationIndex: ONLINE_INDEX, eventIndex: null, ...onlinePool }, dn, (budgetWon * CHANNEL_SHARE.ONLINE * w) / onlineTotalWeight)
  }

  // PLAZA: market days, three stalls, each selling its assigned enterprises.
  const plaza = plazaDays(year, events)
  const plazaWeights = plaza.map((dn) => {
    const { m } = ymdOf(dn)
    return (0.8 + rng.next() * 0.4) * (m === 5 || m === 9 || m === 10 ? 1.2 : 1)
  })
  const plazaTotalWeight = plazaWeights.reduce((a, b) => a + b, 0)
  const stallPools = PLAZA_INDEXES.map((_, s) =>
    gen.pool(ENTERPRISES.flatMap((e, i) => (e.stall === s + 1 ? [i] : [])), activeOnly),
  )
  plaza.forEach((dn, k) => {
    if (!isPast(dn)) return
    const dayBudget = (budgetWon * CHANNEL_SHARE.PLAZA * plazaWeights[k]) / plazaTotalWeight
    PLAZA_INDEXES.forEach((locationIndex, s) =>
      runDay({ channel: 'PLAZA', locationIndex, eventIndex: null, ...stallPools[s] }, dn, dayBudget / 3),
    )
  })

  // POPUP and FESTIVAL events.
  const dayShape = [0.8, 1.25, 0.95]
  const popups = events.filter((e) => e.kind === 'POPUP')
  events.forEach((event, k) => {
    const share = event.kind === 'FESTIVAL' ? CHANNEL_SHARE.FESTIVAL : CHANNEL_SHARE.POPUP / popups.length
    const pools = gen.pool(event.enterpriseIndexes, activeOnly)
    for (let d = 0; d < event.days; d++) {
      const dn = event.firstDay + d
      if (!isPast(dn)) continue
      runDay(
        { channel: event.kind, locationIndex: event.locationIndex, eventIndex: eventIndexOffset + k, ...pools },
        dn,
        (budgetWon * share * dayShape[d % 3]) / 3,
      )
    }
  })

  if (calibrate) {
    // Land the completed total within ±0.5% of the budget by adding or dropping online orders.
    const completed = () => sales.reduce((sum, s) => sum + (!s.removed && s.status === 'COMPLETED' ? s.totalWon : 0), 0)
    let total = completed()
    const lowerAim = budgetWon * 0.998
    const upperAim = budgetWon * 1.002
    const onlineDays: number[] = []
    for (let dn = first; dn <= last; dn++) if (onlineWeights[dn - first] > 0 && isPast(dn)) onlineDays.push(dn)
    for (let guard = 0; total < lowerAim && guard < 10_000 && onlineDays.length; guard++) {
      const sale = gen.sale({ channel: 'ONLINE', locationIndex: ONLINE_INDEX, eventIndex: null, ...onlinePool, dayNumber: rng.pick(onlineDays) })
      if (total + sale.totalWon > upperAim) continue
      sales.push(sale)
      total += sale.totalWon
    }
    const removable = sales.filter((s) => s.channel === 'ONLINE' && s.status === 'COMPLETED')
    for (let guard = 0; total > upperAim && guard < 10_000 && removable.length; guard++) {
      const sale = removable.splice(Math.floor(rng.next() * removable.length), 1)[0]
      if (total - sale.totalWon < lowerAim) continue
      sale.removed = true
      total -= sale.totalWon
    }
  }
  return { year, sales: sales.filter((s) => !s.removed) }
}
