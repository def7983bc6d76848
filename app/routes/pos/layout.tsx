import polarisStyles from '@shopify/polaris/build/esm/styles.css?url'
import { Outlet } from 'react-router'
import { PolarisShell } from '../../components/polaris/polaris-shell'
import posStyles from '../../styles/pos.css?url'

export const links = () => [
  { rel: 'stylesheet', href: polarisStyles },
  { rel: 'stylesheet', href: posStyles },
]

export default function PosLayout() {
  return (
    <PolarisShell>
      <div className="pos">
        <Outlet />
      </div>
    </PolarisShell>
  )
}
