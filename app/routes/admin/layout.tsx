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
  await requirePermission(args, 'admin:view')
  return null
}

export default function AdminLayout() {
  const { t } = useTranslation()
  return (
    <PolarisShell>
      <TopBar>
        <Link to="/admin">{t('nav.admin')}</Link>
        <Link to="/stock">{t('nav.stock')}</Link>
        <Link to="/admin/devices">{t('nav.devices')}</Link>
      </TopBar>
      <Outlet />
    </PolarisShell>
  )
}
