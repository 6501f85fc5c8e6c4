import type { Kysely, Selectable } from 'kysely'
import type { ConversationNotesTable, Database } from '../database.ts'
import { isUniqueViolation } from '../db-errors.ts'
import type { NewNote, Note, Store } from '../types.ts'
import { StoreError } from '../types.ts'
import { mapConstraintErrors } from './constraints.ts'

const toNote = (r: Selectable<ConversationNotesTable>): Note => ({
  id: r.id,
  workspaceId: r.workspace_id,
  conversationId: r.conversation_id,
  seq: r.seq,
  clientId: r.client_id,
  authorId: r.author_id,
  authorName: r.author_name,
  authorAvatarUrl: r.author_avatar_url,
  body: r.body,
  createdAt: r.created_at,
})

async function findByClientId(db: Kysely<Database>, input: NewNote): Promise<Note | undefined> {
  const row = await db
    .selectFrom('conversation_notes')
    .selectAll()
    .where('workspace_id', '=', input.workspaceId)
    .where('author_id', '=', input.authorId)
    .where('client_id', '=', input.clientId)
    .executeTakeFirst()
  return row && toNote(row)
}

async function appendInTransaction(
  trx: Kysely<Database>,
  input: NewNote,
): Promise<{ note: Note; duplicate: boolean }> {
  const existing = await findByClientId(trx, input)
  if (existing) return { note: existing, duplicate: true }
  // Like messages: the counter's increment serialises concurrent notes of one conversation.
  const bumped = await trx
    .updateTable('conversations')
    .set((eb) => ({ last_note_seq: eb('last_note_seq', '+', 1) }))
    .where('workspace_id', '=', input.workspaceId)
    .where('id', '=', input.conversationId)
    .returning('last_note_seq')
    .executeTakeFirst()
  if (!bumped) throw new StoreError('not_found', 'conversation not found')
  const row = {
    id: crypto.randomUUID(),
    workspace_id: input.workspaceId,
    conversation_id: input.conversationId,
    seq: bumped.last_note_seq,
    client_id: input.clientId,
    author_id: input.authorId,
    author_name: input.authorName,
    author_avatar_url: input.authorAvatarUrl ?? null,
    body: input.body,
    created_at: input.now,
  }
  await mapConstraintErrors(trx.insertInto('conversation_notes').values(row).execute(), {
    notFound: 'author not found',
  })
  return { note: toNote(row), duplicate: false }
}

export function noteMethods(db: Kysely<Database>): Pick<Store, 'appendNote' | 'listNotes'> {
  return {
    async appendNote(input) {
      try {
        return await db.transaction().execute((trx) => appendInTransaction(trx, input))
      } catch (error) {
        if (!isUniqueViolation(error)) throw error
        const stored = await findByClientId(db, input)
        if (!stored) throw error
        return { note: stored, duplicate: true }
      }
    },

    async listNotes(workspaceId, conversationId, options = {}) {
      const rows = await db
        .selectFrom('conversation_notes')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('conversation_id', '=', conversationId)
        .where('seq', '>', options.afterSeq ?? 0)
        .orderBy('seq')
        .execute()
      return rows.map(toNote)
    },
  }
}
