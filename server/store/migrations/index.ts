import type { Migration, MigrationProvider } from 'kysely'
import * as initial from './0001-initial.ts'
import * as routing from './0002-routing.ts'
import * as teamwork from './0003-teamwork.ts'
import * as openRecent from './0004-open-recent.ts'
import * as outbox from './0005-outbox.ts'
import * as crmConnections from './0006-crm-connections.ts'
import * as forms from './0007-forms.ts'
import * as callbacks from './0008-callbacks.ts'
import * as attachments from './0009-attachments.ts'
import * as visitorExternalId from './0010-visitor-external-id.ts'
import * as crmLeadRules from './0011-crm-lead-rules.ts'

/**
 * Static list rather than a folder scan (issue "Server core"): bundlers and `tsx` both see the
 * imports, and the set of migrations is fixed at build time. Append new ones; never reorder.
 */
const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-routing': routing,
  '0003-teamwork': teamwork,
  '0004-open-recent': openRecent,
  '0005-outbox': outbox,
  '0006-crm-connections': crmConnections,
  '0007-forms': forms,
  '0008-callbacks': callbacks,
  '0009-attachments': attachments,
  '0010-visitor-external-id': visitorExternalId,
  '0011-crm-lead-rules': crmLeadRules,
}

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
}
