// The history drafts as database rows, through the app's own sale builder and allocation
// (app/domain/sales/sale-rows.server.ts, allocation.ts): seeded sales are the rows a live sale
// writes, plus explicit ids so the whole history can be inserted in batches.
import type { Prisma } from '../../app/generated/prisma/sqlite/client.ts'
import { allocateTenders } from '../../app/domain/sales/allocation.ts'
import { dueByEnterprise, vatIncluded, type PricedLine, type PricedSale } from '../../app/domain/sales/pricing.server.ts'
import { buildSaleRows } from '../../app/domain/sales/sale-rows.server.ts'
import { seoulDayNumber, seoulIsoDay } from '../../app/lib/seoul-time.ts'
import { PRODUCTS } from './catalog-data.ts'
import type { SaleDraft } from './history.ts'

export interface HistoryRows {
  sales: Prisma.SaleCreateManyInput[]
  saleLines: Prisma.SaleLineCreateManyInput[]
  tenders: Prisma.TenderCreateManyInput[]
  tenderAllocations: Prisma.TenderAllocationCreateManyInput[]
  payments: Prisma.PaymentCreateManyInput[]
  refunds: Prisma.RefundCreateManyInput[]
  refundLines: Prisma.RefundLineCreateManyInput[]
  /** Sum of Sale.totalWon of COMPLETED sales, by calendar year (Seoul). */
  salesWonByYear: Record<number, number>
}

export interface HistoryIds {
  voucherId: ReadonlyMap<string, number>
  deviceIdByLocation: ReadonlyMap<number, number>
  organizerId: number
}

/** A draft priced as a live sale would be: ids for indexes, tenders allocated by the app's one policy. */
export function pricedDraft(d: SaleDraft, saleId: number, code: string, ids: HistoryIds): PricedSale {
  const lines: PricedLine[] = d.lines.map((line) => {
    const product = PRODUCTS[line.productIndex]
    return {
      productId: line.productIndex + 1, enterpriseId: product.enterpriseIndex + 1, quantity: line.quantity, unitPriceWon: line.unitPriceWon,
      discountWon: line.discountWon, lineTotalWon: line.lineTotalWon, vatExempt: product.vatExempt,
    }
  })
  const byId = (byIndex: Map<number, number> | null) => (byIndex ? new Map([...byIndex].map(([index, won]) => [index + 1, won])) : null)
  const allocations = allocateTenders(dueByEnterprise(lines), d.tenders.map((t) => ({ amountWon: t.amountWon, eligibleWon: byId(t.eligibleWon) })))
  return {
    sale: {
      clientId: `seed-${saleId}`, code, channel: d.channel, locationId: d.locationIndex + 1, eventId: d.eventIndex === null ? null : d.eventIndex + 1,
      deviceId: d.channel === 'ONLINE' ? null : (ids.deviceIdByLocation.get(d.locationIndex) ?? null), cashierId: d.cashierUserIndex,
      registerSessionId: null, fulfilment: d.fulfilment, recordedOffline: false, subtotalWon: d.subtotalWon, discountWon: d.discountWon,
      totalWon: d.totalWon, taxableWon: d.taxableWon, vatWon: vatIncluded(d.taxableWon), exemptWon: d.exemptWon, customerName: d.customerName,
      customerPhone: d.customerPhone, deliveryAddress: d.deliveryAddress, cashReceiptId: d.cashReceiptId, occurredAt: d.occurredAt,
    },
    lines,
    tenders: d.tenders.map((t, i) => ({
      kind: t.kind, amountWon: t.amountWon, voucherProgrammeId: t.voucher ? ids.voucherId.get(t.voucher)! : null,
      reference: t.kind === 'ONLINE_CARD' ? `pi_seed_${saleId}` : t.reference, allocations: allocations[i],
    })),
  }
}

/** Rows of the chronologically sorted drafts; ids follow that order, codes count per Seoul day. */
export function historyRows(drafts: readonly SaleDraft[], ids: HistoryIds): HistoryRows {
  const out: HistoryRows = { sales: [], saleLines: [], tenders: [], tenderAllocations: [], payments: [], refunds: [], refundLines: [], salesWonByYear: {} }
  let codeDay = -1
  let codeSeq = 0
  for (const d of drafts) {
    const id = out.sales.length + 1
    const dn = seoulDayNumber(d.occurredAt)
    if (dn !== codeDay) {
      codeDay = dn
      codeSeq = 0
    }
    codeSeq++
    const day = seoulIsoDay(d.occurredAt)
    const code = `DM-${day.slice(2).replace(/-/g, '')}-${String(codeSeq).padStart(4, '0')}`
    if (d.status === 'COMPLETED') {
      const year = Number(day.slice(0, 4))
      out.salesWonByYear[year] = (out.salesWonByYear[year] ?? 0) + d.totalWon
    }
    const rows = buildSaleRows(pricedDraft(d, id, code, ids), { now: d.occurredAt, status: d.status, updatedAt: d.refund ? d.refund.at : d.occurredAt })
    out.sales.push({ id, ...(rows.sale as Omit<Prisma.SaleCreateManyInput, 'id'>) })
    const lineIds: number[] = []
    for (const line of rows.lines) {
      const lineId = out.saleLines.length + 1
      lineIds.push(lineId)
      out.saleLines.push({ id: lineId, saleId: id, ...(line as Omit<Prisma.SaleLineCreateManyInput, 'id' | 'saleId'>) })
    }
    for (const { tender, allocations } of rows.tenders) {
      const tenderId = out.tenders.length + 1
      out.tenders.push({ id: tenderId, saleId: id, ...(tender as Omit<Prisma.TenderCreateManyInput, 'id' | 'saleId'>) })
      for (const allocation of allocations) out.tenderAllocations.push({ id: out.tenderAllocations.length + 1, tenderId, ...(allocation as { enterpriseId: number; amountWon: number }) })
      if (tender.kind === 'ONLINE_CARD')
        out.payments.push({
          id: out.payments.length + 1, saleId: id, provider: 'STRIPE', providerRef: `pi_seed_${id}`, amountWon: tender.amountWon as number, status: 'SUCCEEDED',
          createdAt: d.occurredAt, updatedAt: d.occurredAt,
        })
    }
    if (d.refund) {
      const refundId = out.refunds.length + 1
      out.refunds.push({
        id: refundId, clientId: `seed-refund-${refundId}`, saleId: id, amountWon: d.refund.amountWon, reason: `${d.refund.reason} (seed)`,
        providerRef: d.channel === 'ONLINE' ? `re_seed_${refundId}` : null,
        createdById: d.channel === 'ONLINE' ? ids.organizerId : (d.cashierUserIndex ?? ids.organizerId), createdAt: d.refund.at,
      })
      for (const li of d.refund.lineIndexes)
        out.refundLines.push({
          id: out.refundLines.length + 1, refundId, saleLineId: lineIds[li], quantity: d.lines[li].quantity, amountWon: d.lines[li].lineTotalWon,
          restock: false, // historic refunds: stock levels are today's opening balances
        })
    }
  }
  return out
}
