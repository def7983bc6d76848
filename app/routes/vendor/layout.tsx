import polarisStyles from '@shopify/polaris/build/esm/styles.css?url'
import { useTranslation } from 'react-i18next'
import { Link, Outlet, type LoaderFunctionArgs } from 'react-router'
import { PolarisShell } from '../../components/polaris/polaris-shell'
import { TopBar } from '../../components/top-bar'
import { requirePermission } from '../../domain/auth/permissions.server'
import adminStyles from '../../styles/admin.css?url'

export const links = () => [
  { rel: 'stylesheet', href: polarisStyles },
  { rel: 'stylesheet', href: adminStyles },
]

export async function loader(args: LoaderFunctionArgs) {
  await requirePermission(args, 'vendor:view')
  return null
}

export default function VendorLayout() {
  const { t } = useTranslation()
  return (
    <PolarisShell>
      <TopBar>
        <Link to="/vendor">{t('nav.vendor')}</Link>
        <Link to="/stock">{t('nav.stock')}</Link>
      </TopBar>
      <Outlet />
    </PolarisShell>
  )
}
