import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'
import type { Store } from '../types.ts'
import { mapConstraintErrors } from './constraints.ts'
import { toOperator, toSession, toWorkspace } from './rows.ts'

type AccountMethods = Pick<
  Store,
  | 'createWorkspace'
  | 'getWorkspace'
  | 'countWorkspaces'
  | 'createOperator'
  | 'findOperatorByEmail'
  | 'getOperator'
  | 'listOperators'
  | 'createSession'
  | 'findSession'
  | 'deleteSession'
>

/** Workspaces, operators and their sign-in sessions. */
export function accountMethods(db: Kysely<Database>): AccountMethods {
  return {
    async createWorkspace({ name, now }) {
      const row = { id: crypto.randomUUID(), name, created_at: now }
      await db.insertInto('workspaces').values(row).execute()
      return toWorkspace(row)
    },

    async getWorkspace(id) {
      const row = await db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst()
      return row && toWorkspace(row)
    },

    async countWorkspaces() {
      const row = await db
        .selectFrom('workspaces')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow()
      return Number(row.count)
    },

    async createOperator(input) {
      const row = {
        id: crypto.randomUUID(),
        workspace_id: input.workspaceId,
        email: input.email.toLowerCase(),
        name: input.name,
        avatar_url: input.avatarUrl ?? null,
        role: input.role,
        password_hash: input.passwordHash,
        created_at: input.now,
      }
      await mapConstraintErrors(db.insertInto('operators').values(row).execute(), {
        conflict: 'an operator with this email already exists',
        notFound: 'workspace not found',
      })
      return toOperator(row)
    },

    async findOperatorByEmail(email) {
      const row = await db
        .selectFrom('operators')
        .selectAll()
        .where('email', '=', email.toLowerCase())
        .executeTakeFirst()
      return row && toOperator(row)
    },

    async getOperator(workspaceId, id) {
      const row = await db
        .selectFrom('operators')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst()
      return row && toOperator(row)
    },

    async listOperators(workspaceId) {
      const rows = await db
        .selectFrom('operators')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
      return rows.map(toOperator)
    },

    async createSession(session) {
      const row = {
        id: session.id,
        operator_id: session.operatorId,
        workspace_id: session.workspaceId,
        csrf_token: session.csrfToken,
        created_at: session.createdAt,
        expires_at: session.expiresAt,
      }
      await mapConstraintErrors(db.insertInto('sessions').values(row).execute(), {
        conflict: 'session id already in use',
        notFound: 'operator not found',
      })
    },

    async findSession(id, now) {
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('id', '=', id)
        .where('expires_at', '>', now)
        .executeTakeFirst()
      return row && toSession(row)
    },

    async deleteSession(id) {
      await db.deleteFrom('sessions').where('id', '=', id).execute()
    },
  }
}
