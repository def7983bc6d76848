// The one place a form action turns a refusal into its answer: every form fails with the same
// shape (FormFailure in app/domain/domain-error.ts) so one banner and one field helper read them all.
import { data } from 'react-router'
import type { ZodError } from 'zod'
import { DomainError, type ErrorValues, type FormFailure } from '../domain/domain-error.ts'

/** Marks bad input field by field (400); the first issue of each field wins. */
export function invalidInput(error: ZodError, intent?: string) {
  const fieldErrors: Record<string, string> = {}
  for (const issue of error.issues) {
    const field = issue.path.join('.') || 'form'
    fieldErrors[field] ??= issue.message
  }
  return data<FormFailure>({ ok: false, intent, error: { code: 'INVALID_INPUT' }, fieldErrors }, { status: 400 })
}

/** One field refused (400), e.g. an id that names nothing. */
export function fieldRefused(field: string, message: string, intent?: string) {
  return data<FormFailure>({ ok: false, intent, error: { code: 'INVALID_INPUT' }, fieldErrors: { [field]: message } }, { status: 400 })
}

/**
 * A DomainError as the form's answer, with the error's own status; `field` names the input the
 * refusal is about (it is marked with the error's code). Anything that is not a DomainError is a
 * bug and is rethrown, so it reaches the error boundary and the logs.
 */
export function domainFailure(error: unknown, options: { intent?: string; field?: string } = {}) {
  if (!(error instanceof DomainError)) throw error
  // The screen translates the code with the error's values (not every extra field its JSON carries).
  const failure: FormFailure = { ok: false, intent: options.intent, error: { code: error.code, message: error.message, ...(error.values && { values: error.values }) } }
  if (options.field) failure.fieldErrors = { [options.field]: error.code }
  return data<FormFailure>(failure, { status: error.status })
}

/** A refusal that is an answer, not a thrown DomainError (a sign-in brake, an unknown id): the same shape. */
export function formRefused(code: string, status: number, options: { values?: ErrorValues; intent?: string; fieldErrors?: Record<string, string> } = {}) {
  const { values, intent, fieldErrors } = options
  return data<FormFailure>({ ok: false, intent, error: { code, ...(values && { values }) }, ...(fieldErrors && { fieldErrors }) }, { status })
}

const SIGN_IN_REFUSALS = {
  invalid: { code: 'SIGN_IN_INVALID', status: 401 },
  'rate-limited': { code: 'RATE_LIMITED', status: 429 },
  locked: { code: 'PIN_LOCKED', status: 423 },
} as const

/** How every sign-in form (password, PIN, pairing) answers a refusal; one message whatever was wrong. */
export function signInRefused(reason: keyof typeof SIGN_IN_REFUSALS, retryAfterSeconds?: number, status?: number) {
  const refusal = SIGN_IN_REFUSALS[reason]
  return formRefused(refusal.code, status ?? refusal.status, retryAfterSeconds === undefined ? {} : { values: { seconds: retryAfterSeconds } })
}
