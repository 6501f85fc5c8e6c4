import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** The operator's session cookie value: 256 random bits. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * The id under which a session is stored. Only this hash reaches the database, so a leaked sessions
 * table (or backup) does not hand out live sessions. A plain SHA-256 suffices: the token has 256 bits
 * of entropy, so there is nothing to brute-force and no need for a slow hash.
 */
export function sessionIdFromToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Per-session CSRF token, echoed by the console in a header on every state-changing request. */
export function newCsrfToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Constant-time comparison of the session's CSRF token with the one a request presented. */
export function csrfTokenMatches(expected: string, presented: string | undefined | null): boolean {
  if (typeof presented !== 'string') return false
  const a = Buffer.from(expected)
  const b = Buffer.from(presented)
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b)
}
