/**
 * CORS for the endpoints the widget calls from customers' sites. Only the request's own origin is
 * reflected (never `*` together with credentials, and no credentials at all: visitors authenticate
 * with a bearer token, never a cookie). Which origins may actually create visitors is enforced by
 * the widget's allow-list in the handler (403 `origin_not_allowed`), whose answer the page can read.
 */
import type { Context } from 'hono'
import type { AppEnv } from './deps.ts'

const ALLOWED_HEADERS = 'Content-Type, Authorization'
const PREFLIGHT_MAX_AGE_SECONDS = '600'

export function applyCors(c: Context<AppEnv>): void {
  c.header('Vary', 'Origin', { append: true })
  const origin = c.req.header('Origin')
  if (origin) c.header('Access-Control-Allow-Origin', origin)
}

export function preflight(c: Context<AppEnv>, methods: string[]): Response {
  applyCors(c)
  c.header('Access-Control-Allow-Methods', [...methods, 'OPTIONS'].join(', '))
  c.header('Access-Control-Allow-Headers', ALLOWED_HEADERS)
  c.header('Access-Control-Max-Age', PREFLIGHT_MAX_AGE_SECONDS)
  return c.body(null, 204)
}
