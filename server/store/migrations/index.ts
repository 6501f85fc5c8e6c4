import type { Migration, MigrationProvider } from 'kysely'
import * as initial from './0001-initial.ts'
import * as routing from './0002-routing.ts'
import * as teamwork from './0003-teamwork.ts'
import * as openRecent from './0004-open-recent.ts'

/**
 * Static list rather than a folder scan (issue "Server core"): bundlers and `tsx` both see the
 * imports, and the set of migrations is fixed at build time. Append new ones; never reorder.
 */
const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-routing': routing,
  '0003-teamwork': teamwork,
  '0004-open-recent': openRecent,
}

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
}
