// Prisma CLI config for the PostgreSQL variant (`prisma … --config prisma/postgresql.config.ts`).
import { defineConfig } from 'prisma/config'

export default defineConfig({
  schema: 'postgresql/schema.prisma',
  migrations: { path: 'postgresql/migrations' },
  datasource: {
    url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/dream_market',
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
})
