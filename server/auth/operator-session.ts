/**
 * Resolves the operator behind a request from its session cookie. Shared by the HTTP API and the
 * WebSocket gateway so both authenticate operators the same way.
 */
import type { Operator, Session, Store } from '../store/types.ts'
import { sessionIdFromToken } from './session-token.ts'

export const SESSION_COOKIE = 'ol_session'

/** Reads one cookie from a raw `Cookie` header; undefined when absent. */
export function readCookie(header: string | undefined | null, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq === -1) continue
    if (part.slice(0, eq).trim() !== name) continue
    const value = part.slice(eq + 1).trim()
    try {
      return decodeURIComponent(value)
    } catch {
      // A malformed escape is not a valid session token; treat it as absent.
      return undefined
    }
  }
  return undefined
}

export interface OperatorSession {
  session: Session
  operator: Operator
}

export async function resolveOperatorSession(
  store: Pick<Store, 'findSession' | 'getOperator'>,
  cookieHeader: string | undefined | null,
  now: number,
): Promise<OperatorSession | undefined> {
  const token = readCookie(cookieHeader, SESSION_COOKIE)
  if (!token) return undefined
  const session = await store.findSession(sessionIdFromToken(token), now)
  if (!session) return undefined
  const operator = await store.getOperator(session.workspaceId, session.operatorId)
  if (!operator) return undefined
  return { session, operator }
}
