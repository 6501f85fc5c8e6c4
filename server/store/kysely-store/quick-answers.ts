import type { Kysely, Selectable, Updateable } from 'kysely'
import type { Database, QuickAnswersTable } from '../database.ts'
import type { QuickAnswer, QuickAnswerScope, Store } from '../types.ts'
import { mapConstraintErrors } from './constraints.ts'
import { assertFound } from './teamwork.ts'

type QuickAnswerMethods = Pick<
  Store,
  'createQuickAnswer' | 'getQuickAnswer' | 'listQuickAnswers' | 'updateQuickAnswer' | 'deleteQuickAnswer'
>

const toQuickAnswer = (r: Selectable<QuickAnswersTable>): QuickAnswer => ({
  id: r.id,
  workspaceId: r.workspace_id,
  scope: r.scope as QuickAnswerScope,
  ownerId: r.owner_id,
  shortcut: r.shortcut,
  title: r.title,
  text: r.text,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

/** Canned replies (issue "Open lines", item 4): workspace-wide or personal to one operator. */
export function quickAnswerMethods(db: Kysely<Database>): QuickAnswerMethods {
  return {
    async createQuickAnswer(input) {
      const row = {
        id: crypto.randomUUID(),
        workspace_id: input.workspaceId,
        scope: input.scope,
        owner_id: input.scope === 'personal' ? input.ownerId : null,
        shortcut: input.shortcut,
        title: input.title,
        text: input.text,
        created_at: input.now,
        updated_at: input.now,
      }
      await mapConstraintErrors(db.insertInto('quick_answers').values(row).execute(), {
        notFound: 'workspace or owner not found',
      })
      return toQuickAnswer(row)
    },

    async getQuickAnswer(workspaceId, id) {
      const row = await db
        .selectFrom('quick_answers')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst()
      return row && toQuickAnswer(row)
    },

    async listQuickAnswers(workspaceId, operatorId) {
      const rows = await db
        .selectFrom('quick_answers')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where((eb) => eb.or([eb('scope', '=', 'workspace'), eb('owner_id', '=', operatorId)]))
        .orderBy('shortcut')
        .orderBy('id')
        .execute()
      return rows.map(toQuickAnswer)
    },

    async updateQuickAnswer(workspaceId, id, patch) {
      const set: Updateable<QuickAnswersTable> = { updated_at: patch.now }
      if (patch.shortcut !== undefined) set.shortcut = patch.shortcut
      if (patch.title !== undefined) set.title = patch.title
      if (patch.text !== undefined) set.text = patch.text
      const row = await db
        .updateTable('quick_answers')
        .set(set)
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst()
      return toQuickAnswer(assertFound(row, 'quick answer'))
    },

    async deleteQuickAnswer(workspaceId, id) {
      const result = await db
        .deleteFrom('quick_answers')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst()
      return Number(result.numDeletedRows) > 0
    },
  }
}
