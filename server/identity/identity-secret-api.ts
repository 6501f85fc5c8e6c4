/** The identity secret admin API (issue 6 item 1): set, remove, and see it masked. */
import { maskTail } from '../crm-connections/masking.ts'
import type { HttpDeps } from '../http/deps.ts'
import { HttpError } from '../http/errors.ts'
import type { Mounter } from '../http/mount.ts'
import { routes } from '../http/route-table.ts'

const present = (secret: string | null) => ({ identitySecret: secret === null ? null : maskTail(secret) })

export function mountIdentitySecret({ mount }: Mounter, deps: HttpDeps): void {
  const { store, clock } = deps
  const notFound = () => new HttpError(404, 'not_found', 'No such widget')

  mount(routes.getWidgetIdentitySecret, async (c, { auth, params }) => {
    const widget = await store.getWidget(auth.session.workspaceId, params.id)
    if (!widget) throw notFound()
    return c.json(present(await store.getWidgetIdentitySecret(widget.workspaceId, widget.id)))
  })

  mount(routes.setWidgetIdentitySecret, async (c, { auth, params, body }) => {
    const saved = await store.setWidgetIdentitySecret({
      workspaceId: auth.session.workspaceId,
      widgetId: params.id,
      secret: body.secret,
      now: clock.now(),
    })
    if (!saved) throw notFound()
    return c.json(present(body.secret))
  })
}
