import type { Kysely, Selectable } from 'kysely'
import type { ConversationOffersTable, Database, OperatorPresenceTable } from '../database.ts'
import type { ConversationOffer, OfferState, OperatorPresence, PresenceStatus, Store } from '../types.ts'
import { mapConstraintErrors } from './constraints.ts'

type PresenceOfferMethods = Pick<
  Store,
  | 'setOperatorPresence'
  | 'touchOperatorPresence'
  | 'listOperatorPresence'
  | 'openOffers'
  | 'withdrawOffers'
  | 'listOffers'
  | 'deleteOffers'
>

const toPresence = (r: Selectable<OperatorPresenceTable>): OperatorPresence => ({
  workspaceId: r.workspace_id,
  operatorId: r.operator_id,
  status: r.status as PresenceStatus,
  lastSeenAt: Number(r.last_seen_at),
})

const toOffer = (r: Selectable<ConversationOffersTable>): ConversationOffer => ({
  workspaceId: r.workspace_id,
  lineId: r.line_id,
  conversationId: r.conversation_id,
  operatorId: r.operator_id,
  state: r.state as OfferState,
  offeredAt: Number(r.offered_at),
  expiresAt: r.expires_at === null ? null : Number(r.expires_at),
  misses: Number(r.misses),
})

/** Presence and offers (issue "Open lines"): every write is idempotent, so nodes may race freely. */
export function presenceOfferMethods(db: Kysely<Database>): PresenceOfferMethods {
  return {
    async setOperatorPresence(workspaceId, operatorId, status, now) {
      const row = { operator_id: operatorId, workspace_id: workspaceId, status, last_seen_at: now }
      await mapConstraintErrors(
        db
          .insertInto('operator_presence')
          .values(row)
          .onConflict((oc) =>
            oc
              .column('operator_id')
              .doUpdateSet({ status, last_seen_at: now })
              .where('operator_presence.workspace_id', '=', workspaceId),
          )
          .execute(),
        { notFound: 'operator not found' },
      )
      return toPresence(row)
    },

    async touchOperatorPresence(operatorIds, now) {
      if (operatorIds.length === 0) return
      await db
        .updateTable('operator_presence')
        .set((eb) => ({
          last_seen_at: now,
          status: eb.case().when('status', '=', 'offline').then('online').else(eb.ref('status')).end(),
        }))
        .where('operator_id', 'in', operatorIds)
        .execute()
    },

    async listOperatorPresence(workspaceId, operatorIds) {
      if (operatorIds.length === 0) return []
      const rows = await db
        .selectFrom('operator_presence')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('operator_id', 'in', operatorIds)
        .execute()
      return rows.map(toPresence)
    },

    async openOffers(input) {
      const opened: string[] = []
      for (const operatorId of input.operatorIds) {
        const row = await mapConstraintErrors(
          db
            .insertInto('conversation_offers')
            .values({
              workspace_id: input.workspaceId,
              line_id: input.lineId,
              conversation_id: input.conversationId,
              operator_id: operatorId,
              state: 'open',
              offered_at: input.now,
              expires_at: input.expiresAt,
              misses: 0,
            })
            .onConflict((oc) =>
              oc
                .columns(['conversation_id', 'operator_id'])
                .doUpdateSet({ state: 'open', offered_at: input.now, expires_at: input.expiresAt })
                .where('conversation_offers.state', '=', 'withdrawn')
                .where('conversation_offers.workspace_id', '=', input.workspaceId),
            )
            .returning('operator_id')
            .executeTakeFirst(),
          { notFound: 'conversation or operator not found' },
        )
        if (row) opened.push(row.operator_id)
      }
      return opened
    },

    async withdrawOffers(workspaceId, conversationId, operatorIds, outcome) {
      if (operatorIds.length === 0) return []
      const rows = await db
        .updateTable('conversation_offers')
        .set((eb) => ({
          state: outcome === 'skipped' ? 'skipped' : 'withdrawn',
          misses: outcome === 'missed' ? eb('misses', '+', 1) : eb.ref('misses'),
        }))
        .where('workspace_id', '=', workspaceId)
        .where('conversation_id', '=', conversationId)
        .where('operator_id', 'in', operatorIds)
        .where('state', '=', 'open')
        .returning('operator_id')
        .execute()
      return rows.map((r) => r.operator_id)
    },

    async listOffers(workspaceId, lineId) {
      const rows = await db
        .selectFrom('conversation_offers')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('line_id', '=', lineId)
        .orderBy('offered_at')
        .orderBy('operator_id')
        .execute()
      return rows.map(toOffer)
    },

    async deleteOffers(workspaceId, conversationIds) {
      if (conversationIds.length === 0) return []
      const rows = await db
        .deleteFrom('conversation_offers')
        .where('workspace_id', '=', workspaceId)
        .where('conversation_id', 'in', conversationIds)
        .returningAll()
        .execute()
      return rows.map(toOffer)
    },
  }
}
