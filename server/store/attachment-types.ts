/**
 * Attachments (issue "One button, three ways", item 4): the store's part. Linking an upload to a
 * message happens inside `appendMessage` (NewMessage.attachmentIds), in the message's transaction.
 */
import { StoreError } from './types.ts'

export type UploaderKind = 'visitor' | 'operator'

/** What a message carries and the wire shows: public metadata, never the bytes. */
export interface AttachmentRef {
  id: string
  name: string
  size: number
  contentType: string
}

export interface Attachment extends AttachmentRef {
  workspaceId: string
  uploaderKind: UploaderKind
  /** Visitor id or operator id. */
  uploaderId: string
  /** Set once a message carries it; null while it is only an upload (or a form file field's value). */
  conversationId: string | null
  messageId: string | null
  createdAt: number
}

export interface NewAttachment {
  workspaceId: string
  uploaderKind: UploaderKind
  uploaderId: string
  /** Already sanitised. */
  name: string
  /** Already sniffed from the content. */
  contentType: string
  data: Uint8Array
  now: number
}

export interface AttachmentStore {
  createAttachment(input: NewAttachment): Promise<Attachment>
  getAttachment(workspaceId: string, id: string): Promise<Attachment | undefined>
  /** The bytes; undefined for an attachment of another workspace or none at all. */
  readAttachmentData(workspaceId: string, id: string): Promise<Uint8Array | undefined>
}

/** The `attachments` table as Kysely sees it (migration 0009). */
export interface AttachmentsTable {
  id: string
  workspace_id: string
  uploader_kind: string
  uploader_id: string
  conversation_id: string | null
  message_id: string | null
  name: string
  content_type: string
  size: number
  data: Uint8Array
  created_at: number
}

/**
 * `appendMessage` names an upload that is not the author's, is in another workspace, is already
 * carried by a message, or does not exist; nothing was written.
 */
export class AttachmentNotFoundError extends StoreError {
  constructor() {
    super('not_found', 'attachment not found')
    this.name = 'AttachmentNotFoundError'
  }
}
