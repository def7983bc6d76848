// The year-vs-target card and the by-channel table, shared by the admin dashboard and the vendor portal.
import { useTranslation } from 'react-i18next'
import type { YearSummary } from '../domain/reporting/sales-summary.server'
import { formatWon } from '../lib/money'
import { BlockStack, Card, DataTable, InlineStack, ProgressBar, Text } from './polaris/polaris-shell'

export function YearTargetCard({ summary, title }: { summary: YearSummary; title: string }) {
  const { t } = useTranslation()
  const percent = summary.progress === null ? null : Math.round(summary.progress * 1000) / 10
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {title}
        </Text>
        <InlineStack gap="400" blockAlign="baseline">
          <Text as="p" variant="heading2xl" id="year-net-sales">
            {formatWon(summary.netWon)}
          </Text>
          {summary.targetWon !== null ? (
            <Text as="p" tone="subdued">
              {t('admin.target', { amount: formatWon(summary.targetWon) })} · {t('admin.progress')} {percent}%
            </Text>
          ) : null}
        </InlineStack>
        {percent !== null ? <ProgressBar progress={Math.min(100, percent)} tone={percent >= 100 ? 'success' : 'primary'} /> : null}
        <Text as="p" tone="subdued">
          {t('admin.lastYear')}: {formatWon(summary.lastYearSamePeriodWon)} · {t('admin.pace', { amount: formatWon(summary.projectedWon) })}
        </Text>
      </BlockStack>
    </Card>
  )
}

export function ChannelTable({ summary }: { summary: YearSummary }) {
  const { t } = useTranslation()
  const withTargets = summary.byChannel.some((row) => row.targetWon !== null)
  const rows = summary.byChannel.map((row) => [
    t(`channel.${row.channel}`),
    formatWon(row.netWon),
    row.orders.toLocaleString('ko-KR'),
    ...(withTargets ? [row.targetWon === null ? '—' : `${formatWon(row.targetWon)} (${Math.round((row.netWon / row.targetWon) * 100)}%)`] : []),
  ])
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t('admin.byChannel')}
        </Text>
        <DataTable
          columnContentTypes={withTargets ? ['text', 'numeric', 'numeric', 'numeric'] : ['text', 'numeric', 'numeric']}
          headings={[t('admin.channel'), t('admin.sales'), t('admin.orders'), ...(withTargets ? [t('admin.channelTarget')] : [])]}
          rows={rows}
        />
      </BlockStack>
    </Card>
  )
}
