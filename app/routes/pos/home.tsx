import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Form, redirect, useLoaderData, type LoaderFunctionArgs } from 'react-router'
import { CsrfInput } from '../../components/csrf-input'
import { Badge, BlockStack, Button, Card, InlineGrid, InlineStack, Page, Text, TextField } from '../../components/polaris/polaris-shell'
import { requirePermission } from '../../domain/auth/permissions.server'
import { findDevice } from '../../domain/auth/session.server'
import { listLocationStock } from '../../domain/catalog/catalog.server'
import { currentLedgerSeq } from '../../domain/inventory/live-read.server'
import { useLiveLevels } from '../../lib/use-live-stock'
import { formatWon } from '../../lib/money'

/** The page title (root.tsx renders it in the visitor's language). */
export const handle = { titleKey: 'titles.pos' }

export async function loader({ request, context }: LoaderFunctionArgs) {
  const db = context.services.database.prisma
  const device = await findDevice({ db, request })
  if (!device) throw redirect('/pos/pair')
  const user = await requirePermission({ request, context }, 'pos:sell')
  if (user.deviceId !== device.id) throw redirect('/pos/sign-in')
  const since = await currentLedgerSeq(db)
  const stock = await listLocationStock({ db, locationId: device.locationId })
  return { device, cashier: { name: user.name }, stock, since }
}

export default function PosHome() {
  const { device, cashier, stock: loaded, since } = useLoaderData<typeof loader>()
  // This tablet's location, kept live: a sale at another tablet or online shows here at once.
  const { levels } = useLiveLevels(
    loaded.map((item) => ({ productId: item.productId, locationId: device.locationId, onHand: item.onHand, reserved: item.reserved, available: item.available })),
    { since, include: () => false },
  )
  const liveByProduct = new Map(levels.map((level) => [level.productId, level]))
  const stock = loaded.map((item) => ({ ...item, ...liveByProduct.get(item.productId) }))
  const { t, i18n } = useTranslation()
  const en = i18n.language === 'en'
  const [filter, setFilter] = useState('')
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase()
    if (!needle) return stock
    return stock.filter((item) => [item.nameKo, item.nameEn, item.sku, item.barcode ?? ''].some((text) => text.toLowerCase().includes(needle)))
  }, [filter, stock])
  const locationName = en ? device.location.nameEn : device.location.nameKo
  return (
    <Page
      title={t('pos.products', { location: locationName })}
      subtitle={`${t('pos.cashier', { name: cashier.name })} · ${t('pos.device', { name: device.name })}`}
      fullWidth
    >
      <BlockStack gap="400">
        <InlineStack align="space-between" blockAlign="center">
          <div className="pos-filter">
            <TextField label={t('pos.filter')} labelHidden placeholder={t('pos.filter')} value={filter} onChange={setFilter} autoComplete="off" />
          </div>
          <Form method="post" action="/logout">
            <CsrfInput />
            <Button submit>{t('nav.signOut')}</Button>
          </Form>
        </InlineStack>
        {stock.length === 0 ? <Text as="p">{t('pos.noStock')}</Text> : null}
        <InlineGrid columns={{ xs: 2, sm: 3, md: 4, lg: 6 }} gap="300">
          {shown.map((item) => (
            <Card key={item.productId} padding="300">
              <div className="pos-tile" data-product-id={item.productId}>
                {item.imageUrl ? <img src={item.imageUrl} alt="" width={96} height={96} /> : null}
                <Text as="h3" variant="headingSm">
                  {en ? item.nameEn : item.nameKo}
                </Text>
                <Text as="p" tone="subdued" variant="bodySm">
                  {en ? item.enterpriseEn : item.enterpriseKo}
                </Text>
                <Text as="p" variant="headingMd">
                  {formatWon(item.priceWon)}
                </Text>
                <Badge tone={item.available > 0 ? 'success' : 'critical'}>{t('pos.available', { count: item.available })}</Badge>
              </div>
            </Card>
          ))}
        </InlineGrid>
      </BlockStack>
    </Page>
  )
}
