import type { Kysely, Updateable } from 'kysely'
import type { Database, OperatorsTable } from '../database.ts'
import type { OperatorProfileStore } from '../operator-profile-types.ts'
import { StoreError } from '../types.ts'
import { toOperator } from './rows.ts'

/** PATCH /api/me (issue 3 audit): an operator's own name and avatar. */
export function operatorProfileMethods(db: Kysely<Database>): OperatorProfileStore {
  return {
    async updateOperatorProfile(workspaceId, id, patch) {
      const set: Updateable<OperatorsTable> = {}
      if (patch.name !== undefined) set.name = patch.name
      if (patch.avatarUrl !== undefined) set.avatar_url = patch.avatarUrl
      const row =
        Object.keys(set).length === 0
          ? await db
              .selectFrom('operators')
              .selectAll()
              .where('workspace_id', '=', workspaceId)
              .where('id', '=', id)
              .executeTakeFirst()
          : await db
              .updateTable('operators')
              .set(set)
              .where('workspace_id', '=', workspaceId)
              .where('id', '=', id)
              .returningAll()
              .executeTakeFirst()
      if (!row) throw new StoreError('not_found', 'operator not found')
      return toOperator(row)
    },
  }
}
