import type { Context } from 'hono'
import { type OperatorSession, resolveOperatorSession } from '../auth/operator-session.ts'
import type { AppEnv, HttpDeps } from './deps.ts'
import { HttpError } from './errors.ts'

/** The session behind the cookie; 401 without a valid one. */
export async function requireOperator(
  c: Context<AppEnv>,
  deps: Pick<HttpDeps, 'store' | 'clock'>,
): Promise<OperatorSession> {
  const resolved = await resolveOperatorSession(deps.store, c.req.header('Cookie'), deps.clock.now())
  if (!resolved) throw new HttpError(401, 'unauthenticated', 'Sign in first')
  return resolved
}

export function requireAdminRole(auth: OperatorSession): void {
  if (auth.operator.role !== 'admin')
    throw new HttpError(403, 'forbidden', 'Only workspace admins may do this')
}
