// Polaris lives behind this module: the POS and the admin use it through these wrappers, so the
// React library (no longer maintained upstream) can be replaced without touching every route.
import { AppProvider, Select, TextField } from '@shopify/polaris'
import { useState } from 'react'
import enTranslations from '@shopify/polaris/locales/en.json'
import koTranslations from '@shopify/polaris/locales/ko.json'
import { useTranslation } from 'react-i18next'

export { Badge, Banner, BlockStack, Box, Button, Card, DataTable, Divider, FormLayout, InlineGrid, InlineStack, Layout, Page, ProgressBar, Select, Text, TextField } from '@shopify/polaris'

export function PolarisShell({ children }: { children: React.ReactNode }) {
  const { i18n } = useTranslation()
  return <AppProvider i18n={i18n.language === 'en' ? enTranslations : koTranslations}>{children}</AppProvider>
}

/** A Polaris text field that keeps its own value, for plain <Form> posts. */
export function FormTextField(props: {
  label: string
  name: string
  type?: 'text' | 'password' | 'email' | 'number' | 'search' | 'date'
  autoComplete?: string
  defaultValue?: string
  inputMode?: 'numeric' | 'text'
  error?: string
  labelHidden?: boolean
}) {
  const [value, setValue] = useState(props.defaultValue ?? '')
  return (
    <TextField
      label={props.label}
      labelHidden={props.labelHidden}
      name={props.name}
      type={props.type ?? 'text'}
      autoComplete={props.autoComplete ?? 'off'}
      inputMode={props.inputMode}
      value={value}
      onChange={setValue}
      error={props.error}
    />
  )
}

/** A Polaris select that keeps its own value, for plain <Form> posts and GET filters. */
export function FormSelect(props: { label: string; name: string; options: { label: string; value: string }[]; defaultValue?: string; error?: string; labelHidden?: boolean }) {
  const [value, setValue] = useState(props.defaultValue ?? props.options[0]?.value ?? '')
  return <Select label={props.label} labelHidden={props.labelHidden} name={props.name} options={props.options} value={value} onChange={setValue} error={props.error} />
}
