/** Row ↔ record mapping. JSON columns are text in both dialects (issue "Server core"). */
import type { Selectable } from 'kysely'
import type { AuthorKind, ConversationStatus } from '../../protocol/messages.ts'
import type { AttachmentRef } from '../attachment-types.ts'
import type {
  ConversationEventsTable,
  ConversationsTable,
  LinesTable,
  MessagesTable,
  OperatorsTable,
  SessionsTable,
  VisitorsTable,
  WidgetsTable,
  WorkspacesTable,
} from '../database.ts'
import type {
  Conversation,
  ConversationEvent,
  JsonObject,
  Line,
  Message,
  Operator,
  OperatorRole,
  Session,
  Visitor,
  Widget,
  Workspace,
} from '../types.ts'
import { parseAttachmentRefs } from './attachments.ts'

export function toJson(value: JsonObject | string[]): string {
  return JSON.stringify(value)
}

function parseObject(text: string): JsonObject {
  return JSON.parse(text) as JsonObject
}

function parseStrings(text: string): string[] {
  return JSON.parse(text) as string[]
}

export const toWorkspace = (r: Selectable<WorkspacesTable>): Workspace => ({
  id: r.id,
  name: r.name,
  createdAt: r.created_at,
})

export const toOperator = (r: Selectable<OperatorsTable>): Operator => ({
  id: r.id,
  workspaceId: r.workspace_id,
  email: r.email,
  name: r.name,
  avatarUrl: r.avatar_url,
  role: r.role as OperatorRole,
  passwordHash: r.password_hash,
  createdAt: r.created_at,
})

export const toLine = (r: Selectable<LinesTable>): Line => ({
  id: r.id,
  workspaceId: r.workspace_id,
  name: r.name,
  settings: parseObject(r.settings),
  createdAt: r.created_at,
})

export const toWidget = (r: Selectable<WidgetsTable>): Widget => ({
  id: r.id,
  workspaceId: r.workspace_id,
  lineId: r.line_id,
  name: r.name,
  publicSlug: r.public_slug,
  settings: parseObject(r.settings),
  allowedOrigins: parseStrings(r.allowed_origins),
  createdAt: r.created_at,
})

export const toVisitor = (r: Selectable<VisitorsTable>): Visitor => ({
  id: r.id,
  workspaceId: r.workspace_id,
  widgetId: r.widget_id,
  name: r.name,
  email: r.email,
  phone: r.phone,
  context: parseObject(r.context),
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
  externalId: r.external_id ?? null,
})

export const toConversation = (r: Selectable<ConversationsTable>): Conversation => ({
  id: r.id,
  workspaceId: r.workspace_id,
  lineId: r.line_id,
  widgetId: r.widget_id,
  visitorId: r.visitor_id,
  status: r.status as ConversationStatus,
  assigneeId: r.assignee_id,
  lastSeq: r.last_seq,
  visitorReadSeq: r.visitor_read_seq,
  operatorReadSeq: r.operator_read_seq,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  closedAt: r.closed_at,
})

export const toMessage = (r: Selectable<MessagesTable>): Message => ({
  id: r.id,
  workspaceId: r.workspace_id,
  conversationId: r.conversation_id,
  seq: r.seq,
  clientId: r.client_id,
  authorKind: r.author_kind as AuthorKind,
  authorId: r.author_id,
  authorName: r.author_name,
  authorAvatarUrl: r.author_avatar_url,
  body: r.body,
  createdAt: r.created_at,
  // issue 5, item 4: omitted when the message carries no files
  ...withAttachments(parseAttachmentRefs(r.attachments)),
})

const withAttachments = (refs: AttachmentRef[] | undefined) => (refs ? { attachments: refs } : {})

export const toEvent = (r: Selectable<ConversationEventsTable>): ConversationEvent => ({
  id: r.id,
  workspaceId: r.workspace_id,
  conversationId: r.conversation_id,
  type: r.type,
  actorKind: r.actor_kind as AuthorKind,
  actorId: r.actor_id,
  data: parseObject(r.data),
  createdAt: r.created_at,
})

export const toSession = (r: Selectable<SessionsTable>): Session => ({
  id: r.id,
  operatorId: r.operator_id,
  workspaceId: r.workspace_id,
  csrfToken: r.csrf_token,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
})
