import { type Kysely, sql } from 'kysely'
import type { Database } from './database.ts'
import { accountMethods } from './kysely-store/accounts.ts'
import { attachmentMethods } from './kysely-store/attachments.ts'
import { callbackMethods } from './kysely-store/callbacks.ts'
import { conversationMethods } from './kysely-store/conversations.ts'
import { crmConnectionMethods } from './kysely-store/crm-connections.ts'
import { eventMethods } from './kysely-store/events.ts'
import { formMethods } from './kysely-store/forms.ts'
import { lineSweepMethods } from './kysely-store/line-sweep.ts'
import { lineWidgetMethods } from './kysely-store/lines-widgets.ts'
import { messageMethods } from './kysely-store/messages.ts'
import { noteMethods } from './kysely-store/notes.ts'
import { operatorProfileMethods } from './kysely-store/operator-profile.ts'
// issue 6: the CRM outbox
import { outboxMethods } from './kysely-store/outbox.ts'
import { createOutboxSignal } from './kysely-store/outbox-signal.ts'
import { presenceOfferMethods } from './kysely-store/presence-offers.ts'
import { quickAnswerMethods } from './kysely-store/quick-answers.ts'
import { routingMethods } from './kysely-store/routing.ts'
import { settingMethods } from './kysely-store/settings.ts'
import { teamworkMethods } from './kysely-store/teamwork.ts'
import { visitorIdentityMethods } from './kysely-store/visitor-identity.ts'
import { visitorMethods } from './kysely-store/visitors.ts'
import { widgetUpdateMethods } from './kysely-store/widget-update.ts'
import { migrateToLatest } from './migrate.ts'
import type { Store } from './types.ts'

export interface KyselyStoreOptions {
  /** PostgreSQL schema holding the tables and the migrator's bookkeeping; default search_path. */
  schema?: string
}

/**
 * The one Store implementation, shared by both dialects (issue "Server core"); the factories
 * only differ in how they open the connection.
 */
export function createKyselyStore(
  db: Kysely<Database>,
  dialect: Store['dialect'],
  options: KyselyStoreOptions = {},
): Store {
  // issue 6: every INSERT into outbox_events, by any method, wakes this node's relay at once
  const outboxSignal = createOutboxSignal()
  db = db.withPlugin(outboxSignal)
  return {
    dialect,
    migrate: () => migrateToLatest(db, options.schema),
    async ping() {
      await sql`select 1`.execute(db)
    },
    close: () => db.destroy(),
    ...settingMethods(db),
    ...accountMethods(db),
    ...lineWidgetMethods(db),
    ...visitorMethods(db),
    ...conversationMethods(db),
    ...messageMethods(db),
    ...eventMethods(db),
    ...routingMethods(db),
    ...lineSweepMethods(db),
    ...presenceOfferMethods(db),
    ...noteMethods(db),
    ...teamworkMethods(db),
    ...quickAnswerMethods(db),
    ...crmConnectionMethods(db),
    ...callbackMethods(db),
    ...widgetUpdateMethods(db),
    ...operatorProfileMethods(db),
    ...attachmentMethods(db),
    ...formMethods(db),
    ...outboxMethods(db, dialect, outboxSignal),
    // issue 6, item 1: identified visitors
    ...visitorIdentityMethods(db),
  }
}
