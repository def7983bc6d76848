// Offline sales that sold more than the ledger held: flagged movements to look into and resolve.
import { Form, Link, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from 'react-router'
import { CsrfInput } from '../../components/csrf-input'
import { BlockStack, Button, Card, FormTextField, InlineStack, Page, Text } from '../../components/polaris/polaris-shell'
import { OutcomeBanner, useFieldErrors, useStockText, type ActionOutcome } from '../../components/stock/stock-form-parts'
import { actorOf, authorizeAction, enterpriseScopeOf, requirePermission } from '../../domain/auth/permissions.server'
import { resolveShortfallSchema } from '../../domain/inventory/inventory.schema'
import { resolveShortfall } from '../../domain/inventory/stock.server'
import { listOpenShortfalls, listStockLocations } from '../../domain/inventory/stock-views.server'
import { formatSeoulDateTime } from '../../lib/seoul-time'
import { formFields, inventoryFailure, invalid, succeeded } from './stock-action.server'

/** The page title (root.tsx renders it in the visitor's language). */
export const handle = { titleKey: 'titles.shortfalls' }

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, 'stock:manage')
  const scope = enterpriseScopeOf(user)
  const db = args.context.services.database.prisma
  const [shortfalls, locations] = await Promise.all([listOpenShortfalls({ db, scope }), listStockLocations({ db })])
  return { shortfalls, locations }
}

export async function action(args: ActionFunctionArgs) {
  const { user, form } = await authorizeAction(args, 'stock:manage')
  const { database, changes } = args.context.services
  const parsed = resolveShortfallSchema.safeParse(formFields(form))
  const intent = `resolve-${String(form.get('movementId'))}`
  if (!parsed.success) return invalid(intent, parsed.error)
  try {
    // The service checks the product's enterprise against the actor (another enterprise's → 403).
    await resolveShortfall({ database, changes }, { ...parsed.data, actor: actorOf(user) })
  } catch (error) {
    return inventoryFailure(intent, error, 'resolution')
  }
  return succeeded(intent, 'shortfallResolved', { id: parsed.data.movementId })
}

export default function StockShortfalls() {
  const { shortfalls, locations } = useLoaderData<typeof loader>()
  const outcome = useActionData<typeof action>() as ActionOutcome | undefined
  const { t, name } = useStockText()
  const locationCode = new Map(locations.map((location) => [location.id, location.code]))
  return (
    <Page title={t('stock.shortfalls.title')} subtitle={t('stock.shortfalls.help')} fullWidth>
      <BlockStack gap="400">
        <OutcomeBanner outcome={outcome} />
        {shortfalls.length === 0 ? (
          <Card>
            <Text as="p">{t('stock.shortfalls.empty')}</Text>
          </Card>
        ) : null}
        {shortfalls.map((shortfall) => (
          <Card key={shortfall.id}>
            <BlockStack gap="300">
              <InlineStack gap="300" blockAlign="center">
                <Link to={`/stock/products/${shortfall.product.id}`}>
                  {shortfall.product.sku} · {name(shortfall.product)}
                </Link>
                <Text as="span" variant="headingSm">
                  {t('stock.shortfalls.units', { count: shortfall.shortfall })}
                </Text>
                <Text as="span" tone="subdued">
                  {locationCode.get(shortfall.locationId)} · {formatSeoulDateTime(shortfall.createdAt)}
                  {shortfall.saleCode ? ` · ${t('stock.history.refSale', { code: shortfall.saleCode })}` : ''}
                  {shortfall.actor ? ` · ${shortfall.actor}` : ''}
                </Text>
              </InlineStack>
              {shortfall.reason ? <Text as="p">{shortfall.reason}</Text> : null}
              <ResolveForm movementId={shortfall.id} outcome={outcome} />
            </BlockStack>
          </Card>
        ))}
      </BlockStack>
    </Page>
  )
}

function ResolveForm({ movementId, outcome }: { movementId: number; outcome: ActionOutcome | undefined }) {
  const { t } = useStockText()
  const errorOf = useFieldErrors(outcome, `resolve-${movementId}`)
  return (
    <Form method="post">
      <CsrfInput />
      <input type="hidden" name="movementId" value={movementId} />
      <InlineStack gap="300" blockAlign="end">
        <div style={{ flex: 1 }}>
          <FormTextField label={t('stock.shortfalls.resolution')} name="resolution" error={errorOf('resolution')} />
        </div>
        <Button submit variant="primary">
          {t('stock.shortfalls.resolve')}
        </Button>
      </InlineStack>
    </Form>
  )
}
