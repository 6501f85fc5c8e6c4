import type { Kysely, Selectable } from 'kysely'
import type {
  Callback,
  CallbackEvent,
  CallbackEventType,
  CallbackPreference,
  CallbackStatus,
  CallbackStore,
} from '../callback-types.ts'
import type { Database } from '../database.ts'
import { type JsonObject, StoreError } from '../types.ts'
import { mapConstraintErrors } from './constraints.ts'
import { insertOutboxEvent } from './outbox-events.ts'

/** Migration 0008 (issue 5, item 2). */
export interface CallbacksTable {
  id: string
  workspace_id: string
  line_id: string
  widget_id: string
  visitor_id: string
  name: string
  phone: string
  topic: string | null
  preferred: string
  due_at: number
  status: string
  assignee_id: string | null
  consent_text: string | null
  consent_at: number | null
  locale: string | null
  visitor_time_zone: string | null
  extra: string
  created_at: number
  updated_at: number
}

export interface CallbackEventsTable {
  id: string
  workspace_id: string
  callback_id: string
  seq: number
  type: string
  actor_kind: string
  actor_id: string | null
  data: string
  created_at: number
}

const MAX_LIMIT = 1000

const parseObject = (text: string): JsonObject => {
  const value: unknown = JSON.parse(text)
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {}
}

const toCallback = (r: Selectable<CallbacksTable>): Callback => ({
  id: r.id,
  workspaceId: r.workspace_id,
  lineId: r.line_id,
  widgetId: r.widget_id,
  visitorId: r.visitor_id,
  name: r.name,
  phone: r.phone,
  topic: r.topic,
  preferred: r.preferred as CallbackPreference,
  dueAt: Number(r.due_at),
  status: r.status as CallbackStatus,
  assigneeId: r.assignee_id,
  consentText: r.consent_text,
  consentAt: r.consent_at === null ? null : Number(r.consent_at),
  locale: r.locale,
  visitorTimeZone: r.visitor_time_zone,
  extra: parseObject(r.extra),
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
})

const toEvent = (r: Selectable<CallbackEventsTable>): CallbackEvent => ({
  id: r.id,
  workspaceId: r.workspace_id,
  callbackId: r.callback_id,
  type: r.type as CallbackEventType,
  actorKind: r.actor_kind as CallbackEvent['actorKind'],
  actorId: r.actor_id,
  data: parseObject(r.data),
  createdAt: Number(r.created_at),
})

/** Callback requests (issue 5, item 2): the queue and its audit trail. */
export function callbackMethods(db: Kysely<Database>): CallbackStore {
  return {
    async createCallback(input) {
      const row: CallbacksTable = {
        id: crypto.randomUUID(),
        workspace_id: input.workspaceId,
        line_id: input.lineId,
        widget_id: input.widgetId,
        visitor_id: input.visitorId,
        name: input.name,
        phone: input.phone,
        topic: input.topic,
        preferred: input.preferred,
        due_at: input.dueAt,
        status: 'new',
        assignee_id: null,
        consent_text: input.consentText,
        consent_at: input.consentText === null ? null : input.now,
        locale: input.locale,
        visitor_time_zone: input.visitorTimeZone,
        extra: JSON.stringify(input.extra ?? {}),
        created_at: input.now,
        updated_at: input.now,
      }
      const work = db.transaction().execute(async (trx) => {
        await trx.insertInto('callbacks').values(row).execute()
        await trx
          .insertInto('callback_events')
          .values({
            id: crypto.randomUUID(),
            workspace_id: input.workspaceId,
            callback_id: row.id,
            seq: 1,
            type: 'created',
            actor_kind: 'visitor',
            actor_id: input.visitorId,
            data: JSON.stringify({ dueAt: input.dueAt, preferred: input.preferred }),
            created_at: input.now,
          })
          .execute()
        // Issue 6: the outbox row commits or rolls back together with the callback.
        await insertOutboxEvent(trx, {
          workspaceId: input.workspaceId,
          topic: 'lead.callback',
          subjectId: row.id,
          now: input.now,
        })
      })
      await mapConstraintErrors(work, { notFound: 'line, widget or visitor not found' })
      return toCallback(row)
    },

    async getCallback(workspaceId, id) {
      const row = await db
        .selectFrom('callbacks')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst()
      return row && toCallback(row)
    },

    async listCallbacks(workspaceId, query = {}) {
      let q = db.selectFrom('callbacks').selectAll().where('workspace_id', '=', workspaceId)
      if (query.statuses && query.statuses.length > 0) q = q.where('status', 'in', [...query.statuses])
      const rows = await q
        .orderBy('due_at')
        .orderBy('created_at')
        .orderBy('id')
        .limit(Math.min(query.limit ?? 200, MAX_LIMIT))
        .execute()
      return rows.map(toCallback)
    },

    async changeCallback(workspaceId, id, change) {
      const work = db.transaction().execute(async (trx) => {
        let update = trx
          .updateTable('callbacks')
          .set({
            status: change.set.status,
            assignee_id: change.set.assigneeId,
            due_at: change.set.dueAt,
            updated_at: change.now,
          })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .where('status', '=', change.expected.status)
          .where('due_at', '=', change.expected.dueAt)
        update =
          change.expected.assigneeId === null
            ? update.where('assignee_id', 'is', null)
            : update.where('assignee_id', '=', change.expected.assigneeId)
        const row = await update.returningAll().executeTakeFirst()
        if (!row) {
          const exists = await trx
            .selectFrom('callbacks')
            .select('id')
            .where('workspace_id', '=', workspaceId)
            .where('id', '=', id)
            .executeTakeFirst()
          throw exists
            ? new StoreError('conflict', 'the callback changed meanwhile')
            : new StoreError('not_found', 'callback not found')
        }
        // The row update above holds the callback's lock until commit, so counting is race-free.
        const { count } = await trx
          .selectFrom('callback_events')
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .where('callback_id', '=', id)
          .executeTakeFirstOrThrow()
        await trx
          .insertInto('callback_events')
          .values({
            id: crypto.randomUUID(),
            workspace_id: workspaceId,
            callback_id: id,
            seq: Number(count) + 1,
            type: change.event.type,
            actor_kind: 'operator',
            actor_id: change.event.actorId,
            data: JSON.stringify(change.event.data),
            created_at: change.now,
          })
          .execute()
        return toCallback(row)
      })
      return mapConstraintErrors(work, { notFound: 'operator not found' })
    },

    async listCallbackEvents(workspaceId, callbackId) {
      const rows = await db
        .selectFrom('callback_events')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('callback_id', '=', callbackId)
        .orderBy('seq')
        .execute()
      return rows.map(toEvent)
    },
  }
}
