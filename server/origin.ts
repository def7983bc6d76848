// Is a browser's Origin header our own site? Shared by the HTTP mutation check and the Socket.IO
// handshake, so both judge an origin the same way.

/** true: same host; false: another site; null: not a URL at all (a malformed header). */
export function isSameOrigin(origin: string, host: string | undefined): boolean | null {
  try {
    return new URL(origin).host === host
  } catch {
    return null
  }
}
