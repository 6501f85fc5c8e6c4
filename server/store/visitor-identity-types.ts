/**
 * Identified visitors in the Store (issue 6 item 1, issue 5 item 8). A sub-interface of `Store`,
 * implemented by kysely-store/visitor-identity.ts and checked by contract/visitor-identity.ts on
 * SQLite and PostgreSQL. The visitor's identified id itself is a column of `visitors`
 * (`Visitor.externalId`, set through `updateVisitor`).
 */
import type { Visitor } from './types.ts'

export interface WidgetIdentitySecretsTable {
  widget_id: string
  workspace_id: string
  /** HMAC-SHA256 key for `userHash`; never leaves the server (the admin API shows it masked). */
  secret: string
  updated_at: number
}

export interface VisitorIdentityStore {
  /** The widget's identity secret; null when none is set (or the widget is not the workspace's). */
  getWidgetIdentitySecret(workspaceId: string, widgetId: string): Promise<string | null>
  /** Sets (or with null removes) it; false when the widget is not the workspace's. */
  setWidgetIdentitySecret(input: {
    workspaceId: string
    widgetId: string
    secret: string | null
    now: number
  }): Promise<boolean>
  /** The workspace's visitors identified with this id, most recently seen first. */
  findVisitorsByExternalId(workspaceId: string, externalId: string): Promise<Visitor[]>
}
