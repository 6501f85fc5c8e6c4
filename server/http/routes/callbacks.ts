/**
 * Callback requests over HTTP (issue 5, item 2): the visitor's form and the operators' queue.
 * Handlers only translate; server/callbacks/ decides.
 */
import { createRateLimiter } from '../../auth/index.ts'
import { CallbackError, type CallbackErrorCode, createCallbackService } from '../../callbacks/index.ts'
import { toWireCallback } from '../../callbacks/wire.ts'
import type { HttpDeps } from '../deps.ts'
import { HttpError, rateLimited } from '../errors.ts'
import type { Mounter } from '../mount.ts'
import { callbackRoutes as routes } from './callbacks-routes.ts'

const status: Record<CallbackErrorCode, 400 | 403 | 404 | 409> = {
  not_found: 404,
  channel_off: 403,
  invalid_phone: 400,
  consent_required: 400,
  due_in_past: 400,
  slot_unavailable: 409,
  invalid_submission: 400,
  already_called: 409,
}

/** The callback error as the API's one error shape; `issues` points a form at the field. */
function toHttp(error: unknown): unknown {
  if (!(error instanceof CallbackError)) return error
  const issues = error.field ? [{ path: [error.field], message: error.message }] : undefined
  const details = issues ? { issues } : error.fields && { fields: error.fields }
  return new HttpError(status[error.code], error.code, error.message, details)
}

async function translating<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    throw toHttp(error)
  }
}

/** A visitor asks for a callback rarely; this stops a script from filling the queue. */
const REQUESTS_PER_HOUR = 5

export function mountCallbacks({ mount }: Mounter, deps: HttpDeps): void {
  const callbacks = createCallbackService(deps)
  const limiter = createRateLimiter({ limit: REQUESTS_PER_HOUR, windowMs: 60 * 60_000 })

  mount(routes.callbackOptions, async (c, { auth, query }) => {
    return c.json(await translating(callbacks.options(auth, query.locale)))
  })

  mount(routes.requestCallback, async (c, { auth, body }) => {
    const decision = limiter.hit(auth.visitorId, deps.clock.now())
    if (!decision.allowed) throw rateLimited(decision.retryAfterMs)
    const { callback, timeZone } = await translating(callbacks.request(auth, body))
    const { id, phone, preferred, dueAt } = callback
    return c.json({ callback: { id, phone, preferred, dueAt, timeZone } }, 201)
  })

  mount(routes.listCallbacks, async (c, { auth, query }) => {
    const list = await deps.store.listCallbacks(auth.session.workspaceId, { statuses: query.status })
    return c.json({ callbacks: list.map(toWireCallback) })
  })

  mount(routes.getCallback, async (c, { auth, params }) => {
    const { callback, events } = await translating(callbacks.detail(auth.session.workspaceId, params.id))
    return c.json({
      callback: toWireCallback(callback),
      events: events.map(({ id, type, actorKind, actorId, data, createdAt }) => ({
        id,
        type,
        actorKind,
        actorId,
        data,
        createdAt,
      })),
    })
  })

  mount(routes.assignCallback, async (c, { auth, params, body }) => {
    const action = { kind: 'assign' as const, operatorId: body.operatorId ?? auth.operator.id }
    const callback = await translating(
      callbacks.act(auth.session.workspaceId, auth.operator.id, params.id, action),
    )
    return c.json({ callback: toWireCallback(callback) })
  })

  mount(routes.callbackOutcome, async (c, { auth, params, body }) => {
    const action = { kind: 'outcome' as const, outcome: body.outcome }
    const callback = await translating(
      callbacks.act(auth.session.workspaceId, auth.operator.id, params.id, action),
    )
    return c.json({ callback: toWireCallback(callback) })
  })

  mount(routes.rescheduleCallback, async (c, { auth, params, body }) => {
    const action = { kind: 'reschedule' as const, dueAt: body.dueAt }
    const callback = await translating(
      callbacks.act(auth.session.workspaceId, auth.operator.id, params.id, action),
    )
    return c.json({ callback: toWireCallback(callback) })
  })
}
