// The first organizer of a production database (no demo data there): created from the command
// line, so no web form ever exists that could create organizers before anyone can sign in.
import { z } from 'zod'
import type { Db } from '../../db/client.server.ts'
import { hashSecret } from './password.server.ts'

export const newOrganizerSchema = z.object({
  email: z.string().trim().toLowerCase().email('--email must be an e-mail address').max(200),
  name: z.string().trim().min(1, '--name is required').max(100),
  password: z.string().min(12, 'the password needs at least 12 characters').max(200),
})

export type NewOrganizer = z.output<typeof newOrganizerSchema>

/** Creates an active organizer; refuses an e-mail that already has an account (nothing changes). */
export async function createOrganizer(db: Db, input: NewOrganizer): Promise<{ ok: true; userId: number } | { ok: false; reason: 'email-taken' }> {
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) return { ok: false, reason: 'email-taken' }
  const user = await db.user.create({
    data: { email: input.email, name: input.name, role: 'ORGANIZER', passwordHash: await hashSecret(input.password) },
    select: { id: true },
  })
  return { ok: true, userId: user.id }
}
