import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'
import type { LineSweepStore } from '../line-sweep-types.ts'

/** Issue "Open lines": the lines a node routes again when it starts. */
export function lineSweepMethods(db: Kysely<Database>): LineSweepStore {
  return {
    async listLinesWithWaitingConversations() {
      const rows = await db
        .selectFrom('conversations')
        .select(['workspace_id', 'line_id'])
        .distinct()
        .where('status', '=', 'open')
        .where('assignee_id', 'is', null)
        .orderBy('workspace_id')
        .orderBy('line_id')
        .execute()
      return rows.map((r) => ({ workspaceId: r.workspace_id, lineId: r.line_id }))
    },
  }
}
