// The slim bar shared by every face: brand, language switch, and sign-out when signed in.
import { useTranslation } from 'react-i18next'
import { Form, Link, useLocation, useRouteLoaderData } from 'react-router'
import type { RootLoaderData } from '../root'
import { CsrfInput } from './csrf-input'

export function TopBar({ children }: { children?: React.ReactNode }) {
  const { t, i18n } = useTranslation()
  const root = useRouteLoaderData('root') as RootLoaderData | undefined
  const location = useLocation()
  return (
    <header className="top-bar">
      <Link to="/" className="brand">
        <img src="/favicon.svg" alt="" width={28} height={28} />
        {t('app.name')}
      </Link>
      <nav className="top-bar-nav">{children}</nav>
      <Form method="post" action="/set-locale" className="inline-form">
        <CsrfInput />
        <input type="hidden" name="locale" value={i18n.language === 'en' ? 'ko' : 'en'} />
        <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
        <button type="submit" className="link-button" lang={i18n.language === 'en' ? 'ko' : 'en'}>
          {t('app.language')}
        </button>
      </Form>
      {root?.user ? (
        <Form method="post" action="/logout" className="inline-form">
          <CsrfInput />
          <button type="submit" className="link-button">
            {t('nav.signOut')} ({root.user.name})
          </button>
        </Form>
      ) : null}
    </header>
  )
}
