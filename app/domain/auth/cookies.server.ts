// Reading and writing the few cookies we use. All are httpOnly and SameSite=Lax; Secure in production.
export const SESSION_COOKIE = 'dm_session'
export const DEVICE_COOKIE = 'dm_device'
export const CSRF_COOKIE = 'dm_csrf'
export const LOCALE_COOKIE = 'dm_lang'

export function readCookies(header: string | null | undefined): Record<string, string> {
  const cookies: Record<string, string> = {}
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=')
    if (index < 0) continue
    const name = part.slice(0, index).trim()
    const value = part.slice(index + 1).trim()
    if (!name || name in cookies) continue
    try {
      cookies[name] = decodeURIComponent(value)
    } catch {
      // A malformed cookie is ignored rather than failing the request.
    }
  }
  return cookies
}

export function readCookie(request: Request, name: string): string | undefined {
  return readCookies(request.headers.get('cookie'))[name]
}

export function serializeCookie(
  name: string,
  value: string,
  options: { secure: boolean; maxAgeSeconds?: number; httpOnly?: boolean },
): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'SameSite=Lax']
  if (options.httpOnly !== false) parts.push('HttpOnly')
  if (options.secure) parts.push('Secure')
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${options.maxAgeSeconds}`)
  return parts.join('; ')
}
