import { isOriginAllowed, signVisitorToken } from '../../auth/index.ts'
import { identifiedIdToStore } from '../../identity/user-hash.ts'
import type { JsonObject } from '../../store/types.ts'
import { clientIp } from '../client-ip.ts'
import type { HttpDeps } from '../deps.ts'
import { HttpError, rateLimited } from '../errors.ts'
import type { Mounter } from '../mount.ts'
import { presentVisitor } from '../present.ts'
import { routes } from '../route-table.ts'

export function mountVisitors({ mount }: Mounter, deps: HttpDeps): void {
  const { store, clock } = deps

  mount(routes.createVisitor, async (c, { body }) => {
    const now = clock.now()
    const decision = await deps.visitorLimiter.hit(clientIp(c, deps.config.trustProxy), now)
    if (!decision.allowed) throw rateLimited(decision.retryAfterMs)

    const widget = await store.findWidget(body.widgetId)
    if (!widget) throw new HttpError(404, 'not_found', 'No such widget')
    // Only a browser sends Origin; a server-side caller could forge it anyway, so absent = allowed.
    const origin = c.req.header('Origin')
    if (origin !== undefined && !isOriginAllowed(origin, widget.allowedOrigins)) {
      throw new HttpError(403, 'origin_not_allowed', 'This widget is not enabled on this site')
    }

    const visitor = await store.createVisitor({
      workspaceId: widget.workspaceId,
      widgetId: widget.id,
      context: body.context ?? {},
      now,
    })
    const token = signVisitorToken(deps.secret, {
      workspaceId: visitor.workspaceId,
      visitorId: visitor.id,
      widgetId: widget.id,
      issuedAt: now,
    })
    return c.json({ visitorId: visitor.id, token }, 201)
  })

  mount(routes.patchVisitor, async (c, { auth, body }) => {
    const current = await store.getVisitor(auth.workspaceId, auth.visitorId)
    if (!current) throw new HttpError(404, 'not_found', 'No such visitor')
    // Context is reported piecemeal (page changes, time zone once): merge rather than replace.
    const context: JsonObject | undefined = body.context ? { ...current.context, ...body.context } : undefined
    // issue 6 item 1: with an identity secret on the widget, an id without a valid hash is ignored.
    const identified =
      body.id === undefined
        ? undefined
        : identifiedIdToStore({
            id: body.id,
            userHash: body.userHash ?? undefined,
            secret: auth.widgetId
              ? await store.getWidgetIdentitySecret(auth.workspaceId, auth.widgetId)
              : null,
          }).externalId
    const visitor = await store.updateVisitor(auth.workspaceId, auth.visitorId, {
      ...(body.name !== undefined && { name: body.name }),
      ...(body.email !== undefined && { email: body.email }),
      ...(body.phone !== undefined && { phone: body.phone }),
      ...(context && { context }),
      ...(identified !== undefined && { externalId: identified }),
      lastSeenAt: clock.now(),
    })
    return c.json({ visitor: presentVisitor(visitor) })
  })
}
