/** Builders for tests: realistic wire records with only the fields a test cares about overridden. */
import type { WireConversation, WireMessage, WireNote } from '../../server/protocol/messages.ts'

export function wireMessage(overrides: Partial<WireMessage> & { seq: number }): WireMessage {
  const conversationId = overrides.conversationId ?? 'c1'
  return {
    id: `${conversationId}-m${overrides.seq}`,
    conversationId,
    clientId: `${conversationId}-client-${overrides.seq}`,
    authorKind: 'visitor',
    authorId: 'v1',
    authorName: null,
    authorAvatarUrl: null,
    body: `message ${overrides.seq}`,
    createdAt: 1_000_000 + overrides.seq * 1000,
    ...overrides,
  }
}

export function wireConversation(overrides: Partial<WireConversation> & { id: string }): WireConversation {
  return {
    lineId: 'line1',
    widgetId: 'w1',
    visitorId: `visitor-${overrides.id}`,
    visitorName: null,
    status: 'open',
    assigneeId: null,
    lastSeq: 0,
    visitorReadSeq: 0,
    operatorReadSeq: 0,
    createdAt: 1_000_000,
    updatedAt: 1_000_000,
    closedAt: null,
    lastMessage: null,
    ...overrides,
  }
}

export function wireNote(overrides: Partial<WireNote> & { seq: number }): WireNote {
  const conversationId = overrides.conversationId ?? 'c1'
  return {
    id: `${conversationId}-n${overrides.seq}`,
    conversationId,
    clientId: `${conversationId}-note-client-${overrides.seq}`,
    authorId: 'op-ann',
    authorName: 'Ann',
    authorAvatarUrl: null,
    body: `note ${overrides.seq}`,
    createdAt: 1_000_000 + overrides.seq * 1000 + 500,
    ...overrides,
  }
}
