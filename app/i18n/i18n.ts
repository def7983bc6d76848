// i18next set-up shared by server rendering and the browser. Korean is the default language;
// resources are bundled (a handful of keys), so initialisation is synchronous on both sides.
import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import en from './en.json'
import ko from './ko.json'

export const LOCALES = ['ko', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'ko'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance()
  instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    resources: { ko: { translation: ko }, en: { translation: en } },
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
  })
  return instance
}
