/**
 * The tables as Kysely sees them. Column types are the lowest common denominator of SQLite and
 * PostgreSQL (issue "Server core"): ids are text, JSON is kept as text, times and sequence
 * numbers are bigint (pg returns int8 as JS numbers through the pool's type parser).
 */
// issue 6: the CRM outbox's tables live with the feature

// issue 5, item 4: attachments (server/store/attachment-types.ts)
import type { AttachmentsTable } from './attachment-types.ts'
import type { FormSubmissionsTable, FormsTable } from './form-types.ts'
// issue 5, item 2: callback requests (server/store/kysely-store/callbacks.ts)
import type { CallbackEventsTable, CallbacksTable } from './kysely-store/callbacks.ts'
import type { CrmContactLinksTable, CrmDeliveriesTable, OutboxEventsTable } from './outbox-types.ts'
import type { WidgetIdentitySecretsTable } from './visitor-identity-types.ts'

export interface SettingsTable {
  key: string
  value: string
}

export interface WorkspacesTable {
  id: string
  name: string
  created_at: number
}

export interface OperatorsTable {
  id: string
  workspace_id: string
  email: string
  name: string
  avatar_url: string | null
  role: string
  password_hash: string
  created_at: number
}

export interface LinesTable {
  id: string
  workspace_id: string
  name: string
  settings: string
  created_at: number
}

export interface WidgetsTable {
  id: string
  workspace_id: string
  line_id: string
  name: string
  public_slug: string
  settings: string
  allowed_origins: string
  created_at: number
}

export interface VisitorsTable {
  id: string
  workspace_id: string
  widget_id: string | null
  name: string | null
  email: string | null
  phone: string | null
  context: string
  created_at: number
  last_seen_at: number
  /** issue 6 item 1: the business's own user id from `Openline('identify', { id })` (migration 0010). */
  external_id?: string | null
}

export interface ConversationsTable {
  id: string
  workspace_id: string
  line_id: string
  widget_id: string | null
  visitor_id: string
  status: string
  assignee_id: string | null
  last_seq: number
  visitor_read_seq: number
  operator_read_seq: number
  created_at: number
  updated_at: number
  closed_at: number | null
  /** When the current assignee got it (migration 0002); null when unassigned or assigned before. */
  assigned_at: number | null
  /** Migration 0003 (issue "Open lines", items 4, 5, 7): the notes counter, KPIs and the rating. */
  last_note_seq: number
  transfers: number
  first_assigned_at: number | null
  first_visitor_message_at: number | null
  first_operator_message_at: number | null
  close_reason: string | null
  started_inside_working_hours: number | null
  rating: string | null
  rating_comment: string | null
  rated_at: number | null
}

export interface ConversationNotesTable {
  id: string
  workspace_id: string
  conversation_id: string
  seq: number
  client_id: string
  author_id: string
  author_name: string | null
  author_avatar_url: string | null
  body: string
  created_at: number
}

export interface ConversationParticipantsTable {
  workspace_id: string
  conversation_id: string
  operator_id: string
  invited_by: string | null
  created_at: number
}

export interface QuickAnswersTable {
  id: string
  workspace_id: string
  scope: string
  owner_id: string | null
  shortcut: string
  title: string
  text: string
  created_at: number
  updated_at: number
}

export interface OperatorPresenceTable {
  operator_id: string
  workspace_id: string
  status: string
  last_seen_at: number
}

export interface ConversationOffersTable {
  workspace_id: string
  line_id: string
  conversation_id: string
  operator_id: string
  state: string
  offered_at: number
  expires_at: number | null
  misses: number
}

export interface MessagesTable {
  id: string
  workspace_id: string
  conversation_id: string
  seq: number
  client_id: string
  author_kind: string
  author_id: string | null
  author_name: string | null
  author_avatar_url: string | null
  body: string
  created_at: number
  /** issue 5, item 4: JSON array of AttachmentRef, null when none (migration 0009). */
  attachments?: string | null
}

export interface ConversationEventsTable {
  id: string
  workspace_id: string
  conversation_id: string
  type: string
  actor_kind: string
  actor_id: string | null
  data: string
  created_at: number
}

export interface SessionsTable {
  id: string
  operator_id: string
  workspace_id: string
  csrf_token: string
  created_at: number
  expires_at: number
}

/** Migration 0006 (issue "Leads to CRM", items 5 and 6): JSON columns, `enabled` as 0/1. */
export interface CrmConnectionsTable {
  id: string
  workspace_id: string
  name: string
  kind: string
  enabled: number
  connection: string
  field_map: string
  user_map: string
  /** JSON of `leadRulesSchema`; null = the defaults (rows from before 0011, issue 6 item 1). */
  lead_rules: string | null
  created_at: number
  updated_at: number
}

export interface Database {
  settings: SettingsTable
  workspaces: WorkspacesTable
  operators: OperatorsTable
  lines: LinesTable
  widgets: WidgetsTable
  visitors: VisitorsTable
  conversations: ConversationsTable
  messages: MessagesTable
  conversation_events: ConversationEventsTable
  sessions: SessionsTable
  operator_presence: OperatorPresenceTable
  conversation_offers: ConversationOffersTable
  conversation_notes: ConversationNotesTable
  conversation_participants: ConversationParticipantsTable
  quick_answers: QuickAnswersTable
  crm_connections: CrmConnectionsTable
  // issue 6: the CRM outbox (server/store/outbox-types.ts)
  outbox_events: OutboxEventsTable
  crm_deliveries: CrmDeliveriesTable
  crm_contact_links: CrmContactLinksTable
  // issue 5, item 2: callback requests
  callbacks: CallbacksTable
  callback_events: CallbackEventsTable
  // issue 5, item 4: attachments
  attachments: AttachmentsTable
  // issue 5, item 3: web forms (server/store/form-types.ts)
  forms: FormsTable
  form_submissions: FormSubmissionsTable
  // issue 6, item 1: identified visitors (server/store/visitor-identity-types.ts)
  widget_identity_secrets: WidgetIdentitySecretsTable
}
