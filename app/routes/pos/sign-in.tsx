import { useTranslation } from 'react-i18next'
import { Form, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from 'react-router'
import { CsrfInput } from '../../components/csrf-input'
import { Banner, Button, Card, FormLayout, FormTextField, Page, Select } from '../../components/polaris/polaris-shell'
import { useState } from 'react'
import { readProtectedForm } from '../../domain/auth/permissions.server'
import { findDevice, signedInHeaders } from '../../domain/auth/session.server'
import { listPosCashiers, pinSignInSchema, signInWithPin } from '../../domain/auth/sign-in.server'
import { invalidInput, signInRefused } from '../../lib/action-errors.server'

/** The page title (root.tsx renders it in the visitor's language). */
export const handle = { titleKey: 'titles.posSignIn' }

export async function loader({ request, context }: LoaderFunctionArgs) {
  const db = context.services.database.prisma
  const device = await findDevice({ db, request })
  if (!device) throw redirect('/pos/pair')
  const cashiers = await listPosCashiers(db)
  return { device, cashiers }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const db = context.services.database.prisma
  const form = await readProtectedForm({ request, context })
  const device = await findDevice({ db, request })
  if (!device) throw redirect('/pos/pair')
  const parsed = pinSignInSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success) return invalidInput(parsed.error)
  const result = await signInWithPin({ db, brakes: context.services.brakes, deviceId: device.id, ...parsed.data })
  if (!result.ok) return signInRefused(result.reason, result.retryAfterSeconds)
  return redirect('/pos', { headers: await signedInHeaders(request, context.services, result) })
}

export default function PosSignIn() {
  const { device, cashiers } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, i18n } = useTranslation()
  const en = i18n.language === 'en'
  const [handle, setHandle] = useState(cashiers[0]?.posHandle ?? '')
  const options = cashiers.map((cashier) => ({
    label: cashier.enterprise ? `${cashier.name} · ${en ? cashier.enterprise.nameEn : cashier.enterprise.nameKo}` : cashier.name,
    value: cashier.posHandle ?? '',
  }))
  return (
    <Page title={t('pos.signInTitle', { location: en ? device.location.nameEn : device.location.nameKo })} narrowWidth>
      <Card>
        <Form method="post">
          <CsrfInput />
          <FormLayout>
            {actionData?.error.code === 'RATE_LIMITED' ? (
              <Banner tone="critical">{t('pos.pinRateLimited', { seconds: actionData.error.values?.seconds ?? 60 })}</Banner>
            ) : actionData?.error.code === 'PIN_LOCKED' ? (
              <Banner tone="critical">{t('pos.pinLocked')}</Banner>
            ) : actionData?.error ? (
              <Banner tone="critical">{t('pos.pinInvalid')}</Banner>
            ) : null}
            {/* A named native select, so the choice is submitted even before the page's scripts load. */}
            <Select label={t('pos.who')} name="handle" options={options} value={handle} onChange={setHandle} />
            <FormTextField label={t('pos.pin')} name="pin" type="password" inputMode="numeric" autoComplete="one-time-code" />
            <Button submit variant="primary" size="large">
              {t('pos.signIn')}
            </Button>
          </FormLayout>
        </Form>
      </Card>
    </Page>
  )
}
