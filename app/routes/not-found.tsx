import { data } from 'react-router'

/** The page title (root.tsx renders it in the visitor's language). */
export const handle = { titleKey: 'titles.notFound' }

export async function loader() {
  throw data({ error: 'Not found' }, { status: 404 })
}

export default function NotFound() {
  return null
}
