// `npm run inventory:verify`: checks the ledger invariant over the whole database named by
// DATABASE_URL; exits 1 and names every mismatch.
import { parseEnv } from '../app/config/env.server.ts'
import { openDatabase } from '../app/db/client.server.ts'
import { verifyInventory } from '../app/domain/inventory/verify.server.ts'

const env = parseEnv()
const database = await openDatabase(env.DATABASE_URL)
try {
  const [mismatches, levels, movements] = await Promise.all([
    verifyInventory({ db: database.prisma }),
    database.prisma.stockLevel.count(),
    database.prisma.stockMovement.count(),
  ])
  if (mismatches.length === 0) {
    console.log(`inventory ok: ${levels} stock levels agree with ${movements} ledger movements and the active reservations`)
  } else {
    for (const m of mismatches) console.error(`MISMATCH product ${m.productId} at location ${m.locationId}: ${m.problem}`)
    console.error(`${mismatches.length} mismatch(es) in ${levels} stock levels`)
    process.exitCode = 1
  }
} finally {
  await database.close()
}
