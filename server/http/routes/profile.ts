import { publishOperatorProfile } from '../../gateway/operator-profile.ts'
import type { HttpDeps } from '../deps.ts'
import type { Mounter } from '../mount.ts'
import { presentOperator } from '../present.ts'
import { routes } from '../route-table.ts'

/** PATCH /api/me (issue 3 audit): an operator changes their own name and avatar, nobody else's. */
export function mountProfile({ mount }: Mounter, deps: HttpDeps): void {
  mount(routes.updateMe, async (c, { auth, body }) => {
    const operator = await deps.store.updateOperatorProfile(auth.session.workspaceId, auth.operator.id, {
      ...(body.name !== undefined && { name: body.name }),
      ...(body.avatarUrl !== undefined && { avatarUrl: body.avatarUrl }),
    })
    // Sockets already open on any node send the new name and avatar with the next reply.
    await publishOperatorProfile(deps.bus, operator)
    return c.json({ operator: presentOperator(operator) })
  })
}
