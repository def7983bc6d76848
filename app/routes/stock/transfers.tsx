// Transfers between locations: the list with send / receive (partial) / cancel, and a create form.
import { useState } from 'react'
import { Form, useActionData, useLoaderData, useNavigation, type ActionFunctionArgs, type LoaderFunctionArgs } from 'react-router'
import { CsrfInput } from '../../components/csrf-input'
import { Badge, BlockStack, Button, Card, DataTable, FormLayout, FormSelect, FormTextField, InlineGrid, InlineStack, Page, Text } from '../../components/polaris/polaris-shell'
import { OutcomeBanner, useFieldErrors, useStockText, type ActionOutcome } from '../../components/stock/stock-form-parts'
import { actorOf, authorizeAction, enterpriseScopeOf, forbidden, requirePermission } from '../../domain/auth/permissions.server'
import { InventoryRuleError } from '../../domain/inventory/errors'
import { createTransferSchema, receiveTransferSchema } from '../../domain/inventory/inventory.schema'
import { checkProductScope, checkTransferScope, listScopedProducts, listStockLocations, listTransfers, locationsExist, transfersQuerySchema, type TransferRow } from '../../domain/inventory/stock-views.server'
import { cancelTransfer, createTransfer, receiveTransfer, sendTransfer } from '../../domain/inventory/transfers.server'
import { formatSeoulDateTime } from '../../lib/seoul-time'
import { fieldError, inventoryFailure, invalid, scopeRefusal, succeeded } from './stock-action.server'

/** The page title (root.tsx renders it in the visitor's language). */
export const handle = { titleKey: 'titles.transfers' }

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, 'stock:manage')
  const scope = enterpriseScopeOf(user)
  const db = args.context.services.database.prisma
  const filter = transfersQuerySchema.parse(Object.fromEntries(new URL(args.request.url).searchParams))
  const [locations, products, transfers] = await Promise.all([
    listStockLocations({ db }),
    listScopedProducts({ db, scope }),
    listTransfers({ db, scope, status: filter.status }),
  ])
  return { filter, locations, products, transfers }
}

const TRANSFER_INTENTS = ['create', 'send', 'receive', 'cancel'] as const
type TransferIntent = (typeof TRANSFER_INTENTS)[number]

export async function action(args: ActionFunctionArgs) {
  const { user, form } = await authorizeAction(args, 'stock:manage')
  const scope = enterpriseScopeOf(user)
  const { database, changes } = args.context.services
  const deps = { database, changes }
  const db = database.prisma
  const intent = TRANSFER_INTENTS.find((known) => known === form.get('intent')) ?? 'create'

  if (intent === 'create') {
    const productIds = form.getAll('lineProductId').map(String)
    const quantities = form.getAll('lineQuantity').map(String)
    const parsed = createTransferSchema.safeParse({
      fromLocationId: form.get('fromLocationId'),
      toLocationId: form.get('toLocationId'),
      note: String(form.get('note') ?? '').trim() || undefined,
      lines: productIds.map((productId, index) => ({ productId, quantity: quantities[index] ?? '' })),
    })
    if (!parsed.success) return invalid(intent, parsed.error)
    const refusal = scopeRefusal(intent, await checkProductScope({ db, scope, productIds: parsed.data.lines.map((line) => line.productId) }), 'lines')
    if (refusal) return refusal
    if (!(await locationsExist({ db, locationIds: [parsed.data.fromLocationId, parsed.data.toLocationId] }))) return fieldError(intent, 'fromLocationId', 'Unknown')
    const { transferId } = await createTransfer(deps, { ...parsed.data, actor: actorOf(user) })
    return succeeded(intent, 'transferCreated', { id: transferId })
  }

  const transferId = Number(form.get('transferId'))
  if (!Number.isInteger(transferId) || transferId <= 0) return fieldError(intent, 'transferId', 'Unknown')
  const check = await checkTransferScope({ db, scope, transferId })
  if (check === 'forbidden') forbidden('This transfer carries another enterprise’s products')
  if (check === 'unknown') return inventoryFailure(intent, new InventoryRuleError('NOT_FOUND', `no transfer ${transferId}`), 'transferId')
  try {
    if (intent === 'send') await sendTransfer(deps, { transferId, actor: actorOf(user) })
    else if (intent === 'cancel') await cancelTransfer(deps, { transferId, actor: actorOf(user) })
    else {
      const lines = [...form.keys()]
        .filter((key) => key.startsWith('received.'))
        .map((key) => ({ productId: key.slice('received.'.length), receivedQuantity: form.get(key) }))
      const parsed = receiveTransferSchema.safeParse({ transferId, lines })
      if (!parsed.success) return invalid(intent, parsed.error)
      await receiveTransfer(deps, { ...parsed.data, actor: actorOf(user) })
    }
  } catch (error) {
    return inventoryFailure(intent, error, 'transferId')
  }
  const done: Record<Exclude<TransferIntent, 'create'>, string> = { send: 'transferSent', receive: 'transferReceived', cancel: 'transferCancelled' }
  return succeeded(intent, done[intent], { id: transferId })
}

const STATUS_TONE = { DRAFT: 'info', SENT: 'attention', RECEIVED: 'success', CANCELLED: undefined } as const

export default function StockTransfers() {
  const { filter, locations, products, transfers } = useLoaderData<typeof loader>()
  const outcome = useActionData<typeof action>() as ActionOutcome | undefined
  const { t } = useStockText()
  const locationCode = new Map(locations.map((location) => [location.id, location.code]))
  return (
    <Page title={t('stock.transfers.title')} fullWidth>
      <BlockStack gap="400">
        <OutcomeBanner outcome={outcome} />
        <CreateTransferForm locations={locations} products={products} outcome={outcome} />
        <Card>
          <Form method="get">
            <InlineStack gap="300" blockAlign="end">
              <FormSelect
                label={t('stock.transfers.status')}
                name="status"
                defaultValue={filter.status ?? ''}
                options={[{ label: t('stock.transfers.allStatuses'), value: '' }, ...(['DRAFT', 'SENT', 'RECEIVED', 'CANCELLED'] as const).map((status) => ({ label: t(`stock.transferStatus.${status}`), value: status }))]}
              />
              <Button submit>{t('stock.applyFilters')}</Button>
            </InlineStack>
          </Form>
        </Card>
        {transfers.length === 0 ? <Text as="p">{t('stock.transfers.empty')}</Text> : null}
        {transfers.map((transfer) => (
          <TransferCard key={transfer.id} transfer={transfer} from={locationCode.get(transfer.fromLocationId) ?? ''} to={locationCode.get(transfer.toLocationId) ?? ''} />
        ))}
      </BlockStack>
    </Page>
  )
}

function CreateTransferForm(props: {
  locations: { id: number; code: string; nameKo: string; nameEn: string }[]
  products: { id: number; sku: string; nameKo: string; nameEn: string }[]
  outcome: ActionOutcome | undefined
}) {
  const { t, productOptions, locationOptions } = useStockText()
  const errorOf = useFieldErrors(props.outcome, 'create')
  const [lines, setLines] = useState([0])
  const navigation = useNavigation()
  return (
    <Card>
      <Form method="post">
        <CsrfInput />
        <input type="hidden" name="intent" value="create" />
        <FormLayout>
          <Text as="h2" variant="headingMd">
            {t('stock.transfers.create')}
          </Text>
          <InlineGrid columns={{ xs: 1, md: 3 }} gap="300">
            <FormSelect label={t('stock.transfers.from')} name="fromLocationId" options={locationOptions(props.locations)} error={errorOf('fromLocationId')} />
            <FormSelect label={t('stock.transfers.to')} name="toLocationId" options={locationOptions(props.locations)} error={errorOf('toLocationId')} />
            <FormTextField label={t('stock.transfers.note')} name="note" />
          </InlineGrid>
          {lines.map((line, index) => (
            <InlineStack key={line} gap="300" blockAlign="end" wrap={false}>
              <div style={{ flex: 3 }}>
                <FormSelect label={t('stock.product')} name="lineProductId" options={productOptions(props.products)} error={errorOf(`lines.${index}.productId`)} />
              </div>
              <div style={{ flex: 1 }}>
                <FormTextField label={t('stock.quantity')} name="lineQuantity" type="number" inputMode="numeric" error={errorOf(`lines.${index}.quantity`)} />
              </div>
              <Button disabled={lines.length === 1} onClick={() => setLines(lines.filter((other) => other !== line))}>
                {t('stock.transfers.removeLine')}
              </Button>
            </InlineStack>
          ))}
          {errorOf('lines') ? (
            <Text as="p" tone="critical">
              {errorOf('lines')}
            </Text>
          ) : null}
          <InlineStack gap="300">
            <Button onClick={() => setLines([...lines, Math.max(...lines) + 1])}>{t('stock.transfers.addLine')}</Button>
            <Button submit variant="primary" loading={navigation.state === 'submitting' && navigation.formData?.get('intent') === 'create'}>
              {t('stock.transfers.createSubmit')}
            </Button>
          </InlineStack>
        </FormLayout>
      </Form>
    </Card>
  )
}

function TransferCard({ transfer, from, to }: { transfer: TransferRow; from: string; to: string }) {
  const { t, name } = useStockText()
  const receiving = transfer.status === 'SENT' && transfer.actionable
  const table = (
    <DataTable
      columnContentTypes={['text', 'numeric', 'numeric']}
      headings={[t('stock.product'), t('stock.transfers.sent'), t('stock.transfers.received')]}
      rows={transfer.lines.map((line) => [
        `${line.sku} · ${name(line)}`,
        line.quantity,
        receiving ? (
          <FormTextField
            key="received"
            label={t('stock.transfers.received')}
            labelHidden
            name={`received.${line.productId}`}
            type="number"
            inputMode="numeric"
            defaultValue={String(line.quantity)}
          />
        ) : (
          (line.receivedQuantity ?? '–')
        ),
      ])}
    />
  )
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack gap="300" blockAlign="center">
          <Text as="h3" variant="headingSm">
            #{transfer.id} · {from} → {to}
          </Text>
          <Badge tone={STATUS_TONE[transfer.status]}>{t(`stock.transferStatus.${transfer.status}`)}</Badge>
          <Text as="span" tone="subdued" variant="bodySm">
            {formatSeoulDateTime(transfer.createdAt)}
            {transfer.createdBy ? ` · ${transfer.createdBy}` : ''}
            {transfer.note ? ` · ${transfer.note}` : ''}
          </Text>
        </InlineStack>
        {receiving ? (
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="receive" />
            <input type="hidden" name="transferId" value={transfer.id} />
            <BlockStack gap="300">
              {table}
              <InlineStack>
                <Button submit variant="primary">
                  {t('stock.transfers.receive')}
                </Button>
              </InlineStack>
            </BlockStack>
          </Form>
        ) : (
          table
        )}
        {transfer.actionable ? null : (
          <Text as="p" tone="subdued">
            {t('stock.transfers.otherLines', { count: transfer.hiddenLines })}
          </Text>
        )}
        {transfer.actionable && (transfer.status === 'DRAFT' || transfer.status === 'SENT') ? (
          <InlineStack gap="300">
            {transfer.status === 'DRAFT' ? <TransferButton transferId={transfer.id} intent="send" /> : null}
            <TransferButton transferId={transfer.id} intent="cancel" />
          </InlineStack>
        ) : null}
      </BlockStack>
    </Card>
  )
}

function TransferButton({ transferId, intent }: { transferId: number; intent: 'send' | 'cancel' }) {
  const { t } = useStockText()
  return (
    <Form method="post">
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="transferId" value={transferId} />
      <Button submit variant={intent === 'send' ? 'primary' : undefined} tone={intent === 'cancel' ? 'critical' : undefined}>
        {t(`stock.transfers.${intent}`)}
      </Button>
    </Form>
  )
}
