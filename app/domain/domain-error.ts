// The one base class of the domain's named failures, and the one shape every form answers with.
// Not *.server: the browser shares the codes and the shape (forms translate `error.code`).
// A DomainError is a refusal the user can act on; any other error is a bug.

export type ErrorValues = Record<string, string | number>

/** What a failed form action answers, whatever the form: a code to translate, and the fields to mark. */
export interface ActionError {
  code: string
  /** The domain's own (English) explanation, for API callers and logs; screens translate `code`. */
  message?: string
  values?: ErrorValues
}

export interface FormFailure {
  ok: false
  /** Which form on the page answered (pages with several forms). */
  intent?: string
  error: ActionError
  /** Field name → a message key (or the schema's text for API callers). */
  fieldErrors?: Record<string, string>
}

export interface FormSuccess {
  ok: true
  intent?: string
  done?: { key: string; values?: ErrorValues }
}

export type FormOutcome = FormSuccess | FormFailure

export class DomainError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    /** The HTTP status an action answers with: 400 bad request, 404 not found, 409 refused in this state, 403 forbidden. */
    readonly status = 400,
    /** Data the message needs (also what a screen interpolates). */
    readonly values?: ErrorValues,
  ) {
    super(message)
    this.name = new.target.name
  }

  toJSON(): ActionError {
    return this.values ? { code: this.code, message: this.message, values: this.values } : { code: this.code, message: this.message }
  }
}
