import { type Kysely, type Selectable, sql, type Updateable } from 'kysely'
import type { Database } from '../database.ts'
import type {
  CrmDeliveriesTable,
  CrmDelivery,
  DeliveryStatus,
  OutboxEvent,
  OutboxStore,
  OutboxTopic,
} from '../outbox-types.ts'
import type { OutboxSignal } from './outbox-signal.ts'

const DEFAULT_LIST_LIMIT = 100
const MAX_LIST_LIMIT = 500

export const toDelivery = (r: Selectable<CrmDeliveriesTable>): CrmDelivery => ({
  id: r.id,
  workspaceId: r.workspace_id,
  eventId: r.event_id,
  connectionId: r.connection_id,
  topic: r.topic as OutboxTopic,
  subjectId: r.subject_id,
  status: r.status as DeliveryStatus,
  attempts: Number(r.attempts),
  nextAttemptAt: r.next_attempt_at === null ? null : Number(r.next_attempt_at),
  retryFrom: Number(r.retry_from),
  leaseOwner: r.lease_owner,
  leaseUntil: r.lease_until === null ? null : Number(r.lease_until),
  ambiguous: Number(r.ambiguous) === 1,
  lastError: r.last_error,
  crmId: r.crm_id,
  deliveredAt: r.delivered_at === null ? null : Number(r.delivered_at),
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
})

/** The outbox's deliveries and contact links (issue 6, items 1–3). */
export function outboxMethods(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  signal: OutboxSignal,
): OutboxStore {
  return {
    onOutboxEvent: (listener) => signal.subscribe(listener),

    async listUnexpandedOutboxEvents(limit) {
      const rows = await db
        .selectFrom('outbox_events')
        .select(['id', 'workspace_id', 'topic', 'subject_id', 'created_at'])
        .where('expanded_at', 'is', null)
        .orderBy('created_at')
        .orderBy('id')
        .limit(Math.max(1, Math.floor(limit)))
        .execute()
      return rows.map(
        (r): OutboxEvent => ({
          id: r.id,
          workspaceId: r.workspace_id,
          topic: r.topic as OutboxTopic,
          subjectId: r.subject_id,
          createdAt: Number(r.created_at),
        }),
      )
    },

    async expandOutboxEvent(event, connectionIds, now) {
      await db.transaction().execute(async (trx) => {
        if (connectionIds.length > 0) {
          await trx
            .insertInto('crm_deliveries')
            .values(
              connectionIds.map((connectionId) => ({
                id: crypto.randomUUID(),
                workspace_id: event.workspaceId,
                event_id: event.id,
                connection_id: connectionId,
                topic: event.topic,
                subject_id: event.subjectId,
                status: 'pending',
                attempts: 0,
                next_attempt_at: now,
                retry_from: now,
                lease_owner: null,
                lease_until: null,
                ambiguous: 0,
                last_error: null,
                crm_id: null,
                delivered_at: null,
                created_at: now,
                updated_at: now,
              })),
            )
            .onConflict((oc) => oc.columns(['event_id', 'connection_id']).doNothing())
            .execute()
        }
        await trx
          .updateTable('outbox_events')
          .set({ expanded_at: now })
          .where('id', '=', event.id)
          .where('expanded_at', 'is', null)
          .execute()
      })
    },

    async claimDueDeliveries({ owner, now, leaseMs, limit }) {
      const due = db
        .selectFrom('crm_deliveries')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(Math.max(1, Math.floor(limit)))
      // PostgreSQL: concurrent relays skip rows another transaction is claiming instead of waiting
      // and then claiming them twice (issue 6: "row claiming with FOR UPDATE SKIP LOCKED").
      const ids = dialect === 'postgres' ? due.forUpdate().skipLocked() : due
      const rows = await db
        .updateTable('crm_deliveries')
        .set({
          lease_owner: owner,
          lease_until: now + leaseMs,
          // a lease that ran out means a node died holding it: it may have sent the request
          ambiguous: sql<number>`case when lease_until is not null then 1 else ambiguous end`,
          updated_at: now,
        })
        .where('id', 'in', ids)
        .returningAll()
        .execute()
      return rows.map(toDelivery).sort((a, b) => (a.nextAttemptAt ?? 0) - (b.nextAttemptAt ?? 0))
    },

    async renewDeliveryLease(id, owner, until) {
      const result = await db
        .updateTable('crm_deliveries')
        .set({ lease_until: until })
        .where('id', '=', id)
        .where('lease_owner', '=', owner)
        .where('status', '=', 'pending')
        .executeTakeFirst()
      return Number(result.numUpdatedRows) === 1
    },

    async updateClaimedDelivery(id, owner, update) {
      const set: Updateable<CrmDeliveriesTable> = { updated_at: update.now }
      if (update.status !== undefined) set.status = update.status
      if (update.attempts !== undefined) set.attempts = update.attempts
      if (update.nextAttemptAt !== undefined) set.next_attempt_at = update.nextAttemptAt
      if (update.ambiguous !== undefined) set.ambiguous = update.ambiguous ? 1 : 0
      if (update.lastError !== undefined) set.last_error = update.lastError
      if (update.crmId !== undefined) set.crm_id = update.crmId
      if (update.deliveredAt !== undefined) set.delivered_at = update.deliveredAt
      if (!update.keepLease) {
        set.lease_owner = null
        set.lease_until = null
      }
      const result = await db
        .updateTable('crm_deliveries')
        .set(set)
        .where('id', '=', id)
        .where('lease_owner', '=', owner)
        .executeTakeFirst()
      return Number(result.numUpdatedRows) === 1
    },

    async nextOutboxWakeAt(now) {
      const waiting = await db
        .selectFrom('outbox_events')
        .select('id')
        .where('expanded_at', 'is', null)
        .limit(1)
        .executeTakeFirst()
      if (waiting) return now
      // A row is claimable at the later of its due time and its current lease's end.
      const row = await db
        .selectFrom('crm_deliveries')
        .select(
          sql<
            number | null
          >`min(case when lease_until > next_attempt_at then lease_until else next_attempt_at end)`.as('at'),
        )
        .where('status', '=', 'pending')
        .executeTakeFirst()
      return row?.at === null || row?.at === undefined ? null : Number(row.at)
    },

    async findDelivery(connectionId, topic, subjectId) {
      const row = await db
        .selectFrom('crm_deliveries')
        .selectAll()
        .where('connection_id', '=', connectionId)
        .where('subject_id', '=', subjectId)
        .where('topic', '=', topic)
        .orderBy('created_at')
        .limit(1)
        .executeTakeFirst()
      return row && toDelivery(row)
    },

    async listCrmDeliveries(workspaceId, query = {}) {
      let q = db.selectFrom('crm_deliveries').selectAll().where('workspace_id', '=', workspaceId)
      if (query.status !== undefined) q = q.where('status', '=', query.status)
      if (query.subjectId !== undefined) q = q.where('subject_id', '=', query.subjectId)
      const limit = Math.min(Math.max(1, Math.floor(query.limit ?? DEFAULT_LIST_LIMIT)), MAX_LIST_LIMIT)
      const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute()
      return rows.map(toDelivery)
    },

    async getCrmDelivery(workspaceId, id) {
      const row = await db
        .selectFrom('crm_deliveries')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst()
      return row && toDelivery(row)
    },

    async replayCrmDelivery(workspaceId, id, now) {
      const row = await db
        .updateTable('crm_deliveries')
        .set({
          status: 'pending',
          attempts: 0,
          next_attempt_at: now,
          retry_from: now,
          // `ambiguous` stays: a dead delivery whose last try timed out is still looked up first
          lease_owner: null,
          lease_until: null,
          updated_at: now,
        })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .where('status', '=', 'dead')
        .returningAll()
        .executeTakeFirst()
      return row && toDelivery(row)
    },

    async findContactLink(connectionId, contactKeys) {
      if (contactKeys.length === 0) return undefined
      const rows = await db
        .selectFrom('crm_contact_links')
        .select(['contact_key', 'crm_id'])
        .where('connection_id', '=', connectionId)
        .where('contact_key', 'in', contactKeys)
        .execute()
      const byKey = new Map(rows.map((r) => [r.contact_key, r.crm_id]))
      for (const key of contactKeys) {
        const crmId = byKey.get(key)
        if (crmId !== undefined) return crmId
      }
      return undefined
    },

    async saveContactLinks({ workspaceId, connectionId, contactKeys, crmId, now }) {
      if (contactKeys.length === 0) return
      await db
        .insertInto('crm_contact_links')
        .values(
          contactKeys.map((key) => ({
            workspace_id: workspaceId,
            connection_id: connectionId,
            contact_key: key,
            crm_id: crmId,
            created_at: now,
          })),
        )
        .onConflict((oc) => oc.columns(['connection_id', 'contact_key']).doNothing())
        .execute()
    },
  }
}
