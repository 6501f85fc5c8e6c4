import type { Context } from 'hono'
import type { AppEnv, HttpConfig } from './deps.ts'
import { HttpError } from './errors.ts'
import { safeEqual } from './safe-equal.ts'

export function bearerToken(c: Context<AppEnv>): string | undefined {
  const header = c.req.header('Authorization')
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i)
  return match?.[1]
}

/**
 * Installation-wide admin endpoints answer 404 while ADMIN_TOKEN is unset, so an installation
 * that never configured one does not even reveal that they exist.
 */
export function requireAdminToken(c: Context<AppEnv>, config: HttpConfig): void {
  if (!config.adminToken) throw new HttpError(404, 'not_found', `No route for ${c.req.method} ${c.req.path}`)
  const sent = bearerToken(c)
  if (!sent || !safeEqual(sent, config.adminToken)) {
    throw new HttpError(401, 'unauthenticated', 'Missing or wrong admin token')
  }
}
