import { useTranslation } from 'react-i18next'
import { Form, redirect, useActionData, type ActionFunctionArgs } from 'react-router'
import { Banner, BlockStack, Button, Card, FormLayout, FormTextField, Page, Text } from '../../components/polaris/polaris-shell'
import { CsrfInput } from '../../components/csrf-input'
import { readProtectedForm } from '../../domain/auth/permissions.server'
import { deviceCookie } from '../../domain/auth/session.server'
import { invalidInput, signInRefused } from '../../lib/action-errors.server'
import { pairDevice, pairDeviceSchema } from '../../domain/auth/sign-in.server'

/** The page title (root.tsx renders it in the visitor's language). */
export const handle = { titleKey: 'titles.pair' }

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readProtectedForm({ request, context })
  const parsed = pairDeviceSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success) return invalidInput(parsed.error)
  const { services, clientAddress } = context
  const paired = await pairDevice({ db: services.database.prisma, brakes: services.brakes, changes: services.changes, code: parsed.data.code, clientAddress })
  if (!paired.ok) return signInRefused(paired.reason, paired.retryAfterSeconds, paired.reason === 'invalid' ? 400 : undefined)
  return redirect('/pos/sign-in', { headers: { 'Set-Cookie': deviceCookie(paired.token, context.services.env.COOKIE_SECURE) } })
}

export default function PairDevice() {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  return (
    <Page title={t('pos.pairTitle')} narrowWidth>
      <Card>
        <Form method="post">
          <CsrfInput />
          <FormLayout>
            <Text as="p">{t('pos.pairHelp')}</Text>
            {actionData?.error.code === 'RATE_LIMITED' ? (
              <Banner tone="critical">{t('auth.rateLimited', { seconds: actionData.error.values?.seconds ?? 60 })}</Banner>
            ) : actionData?.error ? (
              <Banner tone="critical">{t('pos.pairInvalid')}</Banner>
            ) : null}
            <BlockStack gap="200">
              <FormTextField label={t('pos.pairCode')} name="code" />
            </BlockStack>
            <Button submit variant="primary" size="large">
              {t('pos.pairSubmit')}
            </Button>
          </FormLayout>
        </Form>
      </Card>
    </Page>
  )
}
