// Named inventory failures. They carry what a caller needs to tell the user (and are plain data
// for JSON and socket replies); any other error is a bug.
import { DomainError } from '../domain-error.ts'

export class OutOfStockError extends DomainError<'OUT_OF_STOCK'> {
  constructor(
    readonly productId: number,
    readonly locationId: number,
    readonly requested: number,
    readonly available: number,
  ) {
    super('OUT_OF_STOCK', `Out of stock: product ${productId} at location ${locationId} has ${available} available, ${requested} requested`, 400, {
      productId,
      locationId,
      requested,
      available,
    })
  }

  override toJSON() {
    return { ...super.toJSON(), productId: this.productId, locationId: this.locationId, requested: this.requested, available: this.available }
  }
}

type InventoryRuleCode = 'NOT_FOUND' | 'INVALID_STATE' | 'INVALID_QUANTITY' | 'NOT_STOCKED' | 'FORBIDDEN'
const STATUS: Record<InventoryRuleCode, number> = { NOT_FOUND: 404, INVALID_STATE: 409, INVALID_QUANTITY: 400, NOT_STOCKED: 400, FORBIDDEN: 403 }

/** An operation that is not allowed in the current state (e.g. receiving a cancelled transfer). */
export class InventoryRuleError extends DomainError<InventoryRuleCode> {
  constructor(code: InventoryRuleCode, message: string) {
    super(code, message, STATUS[code])
  }
}
