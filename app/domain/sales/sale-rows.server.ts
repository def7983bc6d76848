// The one builder of a sale's rows (Sale, SaleLine, Tender, TenderAllocation) and of how their
// values are bound in SQL. Every writer goes through it: the SQLite hot path (sqlite-sale.server.ts),
// the Prisma paths (record-sale.server.ts) and the demo seed (prisma/seed/sales-history.ts, in
// batches), so seeded history and live sales are the same rows by construction.
import { Prisma } from '../../generated/prisma/sqlite/client.ts'
import type { SaleStatus } from '../../generated/prisma/sqlite/enums.ts'
import type { PricedSale } from './pricing.server.ts'

/** Column order of each table's insert (the writers bind values in this order). */
export const SALE_COLUMNS = [
  'clientId', 'code', 'channel', 'status', 'locationId', 'eventId', 'deviceId', 'cashierId', 'registerSessionId', 'fulfilment',
  'recordedOffline', 'subtotalWon', 'discountWon', 'totalWon', 'taxableWon', 'vatWon', 'exemptWon', 'customerName', 'customerPhone',
  'deliveryAddress', 'cashReceiptId', 'occurredAt', 'createdAt', 'updatedAt',
] as const
/** Without "saleId": each writer links the line to its sale its own way. */
export const LINE_COLUMNS = ['productId', 'enterpriseId', 'quantity', 'unitPriceWon', 'discountWon', 'lineTotalWon', 'vatExempt'] as const
/** Without "saleId". */
export const TENDER_COLUMNS = ['kind', 'amountWon', 'voucherProgrammeId', 'reference', 'createdAt'] as const
/** Without "tenderId". */
export const ALLOCATION_COLUMNS = ['enterpriseId', 'amountWon'] as const

/** PostgreSQL enum type of the enum-typed columns that raw SQL writes (these rows, the ledger's, the seed's). */
export const PG_ENUMS: Record<string, Record<string, string>> = {
  Sale: { channel: 'Channel', status: 'SaleStatus', fulfilment: 'Fulfilment' },
  Tender: { kind: 'TenderKind' },
  StockMovement: { kind: 'StockMovementKind' },
  Payment: { provider: 'PaymentProvider', status: 'PaymentStatus' },
}

export type SqlValue = string | number | boolean | Date | null
export type Row<Columns extends readonly string[]> = Record<Columns[number], SqlValue>

export interface SaleRows {
  sale: Row<typeof SALE_COLUMNS>
  lines: Row<typeof LINE_COLUMNS>[]
  tenders: { tender: Row<typeof TENDER_COLUMNS>; allocations: Row<typeof ALLOCATION_COLUMNS>[] }[]
}

/**
 * A priced sale as the rows it is stored as. `at` is when the rows are written (the seed writes
 * history "as of" the sale); `status` and `updatedAt` differ from a new sale only for seeded refunds.
 */
export function buildSaleRows(priced: PricedSale, at: { now: Date; status?: SaleStatus; updatedAt?: Date }): SaleRows {
  const { sale } = priced
  return {
    sale: { ...sale, status: at.status ?? 'COMPLETED', createdAt: at.now, updatedAt: at.updatedAt ?? at.now },
    lines: priced.lines.map((l) => ({
      productId: l.productId, enterpriseId: l.enterpriseId, quantity: l.quantity, unitPriceWon: l.unitPriceWon,
      discountWon: l.discountWon, lineTotalWon: l.lineTotalWon, vatExempt: l.vatExempt,
    })),
    tenders: priced.tenders.map((t) => ({
      tender: { kind: t.kind, amountWon: t.amountWon, voucherProgrammeId: t.voucherProgrammeId, reference: t.reference, createdAt: at.now },
      allocations: [...t.allocations].map(([enterpriseId, amountWon]) => ({ enterpriseId, amountWon })),
    })),
  }
}

/** A row's values in its columns' order. */
export function valuesOf<Columns extends readonly string[]>(row: Row<Columns>, columns: Columns): SqlValue[] {
  return columns.map((column: Columns[number]) => row[column])
}

/** Dates and booleans exactly as Prisma's SQLite adapter stores them, so raw-written rows read back like Prisma's. */
export function sqliteValue(value: SqlValue | undefined): string | number | null {
  if (value instanceof Date) return value.toISOString().replace('Z', '+00:00')
  if (typeof value === 'boolean') return value ? 1 : 0
  return value ?? null
}

/**
 * One bound value for raw SQL through Prisma (Prisma.sql numbers the placeholders per provider).
 * PostgreSQL needs casts for text bound to enum columns, and gets dates as ISO text cast to
 * `timestamp`, because Prisma keeps DateTime as UTC wall time in `timestamp(3)` columns.
 */
export function boundValue(kind: 'sqlite' | 'postgresql', value: SqlValue | undefined, pgEnum?: string): Prisma.Sql {
  if (kind === 'sqlite') return Prisma.sql`${sqliteValue(value)}`
  if (pgEnum && value !== null && value !== undefined) return Prisma.sql`${value}::${Prisma.raw(`"${pgEnum}"`)}`
  if (value instanceof Date) return Prisma.sql`${value.toISOString()}::timestamp`
  return Prisma.sql`${value ?? null}`
}

/** `"a", "b", …` for trusted column names (ours, never input). */
export function columnList(columns: readonly string[]): Prisma.Sql {
  return Prisma.raw(columns.map((c) => `"${c}"`).join(', '))
}
