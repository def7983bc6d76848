import { useTranslation } from 'react-i18next'
import { Link, Outlet } from 'react-router'
import { TopBar } from '../../components/top-bar'
import storefrontStyles from '../../styles/storefront.css?url'

export const links = () => [{ rel: 'stylesheet', href: storefrontStyles }]

export default function StorefrontLayout() {
  const { t } = useTranslation()
  return (
    <div className="storefront">
      <TopBar>
        <Link to="/">{t('nav.shop')}</Link>
        <Link to="/login">{t('nav.signIn')}</Link>
      </TopBar>
      <Outlet />
      <footer className="site-footer">
        <p>{t('app.tagline')} · 관악구 사회적경제통합지원센터 (demo)</p>
      </footer>
    </div>
  )
}
