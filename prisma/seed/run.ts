// `npm run db:seed` — migrate, then fill an empty database with the deterministic demo data.
//   DATABASE_URL  default file:./data/dream-market.db
//   SEED_TODAY    YYYY-MM-DD (KST); default: today in Asia/Seoul
//   --reset       delete every row first
import { openDatabase } from '../../app/db/client.server.ts'
import { migrateDatabase } from '../../app/db/migrate.server.ts'
import { resetDatabase, seedDatabase } from './seed.server.ts'
import { seedTodayFromEnv } from './today.ts'

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL ?? 'file:./data/dream-market.db'
  const reset = process.argv.includes('--reset')
  const today = seedTodayFromEnv()

  await migrateDatabase(url)
  const database = await openDatabase(url)
  try {
    if (reset) {
      console.log('Deleting all rows…')
      await resetDatabase(database.prisma)
    } else if ((await database.prisma.enterprise.count()) > 0) {
      console.log('Database already seeded; nothing to do (use --reset to start over).')
      return
    }
    const started = performance.now()
    const summary = await seedDatabase(database.prisma, { today, provider: database.kind })
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    const won = new Intl.NumberFormat('ko-KR')
    console.log(`Seeded ${database.kind} database for today = ${summary.today} in ${seconds} s`)
    for (const [table, count] of Object.entries(summary.counts)) console.log(`  ${table.padEnd(20)} ${won.format(count)}`)
    for (const [year, total] of Object.entries(summary.salesWonByYear)) console.log(`  sales ${year}: ₩${won.format(total)} (completed)`)
    console.log(`  product images written: ${summary.imagesWritten}`)
  } finally {
    await database.close()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
