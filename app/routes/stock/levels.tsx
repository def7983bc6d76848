// Stock levels per location with live updates, and the receive and adjust forms.
import { Form, Link, useActionData, useLoaderData, useNavigation, type ActionFunctionArgs, type LoaderFunctionArgs } from 'react-router'
import { CsrfInput } from '../../components/csrf-input'
import { Badge, BlockStack, Button, Card, DataTable, FormLayout, FormSelect, FormTextField, InlineGrid, InlineStack, Page, Text } from '../../components/polaris/polaris-shell'
import { OutcomeBanner, useFieldErrors, useStockText, type ActionOutcome } from '../../components/stock/stock-form-parts'
import { actorOf, authorizeAction, enterpriseScopeOf, requirePermission } from '../../domain/auth/permissions.server'
import { adjustSchema, receiveSchema } from '../../domain/inventory/inventory.schema'
import { currentLedgerSeq } from '../../domain/inventory/live-read.server'
import { adjustStock, receiveStock } from '../../domain/inventory/stock.server'
import { levelsQuerySchema, listScopedEnterprises, listScopedProducts, listStockLevels, listStockLocations } from '../../domain/inventory/stock-views.server'
import { useLiveLevels, type LiveLevel } from '../../lib/use-live-stock'
import { formFields, inventoryFailure, invalid, succeeded, targetRefusal } from './stock-action.server'

/** The page title (root.tsx renders it in the visitor's language). */
export const handle = { titleKey: 'titles.stock' }

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, 'stock:manage')
  const scope = enterpriseScopeOf(user)
  const db = args.context.services.database.prisma
  const url = new URL(args.request.url)
  const filter = levelsQuerySchema.parse(Object.fromEntries(url.searchParams))
  // The starting point for live updates is read first: a change racing this read is replayed, never lost.
  const since = await currentLedgerSeq(db)
  const [locations, enterprises, products, rows] = await Promise.all([
    listStockLocations({ db }),
    scope.enterpriseId === null ? listScopedEnterprises({ db, scope }) : Promise.resolve([]),
    listScopedProducts({ db, scope }),
    listStockLevels({ db, scope, filter }),
  ])
  return { since, filter, locations, enterprises, products, rows, allEnterprises: scope.enterpriseId === null }
}

export async function action(args: ActionFunctionArgs) {
  const { user, form } = await authorizeAction(args, 'stock:manage')
  const scope = enterpriseScopeOf(user)
  const { database, changes } = args.context.services
  const deps = { database, changes }
  if (form.get('intent') === 'adjust') {
    const parsed = adjustSchema.safeParse(formFields(form))
    if (!parsed.success) return invalid('adjust', parsed.error)
    const refusal = await targetRefusal('adjust', { db: database.prisma, scope, ...parsed.data })
    if (refusal) return refusal
    try {
      const change = await adjustStock(deps, { ...parsed.data, actor: actorOf(user) })
      return succeeded('adjust', 'adjusted', { onHand: change.onHand, available: change.available })
    } catch (error) {
      return inventoryFailure('adjust', error, 'delta')
    }
  }
  const parsed = receiveSchema.safeParse(formFields(form))
  if (!parsed.success) return invalid('receive', parsed.error)
  const refusal = await targetRefusal('receive', { db: database.prisma, scope, ...parsed.data })
  if (refusal) return refusal
  try {
    const change = await receiveStock(deps, { ...parsed.data, actor: actorOf(user) })
    return succeeded('receive', 'received', { onHand: change.onHand, available: change.available })
  } catch (error) {
    return inventoryFailure('receive', error, 'quantity')
  }
}

const levelKey = (productId: number, locationId: number) => `${productId}:${locationId}`

export default function StockLevels() {
  const { since, filter, locations, enterprises, products, rows, allEnterprises } = useLoaderData<typeof loader>()
  const outcome = useActionData<typeof action>() as ActionOutcome | undefined
  const navigation = useNavigation()
  const { t, name, productOptions, locationOptions } = useStockText()
  const initial: LiveLevel[] = rows.flatMap((row) => row.levels.map((level) => ({ productId: row.productId, ...level })))
  const { levels, connected } = useLiveLevels(initial, { since })
  const byKey = new Map(levels.map((level) => [levelKey(level.productId, level.locationId), level]))
  const shownLocations = filter.locationId ? locations.filter((location) => location.id === filter.locationId) : locations
  const busy = navigation.state === 'submitting'

  return (
    <Page
      title={t('stock.levels.title')}
      fullWidth
      titleMetadata={<Badge tone={connected ? 'success' : 'attention'}>{connected ? t('stock.live') : t('stock.reconnecting')}</Badge>}
    >
      <BlockStack gap="400">
        <OutcomeBanner outcome={outcome} />
        <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
          <StockForm intent="receive" outcome={outcome} busy={busy} productOptions={productOptions(products)} locationOptions={locationOptions(locations)} />
          <StockForm intent="adjust" outcome={outcome} busy={busy} productOptions={productOptions(products)} locationOptions={locationOptions(locations)} />
        </InlineGrid>
        <Card>
          <BlockStack gap="300">
            <Form method="get">
              <InlineStack gap="300" blockAlign="end" wrap>
                <FormSelect label={t('stock.location')} name="locationId" defaultValue={filter.locationId ? String(filter.locationId) : ''} options={locationOptions(locations, t('stock.allLocations'))} />
                {allEnterprises ? (
                  <FormSelect
                    label={t('stock.enterprise')}
                    name="enterpriseId"
                    defaultValue={filter.enterpriseId ? String(filter.enterpriseId) : ''}
                    options={[{ label: t('stock.allEnterprises'), value: '' }, ...enterprises.map((e) => ({ label: name(e), value: String(e.id) }))]}
                  />
                ) : null}
                <FormTextField label={t('stock.search')} name="q" type="search" defaultValue={filter.q ?? ''} />
                <Button submit>{t('stock.applyFilters')}</Button>
              </InlineStack>
            </Form>
            <Text as="p" tone="subdued" variant="bodySm">
              {t('stock.levels.legend')}
            </Text>
            {rows.length === 0 ? (
              <Text as="p">{t('stock.levels.empty')}</Text>
            ) : (
              <DataTable
                columnContentTypes={['text', ...(allEnterprises ? (['text'] as const) : []), ...shownLocations.map(() => 'numeric' as const)]}
                headings={[t('stock.product'), ...(allEnterprises ? [t('stock.enterprise')] : []), ...shownLocations.map((location) => location.code)]}
                rows={rows.map((row) => [
                  <Link key="product" to={`/stock/products/${row.productId}`}>
                    {row.sku} · {name(row)}
                  </Link>,
                  ...(allEnterprises ? [name({ nameKo: row.enterpriseKo, nameEn: row.enterpriseEn })] : []),
                  ...shownLocations.map((location) => {
                    const level = byKey.get(levelKey(row.productId, location.id))
                    return level ? (
                      <span key={location.id} data-level={levelKey(row.productId, location.id)}>
                        <strong>{level.available}</strong> <small>({level.onHand}/{level.reserved})</small>
                      </span>
                    ) : (
                      '–'
                    )
                  }),
                ])}
              />
            )}
          </BlockStack>
        </Card>
      </BlockStack>
    </Page>
  )
}

function StockForm(props: {
  intent: 'receive' | 'adjust'
  outcome: ActionOutcome | undefined
  busy: boolean
  productOptions: { label: string; value: string }[]
  locationOptions: { label: string; value: string }[]
}) {
  const { t } = useStockText()
  const errorOf = useFieldErrors(props.outcome, props.intent)
  const adjust = props.intent === 'adjust'
  return (
    <Card>
      <Form method="post">
        <CsrfInput />
        <input type="hidden" name="intent" value={props.intent} />
        <FormLayout>
          <Text as="h2" variant="headingMd">
            {t(`stock.${props.intent}.title`)}
          </Text>
          <FormSelect label={t('stock.product')} name="productId" options={props.productOptions} error={errorOf('productId')} />
          <FormSelect label={t('stock.location')} name="locationId" options={props.locationOptions} error={errorOf('locationId')} />
          {adjust ? (
            <FormTextField label={t('stock.adjust.delta')} name="delta" type="number" inputMode="numeric" error={errorOf('delta')} />
          ) : (
            <FormTextField label={t('stock.quantity')} name="quantity" type="number" inputMode="numeric" error={errorOf('quantity')} />
          )}
          <FormTextField label={adjust ? t('stock.adjust.reason') : t('stock.reasonOptional')} name="reason" error={errorOf('reason')} />
          <Button submit variant="primary" loading={props.busy}>
            {t(`stock.${props.intent}.submit`)}
          </Button>
        </FormLayout>
      </Form>
    </Card>
  )
}
