// A minimal catalog for benchmarks: one enterprise, one product, one location of each kind, an
// organizer with a session. Benchmarks measure the engine, not the demo data.
import { randomUUID } from 'node:crypto'
import { openDatabase, type Database } from '../app/db/client.server.ts'
import { migrateDatabase } from '../app/db/migrate.server.ts'
import { createSession } from '../app/domain/auth/session.server.ts'

export interface BenchCatalog {
  database: Database
  productId: number
  enterpriseId: number
  priceWon: number
  locations: { plaza: number; popup: number; festival: number; online: number }
  organizerCookie: string
  /** A cashier signed in on a POS device paired to the plaza location. */
  posCookie: string
}

export async function benchCatalog(url: string): Promise<BenchCatalog> {
  await migrateDatabase(url)
  const database = await openDatabase(url)
  const db = database.prisma
  const category = await db.category.create({ data: { slug: 'bench', nameKo: '벤치', nameEn: 'Bench' } })
  const enterprise = await db.enterprise.create({
    data: { slug: 'bench', nameKo: '벤치 협동조합', nameEn: 'Bench Co-op', type: 'COOPERATIVE', businessRegistrationNo: '000-00-00000', storyKo: '-', storyEn: '-', contactName: '-', contactPhone: '-', contactEmail: 'bench@dream-market.example' },
  })
  const product = await db.product.create({
    data: { enterpriseId: enterprise.id, categoryId: category.id, sku: `BENCH-${randomUUID().slice(0, 8)}`, nameKo: '벤치 상품', nameEn: 'Bench product', descriptionKo: '-', descriptionEn: '-', priceWon: 5_000 },
  })
  const location = (code: string, kind: 'PLAZA' | 'POPUP' | 'FESTIVAL' | 'ONLINE') =>
    db.location.create({ data: { code, kind, nameKo: code, nameEn: code, address: '-', fulfilsOnline: kind === 'ONLINE' }, select: { id: true } })
  const [plaza, popup, festival, online] = await Promise.all([location('B-PLAZA', 'PLAZA'), location('B-POPUP', 'POPUP'), location('B-FEST', 'FESTIVAL'), location('B-ONLINE', 'ONLINE')])
  const organizer = await db.user.create({ data: { email: 'bench-organizer@dream-market.example', name: 'Bench', role: 'ORGANIZER' } })
  const { token } = await createSession({ db, userId: organizer.id })
  const cashier = await db.user.create({ data: { name: 'Bench cashier', role: 'CASHIER', posHandle: 'bench' } })
  const device = await db.posDevice.create({ data: { name: 'Bench tablet', locationId: plaza.id } })
  const pos = await createSession({ db, userId: cashier.id, deviceId: device.id })
  return {
    database,
    productId: product.id,
    enterpriseId: enterprise.id,
    priceWon: product.priceWon,
    locations: { plaza: plaza.id, popup: popup.id, festival: festival.id, online: online.id },
    organizerCookie: `dm_session=${token}`,
    posCookie: `dm_session=${pos.token}`,
  }
}
