// One error shape for every form: a DomainError becomes { ok: false, error: { code, message, values }, fieldErrors? }
// with the error's own status; anything else is rethrown.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { DomainError } from '../../app/domain/domain-error.ts'
import { InventoryRuleError, OutOfStockError } from '../../app/domain/inventory/errors.ts'
import { SaleRuleError } from '../../app/domain/sales/pricing.server.ts'
import { domainFailure, invalidInput, signInRefused } from '../../app/lib/action-errors.server.ts'

const answer = (outcome: unknown) => outcome as { data: unknown; init: { status?: number } | null }

describe('domainFailure', () => {
  it('answers every domain error in one shape, with its status, marking the named field with the code', () => {
    const outOfStock = answer(domainFailure(new OutOfStockError(3, 2, 5, 1), { intent: 'adjust', field: 'delta' }))
    expect(outOfStock.init?.status).toBe(400)
    expect(outOfStock.data).toEqual({
      ok: false,
      intent: 'adjust',
      error: { code: 'OUT_OF_STOCK', message: expect.stringContaining('product 3'), values: { productId: 3, locationId: 2, requested: 5, available: 1 } },
      fieldErrors: { delta: 'OUT_OF_STOCK' },
    })
    expect(answer(domainFailure(new InventoryRuleError('NOT_FOUND', 'no transfer 9'))).init?.status).toBe(404)
    expect(answer(domainFailure(new InventoryRuleError('INVALID_STATE', 'already received'))).init?.status).toBe(409)
    const sale = answer(domainFailure(new SaleRuleError('TENDER_MISMATCH', 'tenders add up to 1 won')))
    expect(sale.init?.status).toBe(400)
    expect(sale.data).toEqual({ ok: false, intent: undefined, error: { code: 'TENDER_MISMATCH', message: 'tenders add up to 1 won' } })
  })

  it('keeps class names and codes, and every named failure is a DomainError', () => {
    for (const error of [new OutOfStockError(1, 1, 1, 0), new InventoryRuleError('FORBIDDEN', 'x'), new SaleRuleError('UNKNOWN_PRODUCT', 'x')]) {
      expect(error).toBeInstanceOf(DomainError)
      expect(error).toBeInstanceOf(Error)
    }
    expect(new InventoryRuleError('FORBIDDEN', 'x')).toMatchObject({ name: 'InventoryRuleError', code: 'FORBIDDEN', status: 403 })
    expect(new OutOfStockError(1, 1, 1, 0).name).toBe('OutOfStockError')
  })

  it('rethrows anything that is not a domain refusal (a bug)', () => {
    const bug = new TypeError('undefined is not a function')
    expect(() => domainFailure(bug)).toThrow(bug)
  })

  it('answers bad input in the same shape', () => {
    const parsed = z.object({ quantity: z.number().int().positive() }).safeParse({ quantity: -1 })
    if (parsed.success) throw new Error('expected a failure')
    const outcome = answer(invalidInput(parsed.error, 'receive'))
    expect(outcome.init?.status).toBe(400)
    expect(outcome.data).toMatchObject({ ok: false, intent: 'receive', error: { code: 'INVALID_INPUT' }, fieldErrors: { quantity: expect.any(String) } })
  })
})

describe('signInRefused', () => {
  it('answers sign-in, PIN and pairing refusals in the same shape, one code whatever was wrong', () => {
    const invalid = answer(signInRefused('invalid'))
    expect(invalid.init?.status).toBe(401)
    expect(invalid.data).toEqual({ ok: false, intent: undefined, error: { code: 'SIGN_IN_INVALID' } })
    const braked = answer(signInRefused('rate-limited', 42))
    expect(braked.init?.status).toBe(429)
    expect(braked.data).toEqual({ ok: false, intent: undefined, error: { code: 'RATE_LIMITED', values: { seconds: 42 } } })
    expect(answer(signInRefused('locked')).init?.status).toBe(423)
    // A wrong pairing code is a bad request, not a failed sign-in.
    expect(answer(signInRefused('invalid', undefined, 400)).init?.status).toBe(400)
  })
})
