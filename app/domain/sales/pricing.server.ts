// Pricing a sale: prices from catalog facts (never from the client), the VAT split of Korean
// VAT-inclusive prices, and every tender allocated to the enterprises it pays (allocation.ts).
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { seoulIsoDay } from '../../lib/seoul-time.ts'
import { DomainError } from '../domain-error.ts'
import { allocateTenders } from './allocation.ts'
import type { SaleFacts } from './catalog-facts.server.ts'
import type { saleInputSchema } from './sale.schema.ts'

type SaleRuleCode = 'UNKNOWN_PRODUCT' | 'UNKNOWN_LOCATION' | 'TENDER_MISMATCH' | 'DISCOUNT_TOO_LARGE' | 'CHECKOUT_MISMATCH'

export class SaleRuleError extends DomainError<SaleRuleCode> {
  constructor(code: SaleRuleCode, message: string) {
    super(code, message, code === 'CHECKOUT_MISMATCH' ? 409 : 400)
  }
}

/** Korean prices include 10% VAT: the VAT inside a taxable amount. */
export function vatIncluded(taxableWon: number): number {
  return Math.round(taxableWon / 11)
}

/** DM-YYMMDD-XXXXXXXX: the Seoul day of the sale and a digest of its client id. */
export function saleCode(clientId: string, at: Date): string {
  const day = seoulIsoDay(at).slice(2).replace(/-/g, '')
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

/** What each enterprise of a basket is owed: the sum of its line totals. */
export function dueByEnterprise(lines: readonly Pick<PricedLine, 'enterpriseId' | 'lineTotalWon'>[]): Map<number, number> {
  const due = new Map<number, number>()
  for (const line of lines) due.set(line.enterpriseId, (due.get(line.enterpriseId) ?? 0) + line.lineTotalWon)
  return due
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

  const allocations = allocateTenders(dueByEnterprise(lines), input.tenders)
  const tenders = input.tenders.map((tender, i) => ({
    kind: tender.kind,
    amountWon: tender.amountWon,
    reference: tender.reference ?? null,
    voucherProgrammeId: tender.voucherProgrammeId ?? null,
    allocations: allocations[i],
  }))
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
