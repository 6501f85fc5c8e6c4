import { renderExternalSnippet, renderSnippet } from '../../../embed-snippet/index.ts'
import { hashPassword } from '../../auth/index.ts'
import { applyLineSettingsPatch } from '../../line-settings/index.ts'
import { createWorkspaceWithDefaults, newPublicSlug } from '../../workspaces/index.ts'
import type { HttpDeps } from '../deps.ts'
import { HttpError } from '../errors.ts'
import type { Mounter } from '../mount.ts'
import { presentLine, presentOperator, presentWidget, presentWorkspace } from '../present.ts'
import { routes } from '../route-table.ts'
import { requireQueueOfOperators } from './line-settings.ts'

/** Workspace-scoped routes take the workspace from the admin's session, never from the request. */
export function mountAdmin({ mount }: Mounter, deps: HttpDeps): void {
  const { store, clock } = deps

  mount(routes.createWorkspace, async (c, { body }) => {
    const created = await createWorkspaceWithDefaults(store, { ...body, now: clock.now() })
    return c.json(
      {
        workspace: presentWorkspace(created.workspace),
        operator: presentOperator(created.operator),
        line: presentLine(created.line),
        widget: presentWidget(created.widget),
      },
      201,
    )
  })

  mount(routes.listLines, async (c, { auth }) => {
    const lines = await store.listLines(auth.session.workspaceId)
    return c.json({ lines: lines.map(presentLine) })
  })

  mount(routes.createLine, async (c, { auth, body }) => {
    const workspaceId = auth.session.workspaceId
    // Validated like a PATCH (issue "Server core"): the parts given are stored, the rest default.
    await requireQueueOfOperators(store, workspaceId, body.settings?.routing?.queue)
    const line = await store.createLine({
      workspaceId,
      name: body.name,
      ...(body.settings && { settings: applyLineSettingsPatch({}, body.settings) }),
      now: clock.now(),
    })
    return c.json({ line: presentLine(line) }, 201)
  })

  mount(routes.listOperators, async (c, { auth }) => {
    const operators = await store.listOperators(auth.session.workspaceId)
    return c.json({ operators: operators.map(presentOperator) })
  })

  mount(routes.createOperator, async (c, { auth, body }) => {
    const { password, ...rest } = body
    const operator = await store.createOperator({
      ...rest,
      workspaceId: auth.session.workspaceId,
      passwordHash: await hashPassword(password),
      now: clock.now(),
    })
    return c.json({ operator: presentOperator(operator) }, 201)
  })

  mount(routes.listWidgets, async (c, { auth }) => {
    const widgets = await store.listWidgets(auth.session.workspaceId)
    return c.json({ widgets: widgets.map(presentWidget) })
  })

  mount(routes.createWidget, async (c, { auth, body }) => {
    const workspaceId = auth.session.workspaceId
    if (!(await store.getLine(workspaceId, body.lineId)))
      throw new HttpError(404, 'not_found', 'No such line')
    const widget = await store.createWidget({
      ...body,
      workspaceId,
      publicSlug: body.publicSlug ?? newPublicSlug(),
      now: clock.now(),
    })
    return c.json({ widget: presentWidget(widget) }, 201)
  })

  mount(routes.widgetSnippet, async (c, { auth, params }) => {
    const widget = await store.getWidget(auth.session.workspaceId, params.id)
    if (!widget) throw new HttpError(404, 'not_found', 'No such widget')
    const { publicUrl } = deps.config
    return c.json({
      html: renderSnippet({ publicUrl, widgetId: widget.id }),
      externalHtml: renderExternalSnippet({ publicUrl, widgetId: widget.id }),
      publicChatUrl: `${publicUrl}/chat/${widget.publicSlug}`,
    })
  })
}
