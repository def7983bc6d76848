import { useTranslation } from 'react-i18next'
import { useLoaderData, type LoaderFunctionArgs } from 'react-router'
import { Banner, BlockStack, Card, DataTable, Page, Text } from '../../components/polaris/polaris-shell'
import { ChannelTable, YearTargetCard } from '../../components/sales-by-channel'
import { requirePermission } from '../../domain/auth/permissions.server'
import { listEnterpriseStock } from '../../domain/catalog/catalog.server'
import { koreanYear, yearSummary } from '../../domain/reporting/sales-summary.server'
import { formatWon } from '../../lib/money'

/** The page title (root.tsx renders it in the visitor's language). */
export const handle = { titleKey: 'titles.vendor' }

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, 'vendor:view')
  const db = args.context.services.database.prisma
  if (user.enterpriseId === null) return { enterprise: null, summary: null, stock: [] }
  const year = koreanYear()
  const [enterprise, summary, stock] = await Promise.all([
    db.enterprise.findUniqueOrThrow({ where: { id: user.enterpriseId }, select: { nameKo: true, nameEn: true } }),
    yearSummary({ db, year, enterpriseId: user.enterpriseId }),
    listEnterpriseStock({ db, enterpriseId: user.enterpriseId }),
  ])
  return { enterprise, summary, stock }
}

export default function VendorHome() {
  const { enterprise, summary, stock } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const en = i18n.language === 'en'
  if (!enterprise || !summary) return <Banner tone="warning">{t('vendor.noEnterprise')}</Banner>
  const name = en ? enterprise.nameEn : enterprise.nameKo
  return (
    <Page title={t('vendor.title', { enterprise: name })} fullWidth>
      <BlockStack gap="400">
        <YearTargetCard summary={summary} title={t('vendor.yearSales', { year: summary.year })} />
        <ChannelTable summary={summary} />
        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingMd">
              {t('vendor.products')}
            </Text>
            <DataTable
              columnContentTypes={['text', 'numeric', 'text']}
              headings={[t('vendor.colProduct'), t('vendor.colPrice'), t('vendor.colLevels')]}
              rows={stock.map((product) => [
                `${product.sku} ${en ? product.nameEn : product.nameKo}`,
                formatWon(product.priceWon),
                product.levels.map((level) => `${level.locationCode}: ${level.onHand}/${level.reserved}`).join(' · '),
              ])}
            />
          </BlockStack>
        </Card>
      </BlockStack>
    </Page>
  )
}
