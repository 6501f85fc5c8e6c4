import { createStore, get, set } from 'idb-keyval'
import type { KeyValue } from './persist.ts'

/**
 * The chat's storage (issue "Chat end to end": history across reloads and tabs) through idb-keyval,
 * in a database of our own ("openline", object store "kv"), never idb-keyval's default one: the
 * host page may use idb-keyval itself. `createStore` opens the database on first use, not here.
 */
export function idbKeyValue(): KeyValue {
  const store = createStore('openline', 'kv')
  return {
    get: (key) => get(key, store),
    set: (key, value) => set(key, value, store),
  }
}
