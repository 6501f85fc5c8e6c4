/** Maps stored records to the shapes the protocol sends over the wire. */

import { autoReplyActionOf } from '../auto-reply-runtime/auto-client-id.ts'
import type { WireConversation, WireMessage, WireNote } from '../protocol/messages.ts'
import type { Conversation, Message, Note, Rating } from '../store/types.ts'

export function toWireMessage(m: Message): WireMessage {
  return {
    id: m.id,
    conversationId: m.conversationId,
    seq: m.seq,
    clientId: m.clientId,
    authorKind: m.authorKind,
    authorId: m.authorId,
    authorName: m.authorName,
    authorAvatarUrl: m.authorAvatarUrl,
    body: m.body,
    createdAt: m.createdAt,
    ...withAction(m),
    // issue 5, item 4
    ...(m.attachments ? { attachments: m.attachments } : {}),
  }
}

/** Issue "Open lines": a no-answer auto-reply may offer the callback form. */
function withAction(m: Message): { action?: 'callback' } {
  const action = autoReplyActionOf(m)
  return action ? { action } : {}
}

export function toWireConversation(
  c: Conversation,
  extra: {
    visitorName: string | null
    lastMessage: Message | undefined
    participantIds?: string[]
    rating?: Rating | null
  },
): WireConversation {
  return {
    id: c.id,
    lineId: c.lineId,
    widgetId: c.widgetId,
    visitorId: c.visitorId,
    visitorName: extra.visitorName,
    status: c.status,
    assigneeId: c.assigneeId,
    lastSeq: c.lastSeq,
    visitorReadSeq: c.visitorReadSeq,
    operatorReadSeq: c.operatorReadSeq,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    closedAt: c.closedAt,
    lastMessage: extra.lastMessage ? toWireMessage(extra.lastMessage) : null,
    ...(extra.participantIds ? { participantIds: extra.participantIds } : {}),
    ...(extra.rating !== undefined ? { rating: extra.rating } : {}),
  }
}

export function toWireNote(n: Note): WireNote {
  return {
    id: n.id,
    conversationId: n.conversationId,
    seq: n.seq,
    clientId: n.clientId,
    authorId: n.authorId,
    authorName: n.authorName,
    authorAvatarUrl: n.authorAvatarUrl,
    body: n.body,
    createdAt: n.createdAt,
  }
}
