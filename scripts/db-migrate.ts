// `npm run db:migrate`: applies pending migrations to DATABASE_URL (default: the embedded SQLite file).
import { parseEnv } from '../app/config/env.server.ts'
import { migrateDatabase } from '../app/db/migrate.server.ts'

const env = parseEnv()
const applied = await migrateDatabase(env.DATABASE_URL)
console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date')
