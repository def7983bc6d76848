// oversell: 200 concurrent buyers over the four channels race for 50 units on the embedded
// database; exactly 50 may succeed, the stock must end at 0 and the ledger must verify.
import { systemActor } from '../app/domain/auth/permissions.server.ts'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { OutOfStockError } from '../app/domain/inventory/errors.ts'
import { reserveForCheckout } from '../app/domain/inventory/reservations.server.ts'
import { receiveStock } from '../app/domain/inventory/stock.server.ts'
import { verifyInventory } from '../app/domain/inventory/verify.server.ts'
import { ChangeFeed } from '../app/domain/live/change-feed.server.ts'
import { recordSale } from '../app/domain/sales/record-sale.server.ts'
import { benchCatalog } from './fixtures.ts'

export async function benchOversell({ units = 50, buyers = 200 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'dm-bench-oversell-'))
  const catalog = await benchCatalog(`file:${join(dir, 'oversell.db')}`)
  const deps = { database: catalog.database, changes: new ChangeFeed() }
  const { plaza, popup, festival, online } = catalog.locations
  const channels = [plaza, popup, festival, online]
  // The units are spread over the four channels' locations; every channel's buyers race at once.
  const perLocation = channels.map((_, i) => Math.floor(units / 4) + (i < units % 4 ? 1 : 0))
  for (const [i, locationId] of channels.entries()) {
    await receiveStock(deps, { productId: catalog.productId, locationId, quantity: perLocation[i], actor: systemActor('maintenance') })
  }
  const buy = async (i: number) => {
    const locationId = channels[i % 4]
    const line = { productId: catalog.productId, quantity: 1 }
    if (locationId !== online) {
      return recordSale(deps, { clientId: `oversell-${i}`, locationId, lines: [line], tenders: [{ kind: 'CASH', amountWon: catalog.priceWon }] }, { actor: systemActor('maintenance') })
    }
    await reserveForCheckout(deps, { checkoutId: `oversell-checkout-${i}`, lines: [line], ttlMinutes: 15, actor: systemActor('storefront-checkout') })
    return recordSale(deps, { clientId: `oversell-order-${i}`, locationId, checkoutId: `oversell-checkout-${i}`, fulfilment: 'DELIVERY', lines: [line], tenders: [{ kind: 'ONLINE_CARD', amountWon: catalog.priceWon }] }, { actor: systemActor('maintenance') })
  }
  try {
    const outcomes = await Promise.allSettled(Array.from({ length: buyers }, (_, i) => buy(i)))
    const unexpected = outcomes.filter((o) => o.status === 'rejected' && !(o.reason instanceof OutOfStockError))
    if (unexpected.length) throw (unexpected[0] as PromiseRejectedResult).reason
    const levels = await catalog.database.prisma.stockLevel.findMany({ where: { productId: catalog.productId }, select: { onHand: true, reserved: true } })
    return {
      units,
      buyers,
      sold: outcomes.filter((o) => o.status === 'fulfilled').length,
      finalAvailable: levels.reduce((sum, l) => sum + l.onHand - l.reserved, 0),
      ledgerOk: (await verifyInventory({ db: catalog.database.prisma })).length === 0,
    }
  } finally {
    await catalog.database.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
