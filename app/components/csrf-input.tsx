// The hidden CSRF field every mutating form carries (token from the root loader).
import { useRouteLoaderData } from 'react-router'
import type { RootLoaderData } from '../root'

export function CsrfInput() {
  const root = useRouteLoaderData('root') as RootLoaderData | undefined
  return <input type="hidden" name="csrf" value={root?.csrfToken ?? ''} />
}

export function useCsrfToken(): string {
  const root = useRouteLoaderData('root') as RootLoaderData | undefined
  return root?.csrfToken ?? ''
}
