// The deterministic demo seed: catalogue, places, events, vouchers, users, opening stock and about two
// years of sales history. Everything is derived from `today` and seeded PRNG streams (never
// Math.random / Date.now), so two runs with the same `today` write identical business rows.
// Secrets are the exception: scrypt hashes carry random salts by design.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Db } from '../../app/db/client.server.ts'
import { hashSecret } from '../../app/domain/auth/password.server.ts'
import { hashNewPin } from '../../app/domain/auth/sign-in.server.ts'
import type { Prisma } from '../../app/generated/prisma/sqlite/client.ts'
import type { Channel, EventStatus, Fulfilment, SaleStatus, TenderKind } from '../../app/generated/prisma/sqlite/enums.ts'
import {
  CATEGORIES,
  ENTERPRISES,
  LOCATIONS,
  LUNAR_HOLIDAYS,
  PRODUCTS,
  VOUCHER_PROGRAMMES,
  type ProductSeed,
  type VoucherCode,
} from './catalog-data.ts'
import { productImageSvg } from './placeholder-art.ts'

const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const PRODUCT_IMAGES_DIR = join(PROJECT_ROOT, 'public', 'images', 'products')

export interface SeedOptions {
  /** The seed's "now": history runs up to (not including) this day (KST). */
  today: Date
  /** Detected when omitted. */
  provider?: 'sqlite' | 'postgresql'
  /** Write the placeholder SVGs (default true); tests pass false. */
  writeImages?: boolean
  imagesDir?: string
}

export interface SeedSummary {
  today: string
  counts: Record<string, number>
  /** Sum of Sale.totalWon of COMPLETED sales, by calendar year (KST). */
  salesWonByYear: Record<number, number>
  imagesWritten: number
}

// Demo credentials (also documented in the README).
export const DEMO_ACCOUNTS = {
  organizer: { email: 'organizer@dream-market.example', password: 'organizer-demo-1', name: '데모 운영자' },
  vendor1: { email: 'vendor1@dream-market.example', password: 'vendor-demo-1', posHandle: 'vendor1', pin: '135790' },
  vendor2: { email: 'vendor2@dream-market.example', password: 'vendor-demo-2', posHandle: 'vendor2', pin: '246801' },
  cashier: { name: '데모 캐셔', posHandle: 'cashier1', pin: '258046' },
  pairingCode: 'PLAZA-1-DEMO',
} as const

/** Last year's completed sales land within ±0.5% of this (DOMAIN.md: "about ₩300 million"). */
export const LAST_YEAR_SALES_WON = 300_000_000
const THIS_YEAR_GROWTH = 1.08
const CHANNEL_SHARE: Record<Channel, number> = { PLAZA: 0.5, ONLINE: 0.27, POPUP: 0.115, FESTIVAL: 0.115 }
const TARGETS = {
  lastYear: { total: 280_000_000, channels: { PLAZA: 140_000_000, ONLINE: 70_000_000, POPUP: 35_000_000, FESTIVAL: 35_000_000 } },
  thisYear: { total: 330_000_000, channels: { PLAZA: 160_000_000, ONLINE: 90_000_000, POPUP: 40_000_000, FESTIVAL: 40_000_000 } },
} as const
const REFUND_RATE = 0.01

// ───────────────────────────── Deterministic randomness ─────────────────────────────

function fnv1a(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

export class Rng {
  private state: number
  constructor(seed: number | string) {
    this.state = typeof seed === 'string' ? fnv1a(seed) : seed >>> 0
  }
  /** mulberry32: uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }
  chance(p: number): boolean {
    return this.next() < p
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]
  }
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0
    for (const w of weights) total += w
    let r = this.next() * total
    for (let i = 0; i < items.length; i++) {
      r -= weights[i]
      if (r < 0) return items[i]
    }
    return items[items.length - 1]
  }
  /** k distinct items, in a deterministic shuffled order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items]
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      ;[copy[i], copy[j]] = [copy[j], copy[i]]
    }
    return copy.slice(0, Math.min(k, copy.length))
  }
}

// ───────────────────────────── KST calendar helpers ─────────────────────────────

const KST_OFFSET_MS = 9 * 3600_000
const DAY_MS = 86_400_000

/** Day number (days since 1970-01-01) of a KST calendar date. */
function dayNumber(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / DAY_MS
}
function ymdOf(dn: number): { y: number; m: number; d: number; weekday: number } {
  const date = new Date(dn * DAY_MS)
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate(), weekday: date.getUTCDay() }
}
/** The instant of a KST wall-clock time on day `dn`. */
function kstAt(dn: number, hour = 0, minute = 0, second = 0): Date {
  return new Date(dn * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 - KST_OFFSET_MS)
}
function kstDayNumberOf(date: Date): number {
  return Math.floor((date.getTime() + KST_OFFSET_MS) / DAY_MS)
}
/** n-th (1-based) given weekday of a month. */
function nthWeekday(y: number, m: number, weekday: number, n: number): number {
  const first = dayNumber(y, m, 1)
  const offset = (weekday - ymdOf(first).weekday + 7) % 7
  return first + offset + (n - 1) * 7
}
function isoDay(dn: number): string {
  const { y, m, d } = ymdOf(dn)
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}
function holidaysOf(year: number): { seollal: number; chuseok: number } {
  const known = LUNAR_HOLIDAYS[year]
  const parse = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number)
    return dayNumber(y, m, d)
  }
  if (known) return { seollal: parse(known.seollal), chuseok: parse(known.chuseok) }
  return { seollal: dayNumber(year, 2, 1), chuseok: dayNumber(year, 9, 20) }
}

export function sha256hex(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** Split `amount` over `basis` in proportion, as integers summing exactly to `amount` (largest remainder). */
export function allocateLargestRemainder(amount: number, basis: readonly number[]): number[] {
  const total = basis.reduce((a, b) => a + b, 0)
  if (total <= 0) {
    const out = basis.map(() => 0)
    if (out.length) out[0] = amount
    return out
  }
  const raw = basis.map((b) => (amount * b) / total)
  const out = raw.map(Math.floor)
  let left = amount - out.reduce((a, b) => a + b, 0)
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac || a.i - b.i)
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k].i]++
  return out
}

// ───────────────────────────── Drafts ─────────────────────────────

interface LineDraft {
  productIndex: number
  quantity: number
  unitPriceWon: number
  discountWon: number
  lineTotalWon: number
}
interface TenderDraft {
  kind: TenderKind
  amountWon: number
  voucher: VoucherCode | null
  /** per enterprise index → amount */
  allocations: Map<number, number>
  reference: string | null
}
interface RefundDraft {
  lineIndexes: number[]
  amountWon: number
  reason: string
  at: Date
}
interface SaleDraft {
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

interface EventPlan {
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

const LOCATION_INDEX = Object.fromEntries(LOCATIONS.map((l, i) => [l.code, i])) as Record<string, number>
const PLAZA_INDEXES = [LOCATION_INDEX['PLAZA-1'], LOCATION_INDEX['PLAZA-2'], LOCATION_INDEX['PLAZA-3']]
const ONLINE_INDEX = LOCATION_INDEX['ONLINE-WH']
const FESTIVAL_INDEX = LOCATION_INDEX['FESTIVAL-1']
const CULTURE_CATEGORIES = new Set<string>(VOUCHER_PROGRAMMES.find((v) => v.code === 'CULTURE_NURI')!.eligibleCategories)

function lineVoucherEligible(productIndex: number, voucher: VoucherCode): boolean {
  const product = PRODUCTS[productIndex]
  const enterprise = ENTERPRISES[product.enterpriseIndex]
  if (!enterprise.vouchers.includes(voucher)) return false
  return voucher !== 'CULTURE_NURI' || CULTURE_CATEGORIES.has(product.categorySlug)
}

function planEvents(year: number): EventPlan[] {
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

class HistoryGenerator {
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
    const dueByEnterprise = new Map<number, number>()
    for (const line of lines) {
      const product = PRODUCTS[line.productIndex]
      subtotalWon += line.unitPriceWon * line.quantity
      discountWon += line.discountWon
      if (product.vatExempt) exemptWon += line.lineTotalWon
      else taxableWon += line.lineTotalWon
      dueByEnterprise.set(product.enterpriseIndex, (dueByEnterprise.get(product.enterpriseIndex) ?? 0) + line.lineTotalWon)
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
    const enterpriseOrder = [...dueByEnterprise.keys()].sort((a, b) => a - b)
    const tenders: TenderDraft[] = plan.map((t, k) => {
      const allocations = new Map<number, number>()
      const last = k === plan.length - 1
      const basis = enterpriseOrder.map((e) => (t.basis ? (t.basis.get(e) ?? 0) : dueByEnterprise.get(e)!))
      const amounts = last ? enterpriseOrder.map((e) => dueByEnterprise.get(e)!) : allocateLargestRemainder(t.amountWon, basis)
      enterpriseOrder.forEach((e, i) => {
        if (amounts[i] > 0) allocations.set(e, amounts[i])
        dueByEnterprise.set(e, dueByEnterprise.get(e)! - amounts[i])
      })
      return { kind: t.kind, amountWon: t.amountWon, voucher: t.voucher, allocations, reference: this.reference(t.kind) }
    })

    // When and who.
    const hour = online ? rng.weighted(HOURS_24, ONLINE_HOUR_WEIGHTS) : rng.weighted(INPERSON_HOURS, INPERSON_HOUR_WEIGHTS)
    const occurredAt = kstAt(ctx.dayNumber, hour, rng.int(0, 59), rng.int(0, 59))
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

function generateYear(
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
  const activeOnly = kstDayNumberOf(todayStart) - dayNumber(year, 12, 31) <= 0 // this year: only active products
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

// ───────────────────────────── Files ─────────────────────────────

/** Write each product's SVG only when missing or different, atomically. Returns how many were written. */
export function writeProductImages(dir: string = PRODUCT_IMAGES_DIR): number {
  mkdirSync(dir, { recursive: true })
  let written = 0
  for (const product of PRODUCTS) {
    const file = join(dir, `${product.sku}.svg`)
    const svg = productImageSvg(product)
    if (existsSync(file) && readFileSync(file, 'utf8') === svg) continue
    const tmp = `${file}.${process.pid}.tmp`
    writeFileSync(tmp, svg)
    renameSync(tmp, file)
    written++
  }
  return written
}

// ───────────────────────────── Database ─────────────────────────────

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0]

/** Prisma's own text encoding of DateTime in SQLite, so seeded rows read back exactly like app-written ones. */
function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace('Z', '+00:00')
  if (typeof value === 'boolean') return value ? 1 : 0
  return value ?? null
}

/** Enum-typed columns of the bulk-inserted tables: PostgreSQL needs an explicit cast for text parameters. */
const PG_ENUM_COLUMNS: Record<string, Record<string, string>> = {
  StockMovement: { kind: 'StockMovementKind' },
  Sale: { channel: 'Channel', status: 'SaleStatus', fulfilment: 'Fulfilment' },
  Tender: { kind: 'TenderKind' },
  Payment: { provider: 'PaymentProvider', status: 'PaymentStatus' },
}

/**
 * Bulk insert for the big history tables with multi-row INSERTs through $executeRawUnsafe: several
 * times faster than createMany, whose per-row cost in the query compiler dominated the seed
 * (~130 µs/row on SQLite, 50 s for the history on PostgreSQL). Every row of a table carries the same keys.
 */
async function bulkInsert<T extends object>(tx: Tx, provider: 'sqlite' | 'postgresql', table: string, rows: T[]): Promise<void> {
  if (rows.length === 0) return
  const columns = Object.keys(rows[0])
  // SQLite allows 32,766 bound parameters per statement, PostgreSQL 65,535.
  const size = Math.floor(30_000 / columns.length)
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(',')}) VALUES `
  const enums = PG_ENUM_COLUMNS[table] ?? {}
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size)
    const params: unknown[] = []
    const tuples: string[] = []
    for (const row of chunk) {
      const record = row as Record<string, unknown>
      if (Object.keys(record).length !== columns.length) throw new Error(`bulkInsert ${table}: rows must share one shape`)
      const marks: string[] = []
      for (const column of columns) {
        const value = record[column]
        if (provider === 'sqlite') {
          params.push(sqliteValue(value))
          marks.push('?')
        } else {
          // ISO text cast to timestamp: Prisma keeps DateTime as UTC wall time in `timestamp(3)` columns
          params.push(value instanceof Date ? value.toISOString() : (value ?? null))
          const n = `$${params.length}`
          marks.push(enums[column] ? `${n}::"${enums[column]}"` : value instanceof Date ? `${n}::timestamp` : n)
        }
      }
      tuples.push(`(${marks.join(',')})`)
    }
    await tx.$executeRawUnsafe(head + tuples.join(','), ...params)
  }
}

async function detectProvider(db: Db): Promise<'sqlite' | 'postgresql'> {
  const engine = db as unknown as { _engineConfig?: { activeProvider?: string }; _activeProvider?: string }
  const named = engine._engineConfig?.activeProvider ?? engine._activeProvider
  if (named === 'postgresql' || named === 'postgres') return 'postgresql'
  if (named === 'sqlite') return 'sqlite'
  try {
    await db.$queryRawUnsafe('SELECT sqlite_version()')
    return 'sqlite'
  } catch {
    return 'postgresql'
  }
}

/** Tables that receive explicit ids, in insertion order (their PG sequences are reset afterwards). */
const ID_TABLES = [
  'Category', 'Enterprise', 'Product', 'ProductImage', 'Location', 'User', 'PosDevice', 'Event', 'VoucherProgramme',
  'SalesTarget', 'SalesTargetChannel', 'StockLevel', 'StockMovement', 'Sale', 'SaleLine', 'Tender', 'TenderAllocation',
  'Payment', 'Refund', 'RefundLine',
] as const

export async function seedDatabase(db: Db, options: SeedOptions): Promise<SeedSummary> {
  const existing = await db.enterprise.count()
  if (existing > 0) throw new Error(`seedDatabase needs an empty database, but Enterprise already has ${existing} rows (use --reset to start over)`)
  const provider = options.provider ?? (await detectProvider(db))

  // ── Time frame ──
  const todayDn = kstDayNumberOf(options.today)
  const todayStart = kstAt(todayDn)
  const thisYear = ymdOf(todayDn).y
  const lastYear = thisYear - 1
  const catalogueSince = kstAt(dayNumber(lastYear - 1, 3, 2), 9) // the market's records begin the spring before last year
  const openingAt = new Date(todayStart.getTime() - 2 * 3600_000)

  // ── Secrets (hash each distinct secret once) ──
  const [organizerPw, vendor1Pw, vendor2Pw, vendor1Pin, vendor2Pin, cashierPin] = await Promise.all([
    hashSecret(DEMO_ACCOUNTS.organizer.password),
    hashSecret(DEMO_ACCOUNTS.vendor1.password),
    hashSecret(DEMO_ACCOUNTS.vendor2.password),
    hashNewPin(DEMO_ACCOUNTS.vendor1.pin),
    hashNewPin(DEMO_ACCOUNTS.vendor2.pin),
    hashNewPin(DEMO_ACCOUNTS.cashier.pin),
  ])

  // ── Fixed rows ──
  const categoryId = new Map(CATEGORIES.map((c, i) => [c.slug, i + 1]))
  const categories: Prisma.CategoryCreateManyInput[] = CATEGORIES.map((c, i) => ({ id: i + 1, slug: c.slug, nameKo: c.nameKo, nameEn: c.nameEn, position: i }))
  const enterprises: Prisma.EnterpriseCreateManyInput[] = ENTERPRISES.map((e, i) => {
    const at = new Date(catalogueSince.getTime() + i * DAY_MS)
    return {
      id: i + 1, slug: e.slug, nameKo: e.nameKo, nameEn: e.nameEn, type: e.type, status: 'ACTIVE',
      businessRegistrationNo: e.businessRegistrationNo, certificationNo: e.certificationNo, storyKo: e.storyKo, storyEn: e.storyEn,
      contactName: e.contactName, contactPhone: e.contactPhone, contactEmail: e.contactEmail, createdAt: at, updatedAt: at,
    }
  })
  const products: Prisma.ProductCreateManyInput[] = PRODUCTS.map((p, i) => {
    const at = new Date(catalogueSince.getTime() + (p.enterpriseIndex + 1) * DAY_MS)
    return {
      id: i + 1, enterpriseId: p.enterpriseIndex + 1, categoryId: categoryId.get(p.categorySlug)!, sku: p.sku, barcode: p.barcode,
      nameKo: p.nameKo, nameEn: p.nameEn, descriptionKo: p.descriptionKo, descriptionEn: p.descriptionEn, priceWon: p.priceWon,
      vatExempt: p.vatExempt, active: p.active, createdAt: at, updatedAt: at,
    }
  })
  const productImages: Prisma.ProductImageCreateManyInput[] = PRODUCTS.map((p, i) => ({
    id: i + 1, productId: i + 1, url: `/images/products/${p.sku}.svg`, altKo: p.nameKo, altEn: p.nameEn, position: 0,
  }))

  const eventsLast = planEvents(lastYear)
  const eventsThis = planEvents(thisYear)
  const allEvents = [...eventsLast, ...eventsThis]
  const festivalThis = eventsThis.find((e) => e.kind === 'FESTIVAL')!
  const locations: Prisma.LocationCreateManyInput[] = LOCATIONS.map((l, i) => ({
    id: i + 1, code: l.code, kind: l.kind, nameKo: l.nameKo, nameEn: l.nameEn, address: l.address, fulfilsOnline: l.fulfilsOnline,
    activeFrom: l.kind === 'FESTIVAL' ? kstAt(festivalThis.firstDay - 7) : null,
    activeUntil: l.kind === 'FESTIVAL' ? kstAt(festivalThis.firstDay + festivalThis.days + 3) : null,
    active: true, createdAt: catalogueSince,
  }))
  const events: Prisma.EventCreateManyInput[] = allEvents.map((e, i) => {
    const lastDay = e.firstDay + e.days - 1
    const status: EventStatus = lastDay < todayDn ? 'CLOSED' : e.firstDay <= todayDn ? 'OPEN' : 'PLANNED'
    return {
      id: i + 1, slug: e.slug, kind: e.kind, status, nameKo: e.nameKo, nameEn: e.nameEn,
      startsAt: kstAt(e.firstDay, 10), endsAt: kstAt(lastDay, 19), createdAt: kstAt(e.firstDay - 45, 9),
    }
  })
  const eventLocations: Prisma.EventLocationCreateManyInput[] = allEvents.map((e, i) => ({ eventId: i + 1, locationId: e.locationIndex + 1 }))
  const eventEnterprises: Prisma.EventEnterpriseCreateManyInput[] = allEvents.flatMap((e, i) =>
    e.enterpriseIndexes.map((ei) => ({ eventId: i + 1, enterpriseId: ei + 1 })),
  )

  // Users: organizer, vendor1, vendor2, cashier, then one staff member for every other enterprise.
  const users: Prisma.UserCreateManyInput[] = [
    { id: 1, email: DEMO_ACCOUNTS.organizer.email, name: DEMO_ACCOUNTS.organizer.name, role: 'ORGANIZER', passwordHash: organizerPw, createdAt: catalogueSince, updatedAt: catalogueSince },
    { id: 2, email: DEMO_ACCOUNTS.vendor1.email, name: ENTERPRISES[0].contactName, role: 'VENDOR', enterpriseId: 1, passwordHash: vendor1Pw, posHandle: DEMO_ACCOUNTS.vendor1.posHandle, pinHash: vendor1Pin, createdAt: catalogueSince, updatedAt: catalogueSince },
    { id: 3, email: DEMO_ACCOUNTS.vendor2.email, name: ENTERPRISES[1].contactName, role: 'VENDOR', enterpriseId: 2, passwordHash: vendor2Pw, posHandle: DEMO_ACCOUNTS.vendor2.posHandle, pinHash: vendor2Pin, createdAt: catalogueSince, updatedAt: catalogueSince },
    { id: 4, email: null, name: DEMO_ACCOUNTS.cashier.name, role: 'CASHIER', enterpriseId: null, posHandle: DEMO_ACCOUNTS.cashier.posHandle, pinHash: cashierPin, createdAt: catalogueSince, updatedAt: catalogueSince },
  ]
  const vendorUserIdByEnterprise: number[] = ENTERPRISES.map((_, i) => (i === 0 ? 2 : i === 1 ? 3 : 0))
  ENTERPRISES.forEach((e, i) => {
    if (i < 2) return
    const id = users.length + 1
    users.push({ id, email: null, name: e.contactName, role: 'VENDOR', enterpriseId: i + 1, createdAt: catalogueSince, updatedAt: catalogueSince })
    vendorUserIdByEnterprise[i] = id
  })
  const CASHIER_ID = 4
  const ORGANIZER_ID = 1

  const deviceIdByLocation = new Map<number, number>()
  const devices: Prisma.PosDeviceCreateManyInput[] = []
  LOCATIONS.forEach((l, i) => {
    if (!l.deviceName) return
    const id = devices.length + 1
    deviceIdByLocation.set(i, id)
    devices.push({
      id, name: l.deviceName, locationId: i + 1, tokenHash: null,
      pairingCodeHash: l.code === 'PLAZA-1' ? sha256hex(DEMO_ACCOUNTS.pairingCode) : null,
      // Real codes live 15 minutes; the published demo code outlives a demo (derived from the seeded day, so runs stay identical).
      pairingCodeExpiresAt: l.code === 'PLAZA-1' ? new Date(todayStart.getTime() + 5 * 365 * 86_400_000) : null,
      active: true, createdAt: catalogueSince,
    })
  })

  const voucherId = new Map(VOUCHER_PROGRAMMES.map((v, i) => [v.code, i + 1]))
  const voucherProgrammes: Prisma.VoucherProgrammeCreateManyInput[] = VOUCHER_PROGRAMMES.map((v, i) => ({
    id: i + 1, code: v.code, nameKo: v.nameKo, nameEn: v.nameEn, tenderKind: v.tenderKind, reimbursementDays: v.reimbursementDays,
    eligibleCategories: v.eligibleCategories.join(','), active: true,
  }))
  const voucherEligibility: Prisma.VoucherEligibilityCreateManyInput[] = VOUCHER_PROGRAMMES.flatMap((v) =>
    ENTERPRISES.flatMap((e, i) => (e.vouchers.includes(v.code) ? [{ programmeId: voucherId.get(v.code)!, enterpriseId: i + 1 }] : [])),
  )

  const salesTargets: Prisma.SalesTargetCreateManyInput[] = [
    { id: 1, year: lastYear, amountWon: TARGETS.lastYear.total, createdAt: kstAt(dayNumber(lastYear, 1, 2), 9), updatedAt: kstAt(dayNumber(lastYear, 1, 2), 9) },
    { id: 2, year: thisYear, amountWon: TARGETS.thisYear.total, createdAt: kstAt(dayNumber(thisYear, 1, 2), 9), updatedAt: kstAt(dayNumber(thisYear, 1, 2), 9) },
  ]
  const salesTargetChannels: Prisma.SalesTargetChannelCreateManyInput[] = []
  for (const [targetId, target] of [[1, TARGETS.lastYear], [2, TARGETS.thisYear]] as const)
    for (const [channel, amountWon] of Object.entries(target.channels))
      salesTargetChannels.push({ id: salesTargetChannels.length + 1, targetId, channel: channel as Channel, amountWon })

  // ── Opening stock: one RECEIVE movement per level, so on hand = sum of movements ──
  const stockRng = new Rng('stock')
  const stockLevels: Prisma.StockLevelCreateManyInput[] = []
  const stockMovements: Prisma.StockMovementCreateManyInput[] = []
  const stock = (productIndex: number, locationIndex: number, onHand: number) => {
    const id = stockLevels.length + 1
    stockLevels.push({ id, productId: productIndex + 1, locationId: locationIndex + 1, onHand, reserved: 0, updatedAt: openingAt })
    stockMovements.push({
      id, productId: productIndex + 1, locationId: locationIndex + 1, kind: 'RECEIVE', onHandDelta: onHand, reservedDelta: 0,
      onHandAfter: onHand, reservedAfter: 0, reason: '초기 재고 (seed)', actorUserId: ORGANIZER_ID, createdAt: openingAt,
    })
  }
  PRODUCTS.forEach((p, i) => p.active && stock(i, ONLINE_INDEX, stockRng.int(10, 80)))
  PLAZA_INDEXES.forEach((locationIndex, s) =>
    PRODUCTS.forEach((p, i) => p.active && ENTERPRISES[p.enterpriseIndex].stall === s + 1 && stock(i, locationIndex, stockRng.int(5, 30))),
  )
  for (const code of ['POPUP-1', 'POPUP-2', 'FESTIVAL-1']) {
    const locationIndex = LOCATION_INDEX[code]
    const participants = new Set(eventsThis.filter((e) => e.locationIndex === locationIndex).flatMap((e) => e.enterpriseIndexes))
    PRODUCTS.forEach((p, i) => {
      if (p.active && participants.has(p.enterpriseIndex) && stockRng.chance(0.6))
        stock(i, locationIndex, code === 'FESTIVAL-1' ? stockRng.int(5, 40) : stockRng.int(3, 20))
    })
  }

  // ── Sales history ──
  const catalogueRng = new Rng('catalogue')
  const popularity = PRODUCTS.map((p) => {
    const r = catalogueRng.next()
    return (0.4 + 2.6 * r * r) / Math.pow(p.priceWon / 8000, 0.9)
  })
  // The generator works with user ids directly (index = id).
  const historyLast = new HistoryGenerator(new Rng(`history-${lastYear}`), popularity, vendorUserIdByEnterprise, CASHIER_ID)
  const historyThis = new HistoryGenerator(new Rng(`history-${thisYear}`), popularity, vendorUserIdByEnterprise, CASHIER_ID)
  const years = [
    generateYear(historyLast, new Rng(`plan-${lastYear}`), lastYear, LAST_YEAR_SALES_WON, eventsLast, 0, todayDn, todayStart, true),
    generateYear(historyThis, new Rng(`plan-${thisYear}`), thisYear, LAST_YEAR_SALES_WON * THIS_YEAR_GROWTH, eventsThis, eventsLast.length, todayDn, todayStart, false),
  ]
  const drafts = years.flatMap((y) => y.sales)
  // chronological ids; stable for equal instants (Array.prototype.sort is stable)
  drafts.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())

  const sales: Prisma.SaleCreateManyInput[] = []
  const saleLines: Prisma.SaleLineCreateManyInput[] = []
  const tenders: Prisma.TenderCreateManyInput[] = []
  const tenderAllocations: Prisma.TenderAllocationCreateManyInput[] = []
  const payments: Prisma.PaymentCreateManyInput[] = []
  const refunds: Prisma.RefundCreateManyInput[] = []
  const refundLines: Prisma.RefundLineCreateManyInput[] = []
  const salesWonByYear: Record<number, number> = { [lastYear]: 0, [thisYear]: 0 }
  let codeDay = -1
  let codeSeq = 0
  for (const d of drafts) {
    const id = sales.length + 1
    const dn = kstDayNumberOf(d.occurredAt)
    if (dn !== codeDay) {
      codeDay = dn
      codeSeq = 0
    }
    codeSeq++
    const { y, m, d: day } = ymdOf(dn)
    const code = `DM-${String(y % 100).padStart(2, '0')}${String(m).padStart(2, '0')}${String(day).padStart(2, '0')}-${String(codeSeq).padStart(4, '0')}`
    const vatWon = Math.round(d.taxableWon / 11)
    if (d.status === 'COMPLETED') salesWonByYear[y] = (salesWonByYear[y] ?? 0) + d.totalWon
    sales.push({
      id, clientId: `seed-${id}`, code, channel: d.channel, status: d.status, locationId: d.locationIndex + 1,
      eventId: d.eventIndex === null ? null : d.eventIndex + 1,
      deviceId: d.channel === 'ONLINE' ? null : (deviceIdByLocation.get(d.locationIndex) ?? null),
      cashierId: d.cashierUserIndex, fulfilment: d.fulfilment, recordedOffline: false,
      subtotalWon: d.subtotalWon, discountWon: d.discountWon, totalWon: d.totalWon, taxableWon: d.taxableWon, vatWon, exemptWon: d.exemptWon,
      customerName: d.customerName, customerPhone: d.customerPhone, deliveryAddress: d.deliveryAddress, cashReceiptId: d.cashReceiptId,
      occurredAt: d.occurredAt, createdAt: d.occurredAt, updatedAt: d.refund ? d.refund.at : d.occurredAt,
    })
    const lineIds: number[] = []
    for (const line of d.lines) {
      const product = PRODUCTS[line.productIndex]
      const lineId = saleLines.length + 1
      lineIds.push(lineId)
      saleLines.push({
        id: lineId, saleId: id, productId: line.productIndex + 1, enterpriseId: product.enterpriseIndex + 1, quantity: line.quantity,
        unitPriceWon: line.unitPriceWon, discountWon: line.discountWon, lineTotalWon: line.lineTotalWon, vatExempt: product.vatExempt,
      })
    }
    for (const t of d.tenders) {
      const tenderId = tenders.length + 1
      const reference = t.kind === 'ONLINE_CARD' ? `pi_seed_${id}` : t.reference
      tenders.push({
        id: tenderId, saleId: id, kind: t.kind, amountWon: t.amountWon, voucherProgrammeId: t.voucher ? voucherId.get(t.voucher)! : null,
        reference, createdAt: d.occurredAt,
      })
      for (const [enterpriseIndex, amountWon] of [...t.allocations].sort((a, b) => a[0] - b[0]))
        tenderAllocations.push({ id: tenderAllocations.length + 1, tenderId, enterpriseId: enterpriseIndex + 1, amountWon })
      if (t.kind === 'ONLINE_CARD')
        payments.push({
          id: payments.length + 1, saleId: id, provider: 'STRIPE', providerRef: `pi_seed_${id}`, amountWon: t.amountWon, status: 'SUCCEEDED',
          createdAt: d.occurredAt, updatedAt: d.occurredAt,
        })
    }
    if (d.refund) {
      const refundId = refunds.length + 1
      refunds.push({
        id: refundId, clientId: `seed-refund-${refundId}`, saleId: id, amountWon: d.refund.amountWon, reason: `${d.refund.reason} (seed)`,
        providerRef: d.channel === 'ONLINE' ? `re_seed_${refundId}` : null,
        createdById: d.channel === 'ONLINE' ? ORGANIZER_ID : (d.cashierUserIndex ?? ORGANIZER_ID), createdAt: d.refund.at,
      })
      for (const li of d.refund.lineIndexes)
        refundLines.push({
          id: refundLines.length + 1, refundId, saleLineId: lineIds[li], quantity: d.lines[li].quantity, amountWon: d.lines[li].lineTotalWon,
          restock: false, // historic refunds: stock levels are today's opening balances
        })
    }
  }

  // ── Write ──
  await db.$transaction(
    async (tx) => {
      await tx.category.createMany({ data: categories })
      await tx.enterprise.createMany({ data: enterprises })
      await tx.product.createMany({ data: products })
      await tx.productImage.createMany({ data: productImages })
      await tx.location.createMany({ data: locations })
      await tx.user.createMany({ data: users })
      await tx.posDevice.createMany({ data: devices })
      await tx.event.createMany({ data: events })
      await tx.eventLocation.createMany({ data: eventLocations })
      await tx.eventEnterprise.createMany({ data: eventEnterprises })
      await tx.voucherProgramme.createMany({ data: voucherProgrammes })
      await tx.voucherEligibility.createMany({ data: voucherEligibility })
      await tx.salesTarget.createMany({ data: salesTargets })
      await tx.salesTargetChannel.createMany({ data: salesTargetChannels })
      await bulkInsert(tx, provider, 'StockLevel', stockLevels)
      await bulkInsert(tx, provider, 'StockMovement', stockMovements)
      await bulkInsert(tx, provider, 'Sale', sales)
      await bulkInsert(tx, provider, 'SaleLine', saleLines)
      await bulkInsert(tx, provider, 'Tender', tenders)
      await bulkInsert(tx, provider, 'TenderAllocation', tenderAllocations)
      await bulkInsert(tx, provider, 'Payment', payments)
      await bulkInsert(tx, provider, 'Refund', refunds)
      await bulkInsert(tx, provider, 'RefundLine', refundLines)
    },
    { timeout: 300_000, maxWait: 30_000 },
  )
  if (provider === 'postgresql') {
    for (const table of ID_TABLES)
      await db.$queryRawUnsafe(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT MAX(id) FROM "${table}"))`)
  }

  const imagesWritten = options.writeImages === false ? 0 : writeProductImages(options.imagesDir)

  return {
    today: isoDay(todayDn),
    counts: {
      Category: categories.length, Enterprise: enterprises.length, Product: products.length, ProductImage: productImages.length,
      Location: locations.length, User: users.length, PosDevice: devices.length, Event: events.length,
      EventLocation: eventLocations.length, EventEnterprise: eventEnterprises.length, VoucherProgramme: voucherProgrammes.length,
      VoucherEligibility: voucherEligibility.length, SalesTarget: salesTargets.length, SalesTargetChannel: salesTargetChannels.length,
      StockLevel: stockLevels.length, StockMovement: stockMovements.length, Sale: sales.length, SaleLine: saleLines.length,
      Tender: tenders.length, TenderAllocation: tenderAllocations.length, Payment: payments.length, Refund: refunds.length,
      RefundLine: refundLines.length,
    },
    salesWonByYear,
    imagesWritten,
  }
}

/** Delete every row, children first (for `db:seed --reset` and tests). */
export async function resetDatabase(db: Db): Promise<void> {
  await db.$transaction(
    async (tx) => {
      await tx.auditLog.deleteMany()
      await tx.settlement.deleteMany()
      await tx.stockMovement.deleteMany()
      await tx.reservation.deleteMany()
      await tx.refundLine.deleteMany()
      await tx.refund.deleteMany()
      await tx.payment.deleteMany()
      await tx.tenderAllocation.deleteMany()
      await tx.tender.deleteMany()
      await tx.saleLine.deleteMany()
      await tx.sale.deleteMany()
      await tx.registerSession.deleteMany()
      await tx.transferLine.deleteMany()
      await tx.transfer.deleteMany()
      await tx.stockLevel.deleteMany()
      await tx.session.deleteMany()
      await tx.posDevice.deleteMany()
      await tx.user.deleteMany()
      await tx.eventEnterprise.deleteMany()
      await tx.eventLocation.deleteMany()
      await tx.event.deleteMany()
      await tx.voucherEligibility.deleteMany()
      await tx.voucherProgramme.deleteMany()
      await tx.salesTargetChannel.deleteMany()
      await tx.salesTarget.deleteMany()
      await tx.productImage.deleteMany()
      await tx.product.deleteMany()
      await tx.category.deleteMany()
      await tx.location.deleteMany()
      await tx.enterprise.deleteMany()
    },
    { timeout: 300_000, maxWait: 30_000 },
  )
}

export type { ProductSeed }
