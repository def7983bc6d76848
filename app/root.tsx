import { useMemo } from 'react'
import { I18nextProvider, useTranslation } from 'react-i18next'
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
  type LoaderFunctionArgs,
} from 'react-router'
import { useNonce } from './components/nonce'
import { csrfTokenFor } from './domain/auth/csrf.server'
import { LOCALE_COOKIE, readCookie } from './domain/auth/cookies.server'
import { getSessionUser } from './domain/auth/session.server'
import { createI18n, DEFAULT_LOCALE, isLocale, type Locale } from './i18n/i18n'
import './load-context'
import baseStyles from './styles/base.css?url'

export const links = () => [
  { rel: 'stylesheet', href: baseStyles },
  { rel: 'manifest', href: '/manifest.webmanifest' },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const cookieLocale = readCookie(request, LOCALE_COOKIE)
  const user = await getSessionUser(request, context.services)
  const locale: Locale = isLocale(cookieLocale) ? cookieLocale : isLocale(user?.locale) ? user.locale : DEFAULT_LOCALE
  return {
    locale,
    csrfToken: csrfTokenFor(context.services.secret, context.csrfSeed),
    user: user ? { name: user.name, role: user.role } : null,
  }
}

export type RootLoaderData = Awaited<ReturnType<typeof loader>>

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce()
  const data = useRouteLoaderData('root') as RootLoaderData | undefined
  const locale = data?.locale ?? DEFAULT_LOCALE
  const i18n = useMemo(() => createI18n(locale), [locale])
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#1f6f5c" />
        <Meta />
        <PageTitle t={i18n.t} />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

/**
 * Every page's <title>, in the visitor's language: the deepest route that names a `handle.titleKey`
 * (routes with their own `meta` title, like the storefront home, name none).
 */
function PageTitle({ t }: { t: (key: string) => string }) {
  const titled = useMatches().findLast((match) => typeof (match.handle as { titleKey?: unknown } | undefined)?.titleKey === 'string')
  if (!titled) return null
  return <title>{`${t((titled.handle as { titleKey: string }).titleKey)} · ${t('app.name')}`}</title>
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  const error = useRouteError()
  const { t } = useTranslation()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const message = status === 404 ? t('errors.notFound') : status === 403 ? t('errors.forbidden') : t('errors.generic')
  return (
    <main className="error-page">
      <h1>
        {status} · {t('errors.title')}
      </h1>
      <p>{message}</p>
      {isRouteErrorResponse(error) && typeof error.data?.error === 'string' && status < 500 ? <p>{error.data.error}</p> : null}
      <a href="/">{t('errors.home')}</a>
    </main>
  )
}
