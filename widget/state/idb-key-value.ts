import { createStore, get, set } from 'idb-keyval'
import type { KeyValue } from './persist.ts'

/** Our own database, not idb-keyval's default one: the host page may use idb-keyval itself. */
export function idbKeyValue(): KeyValue {
  const db = createStore('openline', 'kv')
  return {
    get: (key) => get(key, db),
    set: (key, value) => set(key, value, db),
  }
}
