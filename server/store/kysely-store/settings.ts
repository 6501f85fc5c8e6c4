import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'
import type { Store } from '../types.ts'

export function settingMethods(db: Kysely<Database>): Pick<Store, 'getOrCreateSetting'> {
  const read = async (key: string) =>
    (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value

  return {
    async getOrCreateSetting(key, create) {
      const existing = await read(key)
      if (existing !== undefined) return existing
      // Several nodes may start at once: whoever inserts first wins, everyone reads the winner.
      await db
        .insertInto('settings')
        .values({ key, value: create() })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute()
      const stored = await read(key)
      if (stored === undefined) throw new Error(`setting ${key} vanished right after insert`)
      return stored
    },
  }
}
