/**
 * Who is opening this socket, decided before the WebSocket handshake is answered (issue "Server
 * core", item 5): a visitor by their signed token and the widget's origin allow-list, an operator
 * by the session cookie and an exact Origin match.
 */
import type { IncomingMessage } from 'node:http'
import { isOriginAllowed, resolveOperatorSession, verifyVisitorToken } from '../auth/index.ts'
import type { Actor } from '../chat/types.ts'
import type { Store } from '../store/types.ts'
import type { UpgradeRejection } from './reject-upgrade.ts'

export const GATEWAY_PATH = '/ws'

export interface UpgradeAuthDeps {
  store: Pick<Store, 'findWidget' | 'findSession' | 'getOperator'>
  clock: { now(): number }
  secret: string
  /** Normalised `scheme://host[:port]` of the console and the public chat page. */
  publicOrigin: string
}

export type UpgradeAuth =
  | { ok: true; actor: Actor; session?: { id: string; expiresAt: number } }
  | { ok: false; rejection: UpgradeRejection }

function refuse(status: UpgradeRejection['status'], error: string, message: string): UpgradeAuth {
  return { ok: false, rejection: { status, error, message } }
}

export async function authenticateUpgrade(req: IncomingMessage, deps: UpgradeAuthDeps): Promise<UpgradeAuth> {
  const url = new URL(req.url ?? '/', 'http://gateway.invalid')
  if (url.pathname !== GATEWAY_PATH) return refuse(404, 'not_found', 'No WebSocket endpoint here')
  const origin = req.headers.origin
  const role = url.searchParams.get('role')
  if (role === 'visitor') return authenticateVisitor(url.searchParams.get('token'), origin, deps)
  if (role === 'operator') return authenticateOperator(req.headers.cookie, origin, deps)
  return refuse(400, 'invalid_role', 'role must be "visitor" or "operator"')
}

async function authenticateVisitor(
  token: string | null,
  origin: string | undefined,
  deps: UpgradeAuthDeps,
): Promise<UpgradeAuth> {
  if (!token) return refuse(401, 'missing_token', 'A visitor token is required')
  const claims = verifyVisitorToken(deps.secret, token)
  if (!claims) return refuse(401, 'invalid_token', 'The visitor token is not valid')
  // The origin allow-list lives on the widget, so a visitor without one has nothing to check against.
  const widget = claims.widgetId ? await deps.store.findWidget(claims.widgetId) : undefined
  if (!widget || widget.workspaceId !== claims.workspaceId) {
    return refuse(401, 'invalid_token', 'The widget of this visitor token no longer exists')
  }
  // The hosted chat page is served from publicOrigin and belongs to every widget.
  if (origin !== deps.publicOrigin && !isOriginAllowed(origin, widget.allowedOrigins)) {
    return refuse(403, 'origin_not_allowed', 'This widget does not accept connections from this origin')
  }
  return {
    ok: true,
    actor: {
      kind: 'visitor',
      workspaceId: claims.workspaceId,
      visitorId: claims.visitorId,
      widgetId: widget.id,
    },
  }
}

async function authenticateOperator(
  cookie: string | undefined,
  origin: string | undefined,
  deps: UpgradeAuthDeps,
): Promise<UpgradeAuth> {
  // Browsers attach the session cookie to cross-site WebSocket handshakes too, and WebSockets are
  // not subject to CORS: without this check any page could act as the operator (cross-site
  // WebSocket hijacking). The console is only ever served from publicOrigin.
  if (origin !== deps.publicOrigin)
    return refuse(403, 'origin_not_allowed', 'Cross-origin operator sockets are refused')
  const resolved = await resolveOperatorSession(deps.store, cookie, deps.clock.now())
  if (!resolved) return refuse(401, 'unauthorized', 'Sign in first')
  return {
    ok: true,
    actor: { kind: 'operator', workspaceId: resolved.operator.workspaceId, operator: resolved.operator },
    session: { id: resolved.session.id, expiresAt: resolved.session.expiresAt },
  }
}
