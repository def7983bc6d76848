// Pieces the stock admin forms share: picker options, translated field errors and the outcome banner.
import { useTranslation } from 'react-i18next'
import type { FormOutcome } from '../../domain/domain-error'
import { Banner } from '../polaris/polaris-shell'

/** Every stock form answers in the one shape of all forms (app/domain/domain-error.ts). */
export type ActionOutcome = FormOutcome

interface Named {
  nameKo: string
  nameEn: string
}

export function useStockText() {
  const { t, i18n } = useTranslation()
  const en = i18n.language === 'en'
  const name = (item: Named) => (en ? item.nameEn : item.nameKo)
  return {
    t,
    name,
    productOptions: (products: (Named & { id: number; sku: string })[], placeholder = true) => [
      ...(placeholder ? [{ label: t('stock.choose'), value: '' }] : []),
      ...products.map((product) => ({ label: `${product.sku} · ${name(product)}`, value: String(product.id) })),
    ],
    locationOptions: (locations: (Named & { id: number; code: string })[], emptyLabel: string | null = t('stock.choose')) => [
      ...(emptyLabel === null ? [] : [{ label: emptyLabel, value: '' }]),
      ...locations.map((location) => ({ label: `${location.code} · ${name(location)}`, value: String(location.id) })),
    ],
  }
}

/** The translated error of one field of the form that answered, if any. */
export function useFieldErrors(outcome: ActionOutcome | undefined, intent: string) {
  const { t } = useTranslation()
  return (field: string): string | undefined => {
    if (!outcome || outcome.ok || outcome.intent !== intent) return undefined
    const raw = outcome.fieldErrors?.[field]
    if (raw === undefined) return undefined
    // A field marked with the refusal's own code (e.g. OUT_OF_STOCK on the quantity) says what the banner says.
    if (raw === outcome.error.code) return t(`stock.errors.${raw}`, outcome.error.values)
    return t(`stock.fieldErrors.${field.split('.').pop()}`, { defaultValue: raw })
  }
}

/** Success or failure of the form that answered (shown once, above the forms). */
export function OutcomeBanner({ outcome }: { outcome: ActionOutcome | undefined }) {
  const { t } = useTranslation()
  if (!outcome) return null
  if (outcome.ok) return outcome.done ? <Banner tone="success">{t(`stock.done.${outcome.done.key}`, outcome.done.values)}</Banner> : null
  return <Banner tone="critical">{t(`stock.errors.${outcome.error.code}`, { ...outcome.error.values, defaultValue: t('stock.errors.INVALID_INPUT') })}</Banner>
}
