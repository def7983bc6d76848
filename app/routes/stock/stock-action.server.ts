// How stock actions answer: field errors with 400 (bad input, out of stock), a refused state change
// with 409, another enterprise's goods with 403. Anything else is a bug and is rethrown.
import { data } from 'react-router'
import type { ZodError } from 'zod'
import { forbidden, type EnterpriseScope } from '../../domain/auth/permissions.server'
import { InventoryRuleError, OutOfStockError } from '../../domain/inventory/errors'
import type { ActionOutcome } from '../../components/stock/stock-form-parts'
import type { Db } from '../../db/client.server'
import { checkProductScope, locationsExist, type ScopeCheck } from '../../domain/inventory/stock-views.server'

/** Message keys under `stock.errors` / `stock.done`; the field errors keep the schema's text for API callers. */
type StockActionResult = ActionOutcome

export function invalid(intent: string, error: ZodError) {
  const fieldErrors: Record<string, string> = {}
  for (const issue of error.issues) {
    const field = issue.path.join('.') || 'form'
    fieldErrors[field] ??= issue.message
  }
  return data<StockActionResult>({ ok: false, intent, fieldErrors }, { status: 400 })
}

export function fieldError(intent: string, field: string, message: string) {
  return data<StockActionResult>({ ok: false, intent, fieldErrors: { [field]: message } }, { status: 400 })
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
  return data<StockActionResult>({ ok: true, intent, done: { key, values } })
}

/** Turns a named inventory failure into the answer the form shows; rethrows anything else. */
export function inventoryFailure(intent: string, error: unknown, quantityField: string) {
  if (error instanceof OutOfStockError) {
    return data<StockActionResult>(
      { ok: false, intent, fieldErrors: { [quantityField]: `available:${error.available}` }, error: { key: 'outOfStock', values: { available: error.available } } },
      { status: 400 },
    )
  }
  if (error instanceof InventoryRuleError) {
    if (error.code === 'FORBIDDEN') forbidden(error.message)
    const status = error.code === 'NOT_FOUND' ? 404 : error.code === 'INVALID_STATE' ? 409 : 400
    return data<StockActionResult>({ ok: false, intent, error: { key: error.code, values: { message: error.message } } }, { status })
  }
  throw error
}

/** A form as a plain object without its empty fields, so an empty optional field reads as absent. */
export function formFields(form: FormData): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const [key, value] of form) if (typeof value === 'string' && value.trim() !== '') fields[key] = value
  return fields
}
