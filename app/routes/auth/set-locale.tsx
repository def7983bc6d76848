import { redirect, type ActionFunctionArgs } from 'react-router'
import { z } from 'zod'
import { LOCALE_COOKIE, serializeCookie } from '../../domain/auth/cookies.server'
import { readProtectedForm } from '../../domain/auth/permissions.server'
import { LOCALES } from '../../i18n/i18n'
import { safeRedirect } from '../../lib/safe-redirect'

const schema = z.object({ locale: z.enum(LOCALES), redirectTo: z.string().optional() })

export async function loader() {
  return redirect('/')
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readProtectedForm({ request, context })
  const parsed = schema.safeParse(Object.fromEntries(form))
  if (!parsed.success) return Response.json({ error: 'locale must be ko or en' }, { status: 400 })
  return redirect(safeRedirect(parsed.data.redirectTo), {
    headers: {
      'Set-Cookie': serializeCookie(LOCALE_COOKIE, parsed.data.locale, {
        secure: context.services.env.COOKIE_SECURE,
        maxAgeSeconds: 365 * 86400,
      }),
    },
  })
}
