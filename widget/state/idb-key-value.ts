import type { KeyValue } from './persist.ts'

/** Settles when an IndexedDB request succeeds or a transaction completes; rejects on error or abort. */
function settled<T>(request: IDBRequest<T> | IDBTransaction): Promise<T> {
  return new Promise((resolve, reject) => {
    const r = request as IDBRequest<T> & IDBTransaction
    r.oncomplete = r.onsuccess = () => resolve(r.result)
    r.onabort = r.onerror = () => reject(r.error)
  })
}

/**
 * Our own database ("openline", object store "kv"), not idb-keyval's default one: the host page may
 * use idb-keyval itself. The same calls idb-keyval's createStore/get/set make (its layout, so chats
 * stored by earlier versions stay readable), without its default store the bundle carried unused.
 */
export function idbKeyValue(): KeyValue {
  let db: Promise<IDBDatabase> | undefined
  const store = async (mode: IDBTransactionMode) => {
    if (!db) {
      const open = indexedDB.open('openline')
      open.onupgradeneeded = () => open.result.createObjectStore('kv')
      db = settled(open)
      // Safari may close the connection on its own: open it again next time.
      db.then(
        (d) => {
          d.onclose = () => {
            db = undefined
          }
        },
        () => {
          db = undefined
        },
      )
    }
    return (await db).transaction('kv', mode).objectStore('kv')
  }
  return {
    get: async (key) => settled((await store('readonly')).get(key)),
    async set(key, value) {
      const kv = await store('readwrite')
      kv.put(value, key)
      await settled(kv.transaction)
    },
  }
}
