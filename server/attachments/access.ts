/**
 * Who may read an attachment (issue "One button, three ways", item 4: "served only to the
 * conversation's visitor and its workspace's operators"). Everyone else gets the same answer as for
 * an id that does not exist, so ids cannot be probed.
 */
import type { Attachment } from '../store/attachment-types.ts'
import type { Store } from '../store/types.ts'

export type Reader =
  | { kind: 'operator'; workspaceId: string }
  | { kind: 'visitor'; workspaceId: string; visitorId: string }

/**
 * The attachment if `reader` may download it: any operator of its workspace; a visitor for their own
 * uploads and for files carried by messages of their own conversations.
 */
export async function readableAttachment(
  store: Pick<Store, 'getAttachment' | 'getConversation'>,
  reader: Reader,
  id: string,
): Promise<Attachment | undefined> {
  const attachment = await store.getAttachment(reader.workspaceId, id)
  if (!attachment || reader.kind === 'operator') return attachment
  if (attachment.uploaderKind === 'visitor' && attachment.uploaderId === reader.visitorId) return attachment
  if (!attachment.conversationId) return undefined
  const conversation = await store.getConversation(reader.workspaceId, attachment.conversationId)
  return conversation?.visitorId === reader.visitorId ? attachment : undefined
}

/**
 * For form file fields (the forms engineer's submission check): the attachment id is a file this
 * visitor uploaded in this workspace. Undefined for anyone else's upload, another workspace's, or
 * an unknown id — the submission should then be refused.
 */
export async function visitorUpload(
  store: Pick<Store, 'getAttachment'>,
  input: { workspaceId: string; visitorId: string; attachmentId: string },
): Promise<Attachment | undefined> {
  const attachment = await store.getAttachment(input.workspaceId, input.attachmentId)
  const own = attachment?.uploaderKind === 'visitor' && attachment.uploaderId === input.visitorId
  return own ? attachment : undefined
}
