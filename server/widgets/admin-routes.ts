/**
 * PATCH /api/admin/widgets/:id (issue 5): name, settings and allowed origins (issue 2 audit: they were
 * settable only at creation) of a widget of the admin's workspace.
 */

import type { HttpDeps } from '../http/deps.ts'
import { HttpError } from '../http/errors.ts'
import type { Mounter } from '../http/mount.ts'
import { presentWidget } from '../http/present.ts'
import { routes } from '../http/route-table.ts'
import { applyWidgetSettingsPatch } from './apply-settings-patch.ts'

export function mountWidgetAdmin({ mount }: Mounter, deps: HttpDeps): void {
  const { store, clock } = deps

  mount(routes.updateWidget, async (c, { auth, params, body }) => {
    const workspaceId = auth.session.workspaceId
    const widget = await store.getWidget(workspaceId, params.id)
    if (!widget) throw new HttpError(404, 'not_found', 'No such widget')
    let settings: Record<string, unknown> | undefined
    if (body.settings) {
      const merged = applyWidgetSettingsPatch(widget.settings, body.settings)
      if (!merged.ok) {
        throw new HttpError(400, 'invalid_body', 'The merged settings are not valid', {
          issues: merged.issues,
        })
      }
      settings = merged.settings
    }
    // Read-modify-write without a lock, like the line settings: the later save wins.
    const updated = await store.updateWidget(workspaceId, widget.id, {
      ...(body.name !== undefined && { name: body.name }),
      ...(settings && { settings }),
      ...(body.allowedOrigins !== undefined && { allowedOrigins: body.allowedOrigins }),
      now: clock.now(),
    })
    return c.json({ widget: presentWidget(updated) })
  })
}
