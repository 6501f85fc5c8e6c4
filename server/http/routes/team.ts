import type { HttpDeps } from '../deps.ts'
import type { Mounter } from '../mount.ts'
import { routes } from '../route-table.ts'
import type { TeamResponse } from './team-routes.ts'

/** GET /api/team (issue "Open lines"): who and where a conversation can be passed to. */
export function mountTeam({ mount }: Mounter, { store }: HttpDeps): void {
  mount(routes.getTeam, async (c, { auth }) => {
    const workspaceId = auth.session.workspaceId
    const [operators, lines] = await Promise.all([
      store.listOperators(workspaceId),
      store.listLines(workspaceId),
    ])
    const body: TeamResponse = {
      operators: operators.map((o) => ({ id: o.id, name: o.name, avatarUrl: o.avatarUrl })),
      lines: lines.map((l) => ({ id: l.id, name: l.name })),
    }
    return c.json(body)
  })
}
