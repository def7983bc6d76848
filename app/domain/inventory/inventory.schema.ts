// zod schemas for every stock operation's input, shared by forms, JSON endpoints and sockets.
import { z } from 'zod'

const id = z.coerce.number().int().positive()
const quantity = z.coerce.number({ message: 'Enter a whole number' }).int('Enter a whole number').positive('Must be at least 1').max(100_000)

export const receiveSchema = z.object({
  productId: id,
  locationId: id,
  quantity,
  reason: z.string().trim().max(200).optional(),
})

export const adjustSchema = z.object({
  productId: id,
  locationId: id,
  delta: z.coerce
    .number({ message: 'Enter a whole number' })
    .int('Enter a whole number')
    .min(-100_000)
    .max(100_000)
    .refine((value) => value !== 0, 'An adjustment changes the count'),
  reason: z.string().trim().min(3, 'Say why the count changes').max(200),
})

export const transferLineSchema = z.object({ productId: id, quantity })
export const createTransferSchema = z
  .object({
    fromLocationId: id,
    toLocationId: id,
    note: z.string().trim().max(200).optional(),
    lines: z.array(transferLineSchema).min(1, 'Add at least one product').max(200),
  })
  .refine((t) => t.fromLocationId !== t.toLocationId, { message: 'Choose two different locations', path: ['toLocationId'] })
  .refine((t) => new Set(t.lines.map((l) => l.productId)).size === t.lines.length, { message: 'Each product once', path: ['lines'] })

export const receiveTransferSchema = z.object({
  transferId: id,
  lines: z.array(z.object({ productId: id, receivedQuantity: z.coerce.number().int().min(0).max(100_000) })).min(1),
})

export const reserveSchema = z.object({
  checkoutId: z.string().trim().min(8).max(64),
  lines: z.array(z.object({ productId: id, quantity: quantity.max(1000) })).min(1).max(100),
  ttlMinutes: z.coerce.number().int().min(1).max(120).default(15),
})

export const returnSchema = z.object({
  productId: id,
  locationId: id,
  quantity,
  disposition: z.enum(['RESTOCK', 'WRITE_OFF']),
  reason: z.string().trim().max(200).optional(),
  saleId: id.optional(),
  refundId: id.optional(),
})

export const resolveShortfallSchema = z.object({
  movementId: id,
  resolution: z.string().trim().min(3, 'Say how it was resolved').max(300),
})

export const movementFilterSchema = z.object({
  productId: id.optional(),
  locationId: id.optional(),
  kind: z
    .enum(['RECEIVE', 'ADJUST', 'SALE', 'RETURN_RESTOCK', 'RETURN_WRITE_OFF', 'TRANSFER_OUT', 'TRANSFER_IN', 'RESERVE', 'RELEASE', 'RESERVATION_SALE', 'OFFLINE_SHORTFALL'])
    .optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  beforeId: id.optional(),
})
