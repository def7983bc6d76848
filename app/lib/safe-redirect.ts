// Only same-site paths are followed after sign-in; anything else goes to the fallback. The target is
// resolved as a browser would (which drops tabs and newlines, so `/\t/evil` means `//evil`) and
// must stay on our origin; control characters are refused outright (they would also break the header).
const BASE = 'http://same-origin.invalid'

export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  // eslint-disable-next-line no-control-regex
  if (typeof target !== 'string' || !target.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(target)) return fallback
  let url: URL
  try {
    url = new URL(target, BASE)
  } catch {
    return fallback
  }
  if (url.origin !== BASE) return fallback
  return url.pathname + url.search + url.hash
}
