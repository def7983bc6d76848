// Reads of the ledger for live screens: where the ledger stands now (a page's starting point for
// live updates). The catch-up and snapshot reads for sockets live here too.
import type { Db } from '../../db/client.server.ts'

/** The sequence number of the newest committed stock change (0 when the ledger is empty). */
export async function currentLedgerSeq(db: Db): Promise<number> {
  const newest = await db.stockMovement.aggregate({ _max: { id: true } })
  return newest._max.id ?? 0
}
