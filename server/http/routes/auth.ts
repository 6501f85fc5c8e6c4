import type { Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import {
  hashPassword,
  newCsrfToken,
  newSessionToken,
  resolveOperatorSession,
  SESSION_COOKIE,
  sessionIdFromToken,
  verifyPassword,
} from '../../auth/index.ts'
import { publishSessionEnded } from '../../gateway/session-end.ts'
import type { Operator } from '../../store/types.ts'
import { clientIp } from '../client-ip.ts'
import { requireCsrfToken, requireSameOrigin } from '../csrf.ts'
import type { AppEnv, HttpDeps } from '../deps.ts'
import { HttpError, rateLimited } from '../errors.ts'
import type { Mounter } from '../mount.ts'
import { presentOperator, presentWorkspace } from '../present.ts'
import { routes } from '../route-table.ts'

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000

export function mountAuth({ mount }: Mounter, deps: HttpDeps): void {
  const { store, clock, config } = deps
  /**
   * Verifying against a throw-away hash when the email is unknown makes both failures cost one
   * scrypt, so response times do not reveal which emails have accounts.
   */
  let dummyHash: Promise<string> | undefined
  const hashForTiming = () => {
    dummyHash ??= hashPassword('timing-equaliser-not-a-real-password')
    return dummyHash
  }

  async function sessionBody(operator: Operator, csrfToken: string) {
    const workspace = await store.getWorkspace(operator.workspaceId)
    if (!workspace)
      throw new Error(`Operator ${operator.id} belongs to missing workspace ${operator.workspaceId}`)
    return { operator: presentOperator(operator), workspace: presentWorkspace(workspace), csrfToken }
  }

  mount(routes.login, async (c, { body }) => {
    requireSameOrigin(c, config.publicUrl)
    const now = clock.now()
    const limiterKey = `${clientIp(c, config.trustProxy)}|${body.email}`
    const decision = await deps.loginLimiter.hit(limiterKey, now)
    if (!decision.allowed) throw rateLimited(decision.retryAfterMs)
    // Per account too (issue "Server core"), so guesses sprayed from many addresses are limited. Only
    // attempts that passed the per-address limit count, so one address cannot use up an account's
    // budget; the window is short and refused attempts do not count, so a lockout ends at most one
    // window after the attempts stop, and sessions already signed in are never touched. Every e-mail
    // is counted, known or not, so a 429 does not reveal which e-mails have accounts.
    const accountDecision = await deps.accountLoginLimiter.hit(body.email, now)
    if (!accountDecision.allowed) throw rateLimited(accountDecision.retryAfterMs)

    const operator = await store.findOperatorByEmail(body.email)
    const valid = await verifyPassword(body.password, operator?.passwordHash ?? (await hashForTiming()))
    if (!operator || !valid) throw new HttpError(401, 'invalid_credentials', 'Wrong email or password')
    await deps.loginLimiter.reset?.(limiterKey)
    await deps.accountLoginLimiter.reset?.(body.email)

    const token = newSessionToken()
    const csrfToken = newCsrfToken()
    await store.createSession({
      id: sessionIdFromToken(token),
      operatorId: operator.id,
      workspaceId: operator.workspaceId,
      csrfToken,
      createdAt: now,
      expiresAt: now + SESSION_TTL_MS,
    })
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      maxAge: SESSION_TTL_MS / 1000,
      secure: config.cookieSecure,
    })
    return c.json(await sessionBody(operator, csrfToken))
  })

  mount(routes.logout, async (c) => {
    const current = await resolveOperatorSession(store, c.req.header('Cookie'), clock.now())
    if (current) {
      // Otherwise any site could sign the operator out.
      requireCsrfToken(c, current.session)
      await store.deleteSession(current.session.id)
      // Its open sockets close too, on every node (issue "Open lines": no ghost presence).
      await publishSessionEnded(deps.bus, current.session.id)
    }
    clearSessionCookie(c, config.cookieSecure)
    return c.body(null, 204)
  })

  mount(routes.me, async (c, { auth }) => c.json(await sessionBody(auth.operator, auth.session.csrfToken)))
}

function clearSessionCookie(c: Context<AppEnv>, secure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure, httpOnly: true, sameSite: 'Lax' })
}
