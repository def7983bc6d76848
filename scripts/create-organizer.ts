// `npm run user:create-organizer -- --email you@example.org --name "Your name"`: creates an
// organizer in the database named by DATABASE_URL (migrating it first). The password comes from
// ORGANIZER_PASSWORD or stdin, never from the command line (shell history, `ps`), and is never printed.
import { parseArgs } from 'node:util'
import { parseEnv } from '../app/config/env.server.ts'
import { databaseKindOf, openDatabase, prepareSqliteFile } from '../app/db/client.server.ts'
import { migrateDatabase } from '../app/db/migrate.server.ts'
import { createOrganizer, newOrganizerSchema } from '../app/domain/auth/organizers.server.ts'

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (input is shown; prefer ORGANIZER_PASSWORD or a pipe): ')
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '')
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } })
  const password = process.env.ORGANIZER_PASSWORD ?? (await readStdin())
  const parsed = newOrganizerSchema.safeParse({ email: values.email ?? '', name: values.name ?? '', password })
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`create-organizer: ${issue.message}`)
    return 2
  }
  const env = parseEnv()
  if (databaseKindOf(env.DATABASE_URL) === 'sqlite') prepareSqliteFile(env.DATABASE_URL)
  await migrateDatabase(env.DATABASE_URL)
  const database = await openDatabase(env.DATABASE_URL)
  try {
    const result = await createOrganizer(database.prisma, parsed.data)
    if (!result.ok) {
      console.error(`create-organizer: an account with ${parsed.data.email} already exists; nothing changed`)
      return 1
    }
    console.log(`organizer ${parsed.data.email} created (user ${result.userId}); sign in at /login`)
    return 0
  } finally {
    await database.close()
  }
}

process.exitCode = await main()
