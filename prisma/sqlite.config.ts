// Prisma CLI config for the embedded SQLite variant (`prisma … --config prisma/sqlite.config.ts`).
// URLs are read with process.env (not env()) so `prisma generate` works with nothing set.
import { defineConfig } from 'prisma/config'

export default defineConfig({
  schema: 'sqlite/schema.prisma',
  migrations: { path: 'sqlite/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:../data/dream-market.db' },
})
