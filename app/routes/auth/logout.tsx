import { redirect, type ActionFunctionArgs } from 'react-router'
import { readProtectedForm } from '../../domain/auth/permissions.server'
import { clearSessionCookie, destroySession, getSessionUser } from '../../domain/auth/session.server'

export async function loader() {
  return redirect('/')
}

export async function action({ request, context }: ActionFunctionArgs) {
  await readProtectedForm({ request, context })
  const db = context.services.database.prisma
  const user = await getSessionUser(request, context.services)
  await destroySession(request, { db, changes: context.services.changes })
  return redirect(user?.deviceId ? '/pos/sign-in' : '/', {
    headers: { 'Set-Cookie': clearSessionCookie(context.services.env.COOKIE_SECURE) },
  })
}
