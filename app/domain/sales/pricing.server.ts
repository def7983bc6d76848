// Pricing a sale: prices from catalog facts (never from the client), the VAT split of Korean
// VAT-inclusive prices, and each tender split across the enterprises of a multi-vendor basket.
import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { SaleFacts } from './catalog-facts.server.ts'
import type { saleInputSchema } from './sale.schema.ts'

export class SaleRuleError extends Error {
  constructor(
    readonly code: 'UNKNOWN_PRODUCT' | 'UNKNOWN_LOCATION' | 'TENDER_MISMATCH' | 'DISCOUNT_TOO_LARGE' | 'CHECKOUT_MISMATCH',
    message: string,
  ) {
    super(message)
    this.name = 'SaleRuleError'
  }
  toJSON() {
    return { code: this.code, message: this.message }
  }
}

/** Korean prices include 10% VAT: the VAT inside a taxable amount. */
export function vatIncluded(taxableWon: number): number {
  return Math.round(taxableWon / 11)
}

/** Splits `amount` in proportion to `basis`, in integers that add up exactly (largest remainder). */
export function splitProportionally(amount: number, basis: readonly number[]): number[] {
  const total = basis.reduce((sum, b) => sum + b, 0)
  if (total === 0) return basis.map((_, i) => (i === 0 ? amount : 0))
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

const seoulDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: '2-digit', month: '2-digit', day: '2-digit' })

export function saleCode(clientId: string, at: Date): string {
  const day = seoulDay.format(at).replace(/-/g, '')
  const digest = createHash('sha256').update(clientId).digest('hex').slice(0, 8).toUpperCase()
  return `DM-${day}-${digest}`
}

export interface PricedLine {
  productId: number
  enterpriseId: number
  quantity: number
  unitPriceWon: number
  discountWon: number
  lineTotalWon: number
  vatExempt: boolean
}

export interface SaleRow {
  clientId: string
  code: string
  channel: string
  locationId: number
  eventId: number | null
  deviceId: number | null
  cashierId: number | null
  registerSessionId: number | null
  fulfilment: string
  recordedOffline: boolean
  subtotalWon: number
  discountWon: number
  totalWon: number
  taxableWon: number
  vatWon: number
  exemptWon: number
  customerName: string | null
  customerPhone: string | null
  deliveryAddress: string | null
  cashReceiptId: string | null
  occurredAt: Date
}

export interface TenderRow {
  kind: string
  amountWon: number
  reference: string | null
  voucherProgrammeId: number | null
  allocations: Map<number, number>
}

export interface PricedSale {
  sale: SaleRow
  lines: PricedLine[]
  tenders: TenderRow[]
}

/** Prices a sale from catalog facts (never from prices the client sent) and splits its tenders. */
export function priceSale(
  input: z.output<typeof saleInputSchema>,
  facts: SaleFacts,
  context: { cashierId?: number | null; deviceId?: number | null; registerSessionId?: number | null },
): PricedSale {
  if (!facts.channel) throw new SaleRuleError('UNKNOWN_LOCATION', `no location ${input.locationId}`)
  const lines: PricedLine[] = input.lines.map((line) => {
    const product = facts.products.get(line.productId)
    if (!product) throw new SaleRuleError('UNKNOWN_PRODUCT', `product ${line.productId} is not for sale`)
    const gross = product.priceWon * line.quantity
    if (line.discountWon > gross) throw new SaleRuleError('DISCOUNT_TOO_LARGE', `discount exceeds the line total of product ${line.productId}`)
    return { productId: line.productId, enterpriseId: product.enterpriseId, quantity: line.quantity, unitPriceWon: product.priceWon, discountWon: line.discountWon, lineTotalWon: gross - line.discountWon, vatExempt: product.vatExempt }
  })
  const taxableWon = lines.filter((l) => !l.vatExempt).reduce((sum, l) => sum + l.lineTotalWon, 0)
  const exemptWon = lines.filter((l) => l.vatExempt).reduce((sum, l) => sum + l.lineTotalWon, 0)
  const totalWon = taxableWon + exemptWon
  const discountWon = lines.reduce((sum, l) => sum + l.discountWon, 0)
  const tendered = input.tenders.reduce((sum, t) => sum + t.amountWon, 0)
  if (tendered !== totalWon) throw new SaleRuleError('TENDER_MISMATCH', `tenders add up to ${tendered} won, the sale is ${totalWon} won`)

  const byEnterprise = new Map<number, number>()
  for (const line of lines) byEnterprise.set(line.enterpriseId, (byEnterprise.get(line.enterpriseId) ?? 0) + line.lineTotalWon)
  const enterprises = [...byEnterprise.keys()]
  const tenders = input.tenders.map((tender) => {
    const parts = splitProportionally(tender.amountWon, enterprises.map((e) => byEnterprise.get(e)!))
    return {
      kind: tender.kind,
      amountWon: tender.amountWon,
      reference: tender.reference ?? null,
      voucherProgrammeId: tender.voucherProgrammeId ?? null,
      allocations: new Map(enterprises.map((e, i) => [e, parts[i]])),
    }
  })
  const occurredAt = input.occurredAt ?? new Date()
  const sale: SaleRow = {
    clientId: input.clientId,
    code: saleCode(input.clientId, occurredAt),
    channel: facts.channel,
    locationId: input.locationId,
    eventId: input.eventId ?? null,
    deviceId: context.deviceId ?? null,
    cashierId: context.cashierId ?? null,
    registerSessionId: context.registerSessionId ?? null,
    fulfilment: input.fulfilment,
    recordedOffline: input.recordedOffline,
    subtotalWon: totalWon + discountWon,
    discountWon,
    totalWon,
    taxableWon,
    vatWon: vatIncluded(taxableWon),
    exemptWon,
    customerName: input.customerName ?? null,
    customerPhone: input.customerPhone ?? null,
    deliveryAddress: input.deliveryAddress ?? null,
    cashReceiptId: input.cashReceiptId ?? null,
    occurredAt,
  }
  return { sale, lines, tenders }
}
