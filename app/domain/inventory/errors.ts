// Named inventory failures. They carry what a caller needs to tell the user (and are plain data
// for JSON and socket replies); any other error is a bug.

export class OutOfStockError extends Error {
  readonly code = 'OUT_OF_STOCK' as const
  constructor(
    readonly productId: number,
    readonly locationId: number,
    readonly requested: number,
    readonly available: number,
  ) {
    super(`Out of stock: product ${productId} at location ${locationId} has ${available} available, ${requested} requested`)
    this.name = 'OutOfStockError'
  }

  toJSON() {
    return { code: this.code, productId: this.productId, locationId: this.locationId, requested: this.requested, available: this.available }
  }
}

/** An operation that is not allowed in the current state (e.g. receiving a cancelled transfer). */
export class InventoryRuleError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'INVALID_STATE' | 'INVALID_QUANTITY' | 'NOT_STOCKED' | 'FORBIDDEN',
    message: string,
  ) {
    super(message)
    this.name = 'InventoryRuleError'
  }

  toJSON() {
    return { code: this.code, message: this.message }
  }
}
