/**
 * Cross-site request forgery defences for the cookie-authenticated API. The session cookie is
 * SameSite=Lax, and on top of that every state-changing request must echo the session's CSRF token
 * in a header, which a cross-site page cannot read or set.
 */
import type { Context } from 'hono'
import { csrfTokenMatches } from '../auth/index.ts'
import type { Session } from '../store/types.ts'
import type { AppEnv } from './deps.ts'
import { HttpError } from './errors.ts'
import { isStateChanging } from './route-table.ts'

export const CSRF_HEADER = 'X-CSRF-Token'

export function requireCsrfToken(c: Context<AppEnv>, session: Session): void {
  if (!isStateChanging(c.req.method)) return
  if (!csrfTokenMatches(session.csrfToken, c.req.header(CSRF_HEADER))) {
    throw new HttpError(403, 'csrf', `Missing or wrong ${CSRF_HEADER} header`)
  }
}

/**
 * Sign-in has no session (hence no token) yet, so it is protected by its Origin instead: a browser
 * always sends Origin on a cross-site POST, and only the console's own origin may sign in.
 */
export function requireSameOrigin(c: Context<AppEnv>, publicUrl: string): void {
  const origin = c.req.header('Origin')
  if (origin === undefined) return
  if (origin !== new URL(publicUrl).origin) {
    throw new HttpError(403, 'csrf', 'Cross-site sign-in is not allowed')
  }
}
