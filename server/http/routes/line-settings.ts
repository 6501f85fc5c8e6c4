import { applyLineSettingsPatch, queueIssues } from '../../line-settings/index.ts'
import type { Store } from '../../store/types.ts'
import type { HttpDeps } from '../deps.ts'
import { HttpError } from '../errors.ts'
import type { Mounter } from '../mount.ts'
import { presentLineWithSettings } from '../present.ts'
import { routes } from '../route-table.ts'

/** The line settings API (issue "Open lines"); the workspace comes from the admin's session. */
export function mountLineSettings({ mount }: Mounter, deps: HttpDeps): void {
  const { store, clock } = deps
  const notFound = () => new HttpError(404, 'not_found', 'No such line')

  mount(routes.getLine, async (c, { auth, params }) => {
    const line = await store.getLine(auth.session.workspaceId, params.id)
    if (!line) throw notFound()
    return c.json({ line: presentLineWithSettings(line) })
  })

  mount(routes.updateLine, async (c, { auth, params, body }) => {
    const workspaceId = auth.session.workspaceId
    const line = await store.getLine(workspaceId, params.id)
    if (!line) throw notFound()
    await requireQueueOfOperators(store, workspaceId, body.settings?.routing?.queue)
    // Read-modify-write without a lock: two admins saving different parts at the same instant may
    // lose one change, which a settings page can live with (the later save wins, as in any form).
    const updated = await store.updateLine(workspaceId, line.id, {
      ...(body.name !== undefined && { name: body.name }),
      ...(body.settings && { settings: applyLineSettingsPatch(line.settings, body.settings) }),
      now: clock.now(),
    })
    return c.json({ line: presentLineWithSettings(updated) })
  })
}

/** 400 when a line's queue names someone who is not an operator of the workspace (PATCH and POST). */
export async function requireQueueOfOperators(
  store: Store,
  workspaceId: string,
  queue: readonly string[] | undefined,
): Promise<void> {
  if (!queue || queue.length === 0) return
  const operators = await store.listOperators(workspaceId)
  const issues = queueIssues(queue, new Set(operators.map((o) => o.id)))
  if (issues.length > 0) {
    throw new HttpError(400, 'invalid_body', 'The queue names someone who is not an operator here', {
      issues,
    })
  }
}
