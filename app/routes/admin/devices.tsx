import { useTranslation } from 'react-i18next'
import { data, Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from 'react-router'
import { CsrfInput } from '../../components/csrf-input'
import { Badge, Banner, BlockStack, Button, Card, DataTable, FormLayout, FormSelect, FormTextField, InlineStack, Page, Text } from '../../components/polaris/polaris-shell'
import { actorOf, authorizeAction, requirePermission } from '../../domain/auth/permissions.server'
import { listLockedCashiers, unlockCashierPin, unlockCashierSchema } from '../../domain/auth/sign-in.server'
import { formatSeoulDateTime } from '../../lib/seoul-time'
import { formRefused, invalidInput } from '../../lib/action-errors.server'
import { createDevice, createDeviceSchema, deviceIdSchema, issuePairingCode, listDevices, revokeDevice } from '../../domain/pos/devices.server'

/** The page title (root.tsx renders it in the visitor's language). */
export const handle = { titleKey: 'titles.devices' }

export async function loader(args: LoaderFunctionArgs) {
  await requirePermission(args, 'devices:manage')
  const db = args.context.services.database.prisma
  const [devices, locations, lockedCashiers] = await Promise.all([
    listDevices(db),
    db.location.findMany({ where: { active: true, kind: { not: 'ONLINE' } }, select: { id: true, code: true, nameKo: true, nameEn: true }, orderBy: { id: 'asc' } }),
    listLockedCashiers(db),
  ])
  return {
    devices: devices.map(({ pairingCodeHash, pairingCodeExpiresAt, ...device }) => ({
      ...device,
      waitingForPairing: pairingCodeHash !== null && pairingCodeExpiresAt !== null && pairingCodeExpiresAt > new Date(),
    })),
    locations,
    lockedCashiers: lockedCashiers.map((cashier) => ({ ...cashier, pinLockedAt: cashier.pinLockedAt?.toISOString() ?? null })),
  }
}

export async function action(args: ActionFunctionArgs) {
  const { user, form } = await authorizeAction(args, 'devices:manage')
  const db = args.context.services.database.prisma
  const log = args.context.services.log
  const audit = { actor: actorOf(user), requestId: args.context.requestId }
  const intent = form.get('intent')
  if (intent === 'create') {
    const parsed = createDeviceSchema.safeParse(Object.fromEntries(form))
    if (!parsed.success) return invalidInput(parsed.error, intent)
    const { deviceId, pairingCode } = await createDevice(db, parsed.data, audit)
    return data({ ok: true as const, deviceId, pairingCode })
  }
  if (intent === 'unlock') {
    const parsed = unlockCashierSchema.safeParse(Object.fromEntries(form))
    if (!parsed.success) return invalidInput(parsed.error, intent)
    const unlocked = await unlockCashierPin({ db, actor: user, userId: parsed.data.userId, audit })
    if (!unlocked) return formRefused('NOT_FOUND', 404, { intent, fieldErrors: { userId: 'No locked cashier with that id' } })
    return data({ ok: true as const, deviceId: null, pairingCode: null })
  }
  const parsed = deviceIdSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success) return invalidInput(parsed.error, typeof intent === 'string' ? intent : undefined)
  const { deviceId } = parsed.data
  if (intent === 'code') {
    const pairingCode = await issuePairingCode(db, deviceId, audit)
    if (!pairingCode) return formRefused('NOT_FOUND', 404, { intent, fieldErrors: { deviceId: 'No active tablet with that id' } })
    return data({ ok: true as const, deviceId, pairingCode })
  }
  if (intent === 'revoke') {
    const revoked = await revokeDevice({ db, changes: args.context.services.changes }, deviceId, audit)
    if (!revoked) return formRefused('NOT_FOUND', 404, { intent, fieldErrors: { deviceId: 'No active tablet with that id' } })
    log.info('POS device revoked', { requestId: args.context.requestId, deviceId })
    return data({ ok: true as const, deviceId, pairingCode: null })
  }
  return formRefused('INVALID_INPUT', 400, { fieldErrors: { intent: 'Unknown action' } })
}

export default function Devices() {
  const { devices, locations, lockedCashiers } = useLoaderData<typeof loader>()
  const outcome = useActionData<typeof action>()
  const { t, i18n } = useTranslation()
  const en = i18n.language === 'en'
  const fieldErrors: Record<string, string | undefined> = outcome && !outcome.ok ? (outcome.fieldErrors ?? {}) : {}
  return (
    <Page title={t('devices.title')} fullWidth>
      <BlockStack gap="400">
        {outcome?.ok && outcome.pairingCode ? (
          <Banner tone="success" title={t('devices.codeTitle')}>
            <Text as="p" variant="heading2xl" id="pairing-code">
              {outcome.pairingCode}
            </Text>
            <Text as="p">{t('devices.codeHelp')}</Text>
          </Banner>
        ) : null}
        <Card>
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="create" />
            <FormLayout>
              <Text as="h2" variant="headingMd">
                {t('devices.add')}
              </Text>
              <FormTextField label={t('devices.name')} name="name" error={fieldErrors.name} />
              <FormSelect
                label={t('devices.location')}
                name="locationId"
                options={locations.map((l: { id: number; code: string; nameKo: string; nameEn: string }) => ({ label: `${l.code} · ${en ? l.nameEn : l.nameKo}`, value: String(l.id) }))}
                error={fieldErrors.locationId}
              />
              <Button submit variant="primary">
                {t('devices.create')}
              </Button>
            </FormLayout>
          </Form>
        </Card>
        {lockedCashiers.length > 0 ? (
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                {t('devices.lockedTitle')}
              </Text>
              <Text as="p">{t('devices.lockedHelp')}</Text>
              <DataTable
                columnContentTypes={['text', 'text', 'text']}
                headings={[t('devices.name'), t('devices.lockedSince'), '']}
                rows={lockedCashiers.map((cashier) => [
                  `${cashier.name} (${cashier.posHandle ?? '-'})`,
                  cashier.pinLockedAt ? formatSeoulDateTime(cashier.pinLockedAt) : '',
                  <Form key="unlock" method="post">
                    <CsrfInput />
                    <input type="hidden" name="userId" value={cashier.id} />
                    <input type="hidden" name="intent" value="unlock" />
                    <Button submit size="slim">
                      {t('devices.unlock')}
                    </Button>
                  </Form>,
                ])}
              />
            </BlockStack>
          </Card>
        ) : null}
        <Card>
          <DataTable
            columnContentTypes={['text', 'text', 'text', 'text']}
            headings={[t('devices.name'), t('devices.location'), t('devices.state'), '']}
            rows={devices.map((device) => [
              device.name,
              `${device.location.code} · ${en ? device.location.nameEn : device.location.nameKo}`,
              <Badge key="state" tone={!device.active ? 'critical' : device.registeredAt ? 'success' : 'attention'}>
                {!device.active ? t('devices.revoked') : device.waitingForPairing ? t('devices.waiting') : device.registeredAt ? t('devices.paired') : t('devices.noCode')}
              </Badge>,
              device.active ? (
                <InlineStack key="actions" gap="200">
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="deviceId" value={device.id} />
                    <input type="hidden" name="intent" value="code" />
                    <Button submit size="slim">
                      {t('devices.newCode')}
                    </Button>
                  </Form>
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="deviceId" value={device.id} />
                    <input type="hidden" name="intent" value="revoke" />
                    <Button submit size="slim" tone="critical">
                      {t('devices.revoke')}
                    </Button>
                  </Form>
                </InlineStack>
              ) : (
                ''
              ),
            ])}
          />
        </Card>
      </BlockStack>
    </Page>
  )
}
