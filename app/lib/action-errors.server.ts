// The one place a form action turns a refusal into its answer: every form fails with the same
// shape (FormFailure in app/domain/domain-error.ts) so one banner and one field helper read them all.
import { data } from 'react-router'
import type { ZodError } from 'zod'
import { DomainError, type FormFailure } from '../domain/domain-error.ts'

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
