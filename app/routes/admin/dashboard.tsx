import { useTranslation } from 'react-i18next'
import { useLoaderData, type LoaderFunctionArgs } from 'react-router'
import { Banner, BlockStack, Page } from '../../components/polaris/polaris-shell'
import { ChannelTable, YearTargetCard } from '../../components/sales-by-channel'
import { requirePermission } from '../../domain/auth/permissions.server'
import { koreanYear, yearSummary } from '../../domain/reporting/sales-summary.server'
import { useRevalidateOnSales } from '../../lib/use-live-revalidation'

/** The page title (root.tsx renders it in the visitor's language). */
export const handle = { titleKey: 'titles.admin' }

export async function loader(args: LoaderFunctionArgs) {
  await requirePermission(args, 'admin:view')
  const year = koreanYear()
  const summary = await yearSummary({ db: args.context.services.database.prisma, year })
  return { summary }
}

export default function AdminDashboard() {
  const { summary } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  useRevalidateOnSales()
  return (
    <Page title={t('admin.title')} fullWidth>
      <BlockStack gap="400">
        {summary.targetWon === null ? <Banner tone="warning">{t('admin.noTarget')}</Banner> : null}
        <YearTargetCard summary={summary} title={t('admin.yearSales', { year: summary.year })} />
        <ChannelTable summary={summary} />
      </BlockStack>
    </Page>
  )
}
