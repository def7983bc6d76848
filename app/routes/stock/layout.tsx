// The stock admin, shared by organizers (every enterprise) and vendors (their own enterprise).
import polarisStyles from '@shopify/polaris/build/esm/styles.css?url'
import { useTranslation } from 'react-i18next'
import { Link, NavLink, Outlet, useLoaderData, type LoaderFunctionArgs } from 'react-router'
import { PolarisShell } from '../../components/polaris/polaris-shell'
import { TopBar } from '../../components/top-bar'
import { can, enterpriseScopeOf, requirePermission } from '../../domain/auth/permissions.server'
import adminStyles from '../../styles/admin.css?url'

export const links = () => [
  { rel: 'stylesheet', href: polarisStyles },
  { rel: 'stylesheet', href: adminStyles },
]

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, 'stock:manage')
  enterpriseScopeOf(user)
  return { home: can(user, 'admin:view') ? ('admin' as const) : ('vendor' as const) }
}

export default function StockLayout() {
  const { home } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <PolarisShell>
      <TopBar>
        <Link to={`/${home}`}>{t(`nav.${home}`)}</Link>
        <NavLink to="/stock" end>
          {t('stock.nav.levels')}
        </NavLink>
        <NavLink to="/stock/transfers">{t('stock.nav.transfers')}</NavLink>
        <NavLink to="/stock/shortfalls">{t('stock.nav.shortfalls')}</NavLink>
      </TopBar>
      <Outlet />
    </PolarisShell>
  )
}
