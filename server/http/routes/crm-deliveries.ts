/**
 * The CRM delivery log (issue 6, items 2 and 5; contract C4): admins see every delivery with its
 * last error and replay dead-lettered ones. Errors were redacted by the adapters (CrmError), so no
 * secret reaches this response.
 */
import { OUTBOX_WAKE_CHANNEL } from '../../outbox/relay.ts'
import type { StoredCrmConnection } from '../../store/crm-connection-types.ts'
import type { CrmDelivery } from '../../store/outbox-types.ts'
import type { HttpDeps } from '../deps.ts'
import { HttpError } from '../errors.ts'
import type { Mounter } from '../mount.ts'
import { routes } from '../route-table.ts'

function present(d: CrmDelivery, connections: Map<string, StoredCrmConnection>) {
  return {
    id: d.id,
    connectionId: d.connectionId,
    connectionName: connections.get(d.connectionId)?.name ?? null,
    topic: d.topic,
    subjectId: d.subjectId,
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    nextAttemptAt: d.nextAttemptAt,
    deliveredAt: d.deliveredAt,
    crmId: d.crmId,
    createdAt: d.createdAt,
  }
}

export function mountCrmDeliveries({ mount }: Mounter, deps: HttpDeps): void {
  const { store, clock, bus } = deps
  const connectionsOf = async (workspaceId: string) =>
    new Map((await store.listCrmConnections(workspaceId)).map((c) => [c.id, c]))

  mount(routes.listCrmDeliveries, async (c, { auth, query }) => {
    const workspaceId = auth.session.workspaceId
    const [deliveries, connections] = await Promise.all([
      store.listCrmDeliveries(workspaceId, {
        ...(query.status && { status: query.status }),
        ...(query.subjectId && { subjectId: query.subjectId }),
        ...(query.limit !== undefined && { limit: query.limit }),
      }),
      connectionsOf(workspaceId),
    ])
    return c.json({ deliveries: deliveries.map((d) => present(d, connections)) })
  })

  mount(routes.replayCrmDelivery, async (c, { auth, params }) => {
    const workspaceId = auth.session.workspaceId
    const replayed = await store.replayCrmDelivery(workspaceId, params.id, clock.now())
    if (!replayed) {
      const existing = await store.getCrmDelivery(workspaceId, params.id)
      if (!existing) throw new HttpError(404, 'not_found', 'No such delivery')
      throw new HttpError(
        409,
        'conflict',
        `Only dead deliveries are replayed; this one is ${existing.status}`,
      )
    }
    // Any node's relay may pick it up; tell them all instead of waiting for a sweep.
    await bus.publish(OUTBOX_WAKE_CHANNEL, {})
    return c.json({ delivery: present(replayed, await connectionsOf(workspaceId)) })
  })
}
