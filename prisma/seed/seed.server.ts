// The deterministic demo seed: catalogue, places, events, vouchers, users, opening stock and about two
// years of sales history. Everything is derived from `today` and seeded PRNG streams (never
// Math.random / Date.now), so two runs with the same `today` write identical business rows.
// Secrets are the exception: scrypt hashes carry random salts by design.
// This module fills the fixed rows (catalogue, places, events, vouchers, users, targets, opening
// stock) and puts the jobs together: history.ts drafts the sales, sales-rows.ts turns them into the
// app's own sale rows, bulk-insert.ts writes them; images.ts and reset.ts do the rest.
import { createHash } from 'node:crypto'
import type { Db } from '../../app/db/client.server.ts'
import { hashSecret } from '../../app/domain/auth/password.server.ts'
import { hashNewPin } from '../../app/domain/auth/sign-in.server.ts'
import type { Prisma } from '../../app/generated/prisma/sqlite/client.ts'
import type { Channel, EventStatus } from '../../app/generated/prisma/sqlite/enums.ts'
import { seoulDayNumber, seoulInstant } from '../../app/lib/seoul-time.ts'
import { bulkInsert, detectProvider, resetSequences } from './bulk-insert.ts'
import { DAY_MS, dayNumber, isoDay, ymdOf } from './calendar.ts'
import { CATEGORIES, ENTERPRISES, LOCATIONS, PRODUCTS, VOUCHER_PROGRAMMES, type ProductSeed } from './catalog-data.ts'
import { generateYear, HistoryGenerator, LOCATION_INDEX, ONLINE_INDEX, planEvents, PLAZA_INDEXES } from './history.ts'
import { writeProductImages } from './images.ts'
import { Rng } from './random.ts'
import { historyRows } from './sales-rows.ts'

export { PRODUCT_IMAGES_DIR, writeProductImages } from './images.ts'
export { resetDatabase } from './reset.ts'

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
const TARGETS = {
  lastYear: { total: 280_000_000, channels: { PLAZA: 140_000_000, ONLINE: 70_000_000, POPUP: 35_000_000, FESTIVAL: 35_000_000 } },
  thisYear: { total: 330_000_000, channels: { PLAZA: 160_000_000, ONLINE: 90_000_000, POPUP: 40_000_000, FESTIVAL: 40_000_000 } },
} as const

export function sha256hex(text: string): string {
  return createHash('sha256').update(text).digest('hex')
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
  const todayDn = seoulDayNumber(options.today)
  const todayStart = seoulInstant(todayDn)
  const thisYear = ymdOf(todayDn).y
  const lastYear = thisYear - 1
  const catalogueSince = seoulInstant(dayNumber(lastYear - 1, 3, 2), 9) // the market's records begin the spring before last year
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
    activeFrom: l.kind === 'FESTIVAL' ? seoulInstant(festivalThis.firstDay - 7) : null,
    activeUntil: l.kind === 'FESTIVAL' ? seoulInstant(festivalThis.firstDay + festivalThis.days + 3) : null,
    active: true, createdAt: catalogueSince,
  }))
  const events: Prisma.EventCreateManyInput[] = allEvents.map((e, i) => {
    const lastDay = e.firstDay + e.days - 1
    const status: EventStatus = lastDay < todayDn ? 'CLOSED' : e.firstDay <= todayDn ? 'OPEN' : 'PLANNED'
    return {
      id: i + 1, slug: e.slug, kind: e.kind, status, nameKo: e.nameKo, nameEn: e.nameEn,
      startsAt: seoulInstant(e.firstDay, 10), endsAt: seoulInstant(lastDay, 19), createdAt: seoulInstant(e.firstDay - 45, 9),
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
    { id: 1, year: lastYear, amountWon: TARGETS.lastYear.total, createdAt: seoulInstant(dayNumber(lastYear, 1, 2), 9), updatedAt: seoulInstant(dayNumber(lastYear, 1, 2), 9) },
    { id: 2, year: thisYear, amountWon: TARGETS.thisYear.total, createdAt: seoulInstant(dayNumber(thisYear, 1, 2), 9), updatedAt: seoulInstant(dayNumber(thisYear, 1, 2), 9) },
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

  const { sales, saleLines, tenders, tenderAllocations, payments, refunds, refundLines, salesWonByYear } = historyRows(drafts, {
    voucherId, deviceIdByLocation, organizerId: ORGANIZER_ID,
  })
  for (const year of [lastYear, thisYear]) salesWonByYear[year] ??= 0
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
  if (provider === 'postgresql') await resetSequences(db, ID_TABLES)

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

export type { ProductSeed }
