import type { Kysely } from 'kysely'

/**
 * A node re-arms its auto-reply and auto-close timers on start from the open conversations of every
 * workspace updated recently (issue "Open lines", `listRecentOpenConversations`); the inbox index
 * leads with the workspace, so this one serves the unscoped query.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('conversations_open_recent_idx')
    .on('conversations')
    .columns(['status', 'updated_at'])
    .execute()
}
