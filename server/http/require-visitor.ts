import type { Context } from 'hono'
import { type VisitorTokenPayload, verifyVisitorToken } from '../auth/index.ts'
import type { AppEnv, HttpDeps } from './deps.ts'
import { HttpError } from './errors.ts'
import { bearerToken } from './require-admin-token.ts'

export type VisitorIdentity = VisitorTokenPayload

/** The visitor behind `Authorization: Bearer <visitor token>`; 401 without a valid one. */
export function requireVisitor(c: Context<AppEnv>, deps: Pick<HttpDeps, 'secret'>): VisitorIdentity {
  const identity = verifyVisitorToken(deps.secret, bearerToken(c))
  if (!identity) throw new HttpError(401, 'unauthenticated', 'Missing or invalid visitor token')
  return identity
}
