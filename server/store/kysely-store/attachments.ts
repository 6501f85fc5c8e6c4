import type { Kysely, Selectable } from 'kysely'
import {
  type Attachment,
  AttachmentNotFoundError,
  type AttachmentRef,
  type AttachmentStore,
  type AttachmentsTable,
  type UploaderKind,
} from '../attachment-types.ts'
import type { Database } from '../database.ts'

type MetaRow = Omit<Selectable<AttachmentsTable>, 'data'>

const META_COLUMNS = [
  'id',
  'workspace_id',
  'uploader_kind',
  'uploader_id',
  'conversation_id',
  'message_id',
  'name',
  'content_type',
  'size',
  'created_at',
] as const

const toAttachment = (r: MetaRow): Attachment => ({
  id: r.id,
  workspaceId: r.workspace_id,
  uploaderKind: r.uploader_kind as UploaderKind,
  uploaderId: r.uploader_id,
  conversationId: r.conversation_id,
  messageId: r.message_id,
  name: r.name,
  contentType: r.content_type,
  size: Number(r.size),
  createdAt: r.created_at,
})

export const toAttachmentRef = (a: AttachmentRef): AttachmentRef => ({
  id: a.id,
  name: a.name,
  size: a.size,
  contentType: a.contentType,
})

/**
 * Inside `appendMessage`'s transaction: hands the uploads to the message. One conditional update, so
 * only the author's own uploads that no message carries yet move; if fewer rows move than were named,
 * the whole append (message and seq included) is rolled back.
 */
export async function linkAttachments(
  trx: Kysely<Database>,
  input: {
    workspaceId: string
    conversationId: string
    messageId: string
    uploaderKind: UploaderKind
    uploaderId: string
    ids: string[]
  },
): Promise<AttachmentRef[]> {
  const ids = [...new Set(input.ids)]
  if (ids.length === 0) return []
  const moved = await trx
    .updateTable('attachments')
    .set({ conversation_id: input.conversationId, message_id: input.messageId })
    .where('workspace_id', '=', input.workspaceId)
    .where('id', 'in', ids)
    .where('uploader_kind', '=', input.uploaderKind)
    .where('uploader_id', '=', input.uploaderId)
    .where('message_id', 'is', null)
    .returning(META_COLUMNS)
    .execute()
  if (moved.length !== ids.length) throw new AttachmentNotFoundError()
  const byId = new Map(moved.map((r) => [r.id, toAttachmentRef(toAttachment(r))]))
  return ids.map((id) => byId.get(id) as AttachmentRef)
}

/** `messages.attachments` is JSON text written only by `appendMessage`; null means none. */
export function parseAttachmentRefs(text: string | null | undefined): AttachmentRef[] | undefined {
  if (!text) return undefined
  const parsed = JSON.parse(text) as AttachmentRef[]
  return parsed.length > 0 ? parsed : undefined
}

export function attachmentMethods(db: Kysely<Database>): AttachmentStore {
  return {
    async createAttachment(input) {
      const row = {
        id: crypto.randomUUID(),
        workspace_id: input.workspaceId,
        uploader_kind: input.uploaderKind,
        uploader_id: input.uploaderId,
        conversation_id: null,
        message_id: null,
        name: input.name,
        content_type: input.contentType,
        size: input.data.byteLength,
        created_at: input.now,
      }
      // Both drivers take a Buffer for a blob/bytea parameter.
      const data = Buffer.from(input.data.buffer, input.data.byteOffset, input.data.byteLength)
      await db
        .insertInto('attachments')
        .values({ ...row, data })
        .execute()
      return toAttachment(row)
    },

    async getAttachment(workspaceId, id) {
      const row = await db
        .selectFrom('attachments')
        .select(META_COLUMNS)
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst()
      return row && toAttachment(row)
    },

    async readAttachmentData(workspaceId, id) {
      const row = await db
        .selectFrom('attachments')
        .select('data')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst()
      return row && new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength)
    },
  }
}
