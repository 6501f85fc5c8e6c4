/**
 * Registers the handler of one route-table entry. Authentication, the CSRF check, CORS and the
 * body/query validators all come from the entry, so a handler only ever runs with an authorised
 * actor and validated input, and cannot disagree with the OpenAPI document.
 */
import type { Context, Hono } from 'hono'
import type { z } from 'zod'
import type { OperatorSession } from '../auth/operator-session.ts'
import { applyCors, preflight } from './cors.ts'
import { requireCsrfToken } from './csrf.ts'
import type { AppEnv, HttpDeps } from './deps.ts'
import { requireAdminToken } from './require-admin-token.ts'
import { requireAdminRole, requireOperator } from './require-operator.ts'
import { requireVisitor, type VisitorIdentity } from './require-visitor.ts'
import type { RouteAuth, RouteSpec } from './route-table.ts'
import { parseJsonBody, parseQuery } from './validate.ts'

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never

type AuthOf<A extends RouteAuth> = A extends 'session' | 'admin'
  ? OperatorSession
  : A extends 'visitor'
    ? VisitorIdentity
    : undefined

export interface RouteInput<S extends RouteSpec> {
  auth: AuthOf<S['auth']>
  params: { [K in ParamNames<S['path']>]: string }
  body: S extends { body: infer B extends z.ZodType } ? z.output<B> : undefined
  query: S extends { query: infer Q extends z.ZodType } ? z.output<Q> : undefined
}

export type RouteHandler<S extends RouteSpec> = (
  c: Context<AppEnv>,
  input: RouteInput<S>,
) => Response | Promise<Response>

export interface Mounter {
  mount<S extends RouteSpec>(spec: S, handler: RouteHandler<S>): void
  /** Ids of table entries given to `mount`, to prove every entry has a handler. */
  readonly mounted: ReadonlySet<string>
}

function isCrossOrigin(auth: RouteAuth): boolean {
  return auth === 'public-cors' || auth === 'visitor'
}

async function authenticate(c: Context<AppEnv>, auth: RouteAuth, deps: HttpDeps): Promise<unknown> {
  switch (auth) {
    case 'public':
    case 'public-cors':
      return undefined
    case 'visitor':
      return requireVisitor(c, deps)
    case 'admin-token':
      requireAdminToken(c, deps.config)
      return undefined
    case 'session':
    case 'admin': {
      const session = await requireOperator(c, deps)
      requireCsrfToken(c, session.session)
      if (auth === 'admin') requireAdminRole(session)
      return session
    }
  }
}

export function createMounter(app: Hono<AppEnv>, deps: HttpDeps): Mounter {
  const mounted = new Set<string>()
  /** Path → methods served cross-origin, for the OPTIONS preflight answer. */
  const corsMethods = new Map<string, string[]>()

  function mount<S extends RouteSpec>(spec: S, handler: RouteHandler<S>): void {
    if (mounted.has(spec.id)) throw new Error(`Route ${spec.id} is mounted twice`)
    mounted.add(spec.id)
    const method = spec.method.toUpperCase()
    if (isCrossOrigin(spec.auth)) {
      const methods = corsMethods.get(spec.path)
      if (methods) methods.push(method)
      else {
        const list = [method]
        corsMethods.set(spec.path, list)
        app.options(spec.path, (c) => preflight(c, list))
      }
    }
    app.on(method, spec.path, async (c) => {
      if (isCrossOrigin(spec.auth)) applyCors(c)
      const auth = await authenticate(c, spec.auth, deps)
      const body = spec.body ? await parseJsonBody(c, spec.body) : undefined
      const query = spec.query ? parseQuery(c, spec.query) : undefined
      // The casts bridge the runtime table entry to the types derived from the same entry.
      const input = { auth, params: c.req.param(), body, query } as RouteInput<S>
      return handler(c, input)
    })
  }

  return { mount, mounted }
}
