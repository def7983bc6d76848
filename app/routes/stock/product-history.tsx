// One product's stock movements, newest first, with filters (location, kind, dates) and paging.
import { data, Form, Link, useLoaderData, useLocation, type LoaderFunctionArgs } from 'react-router'
import { BlockStack, Button, Card, DataTable, FormSelect, FormTextField, InlineStack, Page, Text } from '../../components/polaris/polaris-shell'
import { useStockText } from '../../components/stock/stock-form-parts'
import { enterpriseScopeOf, forbidden, requirePermission } from '../../domain/auth/permissions.server'
import { historyQuerySchema, listStockLocations, productHistory, type MovementRow } from '../../domain/inventory/stock-views.server'
import { formatSeoulDateTime, seoulDayStart } from '../../lib/seoul-time'

/** The page title (root.tsx renders it in the visitor's language). */
export const handle = { titleKey: 'titles.productHistory' }

const MOVEMENT_KINDS = ['RECEIVE', 'ADJUST', 'SALE', 'RETURN_RESTOCK', 'RETURN_WRITE_OFF', 'TRANSFER_OUT', 'TRANSFER_IN', 'RESERVE', 'RELEASE', 'RESERVATION_SALE', 'OFFLINE_SHORTFALL'] as const
const DAY = /^\d{4}-\d{2}-\d{2}$/

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, 'stock:manage')
  const scope = enterpriseScopeOf(user)
  const db = args.context.services.database.prisma
  // Database ids are 32-bit: a longer number is no product (and must not reach the query).
  const productId = /^[1-9]\d{0,9}$/.test(args.params.productId ?? '') ? Number(args.params.productId) : 0
  if (productId <= 0 || productId > 2_147_483_647) throw data({ error: 'Not found' }, { status: 404 })
  const params = Object.fromEntries([...new URL(args.request.url).searchParams].filter(([, value]) => value !== ''))
  const days = { from: params.from && DAY.test(params.from) ? params.from : '', to: params.to && DAY.test(params.to) ? params.to : '' }
  const filter = historyQuerySchema.parse({ ...params, from: days.from ? seoulDayStart(days.from) : undefined, to: days.to ? seoulDayStart(days.to) : undefined })
  const [history, locations] = await Promise.all([productHistory({ db, scope, productId, filter }), listStockLocations({ db })])
  if (history.status === 'unknown') throw data({ error: 'Not found' }, { status: 404 })
  if (history.status === 'forbidden') forbidden('Not your enterprise’s product')
  return { product: history.product, movements: history.movements, nextBeforeId: history.nextBeforeId, locations, filter: { locationId: filter.locationId, kind: filter.kind, ...days } }
}

export default function ProductHistory() {
  const { product, movements, nextBeforeId, locations, filter } = useLoaderData<typeof loader>()
  const { t, name, locationOptions } = useStockText()
  const location = useLocation()
  const locationCode = new Map(locations.map((l) => [l.id, l.code]))
  const older = new URLSearchParams(location.search)
  if (nextBeforeId !== null) older.set('beforeId', String(nextBeforeId))
  const newest = new URLSearchParams(location.search)
  newest.delete('beforeId')
  const signed = (value: number) => (value > 0 ? `+${value}` : String(value))
  const reference = (movement: MovementRow) =>
    movement.saleCode
      ? t('stock.history.refSale', { code: movement.saleCode })
      : movement.transferId
        ? t('stock.history.refTransfer', { id: movement.transferId })
        : movement.reservationId
          ? t('stock.history.refReservation', { id: movement.reservationId })
          : '–'
  return (
    <Page
      title={`${product.sku} · ${name(product)}`}
      subtitle={name({ nameKo: product.enterpriseKo, nameEn: product.enterpriseEn })}
      backAction={{ content: t('stock.nav.levels'), url: '/stock' }}
      fullWidth
    >
      <BlockStack gap="400">
        <Card>
          <Form method="get">
            <InlineStack gap="300" blockAlign="end" wrap>
              <FormSelect label={t('stock.location')} name="locationId" defaultValue={filter.locationId ? String(filter.locationId) : ''} options={locationOptions(locations, t('stock.allLocations'))} />
              <FormSelect
                label={t('stock.history.kind')}
                name="kind"
                defaultValue={filter.kind ?? ''}
                options={[{ label: t('stock.history.allKinds'), value: '' }, ...MOVEMENT_KINDS.map((kind) => ({ label: t(`stock.kind.${kind}`), value: kind }))]}
              />
              <FormTextField label={t('stock.history.from')} name="from" type="date" defaultValue={filter.from} />
              <FormTextField label={t('stock.history.to')} name="to" type="date" defaultValue={filter.to} />
              <Button submit>{t('stock.applyFilters')}</Button>
            </InlineStack>
          </Form>
        </Card>
        <Card>
          <BlockStack gap="300">
            {movements.length === 0 ? (
              <Text as="p">{t('stock.history.empty')}</Text>
            ) : (
              <DataTable
                columnContentTypes={['text', 'text', 'text', 'numeric', 'numeric', 'numeric', 'text', 'text', 'text']}
                headings={[
                  t('stock.history.when'),
                  t('stock.history.kind'),
                  t('stock.location'),
                  t('stock.history.onHandDelta'),
                  t('stock.history.reservedDelta'),
                  t('stock.history.after'),
                  t('stock.history.reason'),
                  t('stock.history.actor'),
                  t('stock.history.reference'),
                ]}
                rows={movements.map((movement) => [
                  formatSeoulDateTime(movement.createdAt),
                  movement.kind === 'OFFLINE_SHORTFALL' ? `${t(`stock.kind.${movement.kind}`)} (${movement.shortfall})` : t(`stock.kind.${movement.kind}`),
                  locationCode.get(movement.locationId) ?? '',
                  signed(movement.onHandDelta),
                  signed(movement.reservedDelta),
                  `${movement.onHandAfter} / ${movement.reservedAfter}`,
                  movement.resolution ? `${movement.reason ?? ''} → ${movement.resolution}` : (movement.reason ?? ''),
                  movement.actor ?? '–',
                  reference(movement),
                ])}
              />
            )}
            <InlineStack gap="300">
              {older.has('beforeId') && new URLSearchParams(location.search).has('beforeId') ? <Link to={`?${newest}`}>{t('stock.history.newest')}</Link> : null}
              {nextBeforeId !== null ? <Link to={`?${older}`}>{t('stock.history.older')}</Link> : null}
            </InlineStack>
          </BlockStack>
        </Card>
      </BlockStack>
    </Page>
  )
}
