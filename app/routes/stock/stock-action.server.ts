// How stock actions answer, in the one shape of every form (app/lib/action-errors.server.ts): field
// errors with 400 (bad input, out of stock), a refused state change with 409, not found with 404,
// another enterprise's goods with 403. Anything else is a bug and is rethrown.
import { data } from 'react-router'
import type { ZodError } from 'zod'
import { forbidden, type EnterpriseScope } from '../../domain/auth/permissions.server'
import { DomainError, type FormOutcome } from '../../domain/domain-error'
import type { Db } from '../../db/client.server'
import { checkProductScope, locationsExist, type ScopeCheck } from '../../domain/inventory/stock-views.server'
import { domainFailure, fieldRefused, invalidInput } from '../../lib/action-errors.server'

export function invalid(intent: string, error: ZodError) {
  return invalidInput(error, intent)
}

export function fieldError(intent: string, field: string, message: string) {
  return fieldRefused(field, message, intent)
}

/** 'forbidden' throws 403; 'unknown' answers a field error; 'ok' returns null. */
export function scopeRefusal(intent: string, check: ScopeCheck, field: string) {
  if (check === 'forbidden') forbidden('Not your enterprise’s product')
  if (check === 'unknown') return fieldError(intent, field, 'Unknown')
  return null
}

/** Refuses a receive/adjust on another enterprise's product (403) or on unknown ids (400); null when fine. */
export async function targetRefusal(intent: string, target: { db: Db; scope: EnterpriseScope; productId: number; locationId: number }) {
  const refusal = scopeRefusal(intent, await checkProductScope({ db: target.db, scope: target.scope, productIds: [target.productId] }), 'productId')
  if (refusal) return refusal
  if (!(await locationsExist({ db: target.db, locationIds: [target.locationId] }))) return fieldError(intent, 'locationId', 'Unknown')
  return null
}

export function succeeded(intent: string, key: string, values?: Record<string, string | number>) {
  return data<FormOutcome>({ ok: true, intent, done: { key, values } })
}

/**
 * Turns a domain refusal into the answer the form shows (an out-of-stock marks the quantity field);
 * a FORBIDDEN one is a 403 like every other authorization failure. Rethrows anything else.
 */
export function inventoryFailure(intent: string, error: unknown, quantityField: string) {
  if (error instanceof DomainError && error.code === 'FORBIDDEN') forbidden(error.message)
  const field = error instanceof DomainError && error.code === 'OUT_OF_STOCK' ? quantityField : undefined
  return domainFailure(error, { intent, field })
}

/** A form as a plain object without its empty fields, so an empty optional field reads as absent. */
export function formFields(form: FormData): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const [key, value] of form) if (typeof value === 'string' && value.trim() !== '') fields[key] = value
  return fields
}
