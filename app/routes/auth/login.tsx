import { useTranslation } from 'react-i18next'
import { Form, redirect, useActionData, useNavigation, useSearchParams, type ActionFunctionArgs, type LoaderFunctionArgs } from 'react-router'
import { CsrfInput } from '../../components/csrf-input'
import { TopBar } from '../../components/top-bar'
import { readProtectedForm } from '../../domain/auth/permissions.server'
import { getSessionUser, signedInHeaders } from '../../domain/auth/session.server'
import { passwordSignInSchema, signInWithPassword } from '../../domain/auth/sign-in.server'
import { invalidInput, signInRefused } from '../../lib/action-errors.server'
import { safeRedirect } from '../../lib/safe-redirect'
import storefrontStyles from '../../styles/storefront.css?url'

/** The page title (root.tsx renders it in the visitor's language). */
export const handle = { titleKey: 'titles.login' }

export const links = () => [{ rel: 'stylesheet', href: storefrontStyles }]

function homeFor(role: string) {
  return role === 'ORGANIZER' ? '/admin' : role === 'VENDOR' ? '/vendor' : '/pos'
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getSessionUser(request, context.services)
  if (user && user.deviceId === null) throw redirect(homeFor(user.role))
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readProtectedForm({ request, context })
  const parsed = passwordSignInSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success) return invalidInput(parsed.error)
  const result = await signInWithPassword({
    db: context.services.database.prisma,
    brakes: context.services.brakes,
    email: parsed.data.email,
    password: parsed.data.password,
    clientAddress: context.clientAddress,
  })
  if (!result.ok) return signInRefused(result.reason, result.retryAfterSeconds)
  const user = await context.services.database.prisma.user.findUniqueOrThrow({ where: { id: result.userId }, select: { role: true } })
  return redirect(safeRedirect(parsed.data.redirectTo, homeFor(user.role)), {
    headers: await signedInHeaders(request, context.services, result),
  })
}

export default function Login() {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [params] = useSearchParams()
  const error =
    actionData?.error.code === 'RATE_LIMITED'
      ? t('auth.rateLimited', { seconds: actionData.error.values?.seconds ?? 60 })
      : actionData?.error
        ? t('auth.invalid')
        : null
  return (
    <div className="storefront">
      <TopBar />
      <main id="main" className="auth-page">
        <h1>{t('auth.title')}</h1>
        <Form method="post" className="stack">
          <CsrfInput />
          <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
          <label>
            {t('auth.email')}
            <input type="email" name="email" autoComplete="username" required />
          </label>
          <label>
            {t('auth.password')}
            <input type="password" name="password" autoComplete="current-password" required />
          </label>
          {error ? (
            <p role="alert" className="form-error">
              {error}
            </p>
          ) : null}
          <button type="submit" disabled={navigation.state === 'submitting'}>
            {t('auth.submit')}
          </button>
        </Form>
      </main>
    </div>
  )
}
