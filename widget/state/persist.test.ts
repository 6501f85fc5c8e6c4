import { describe, expect, it } from 'vitest'
import { memoryKv, settle, wireMessage } from '../realtime/test-doubles.ts'
import { chatReducer, initialChatState } from './messages-reducer.ts'
import { persistChanges, persistedOf, readPersisted, storageKey } from './persist.ts'
import { createStore } from './store.ts'

describe('persistChanges', () => {
  it('writes the persisted slice when it changes, and never for typing or connection changes', async () => {
    const store = createStore(chatReducer, initialChatState)
    const kv = memoryKv()
    const writes: unknown[] = []
    const stop = persistChanges(
      store,
      { get: kv.get, set: async (_key, v) => void writes.push(v) },
      'k',
      (e) => {
        throw e
      },
    )
    store.dispatch({ type: 'typing', peer: { name: 'Anna' } })
    store.dispatch({ type: 'connection', connection: 'online' })
    expect(writes).toHaveLength(0)
    store.dispatch({ type: 'received', message: wireMessage({ seq: 1 }) })
    expect(writes).toHaveLength(1)
    expect(writes[0]).not.toHaveProperty('typing')
    expect(writes[0]).not.toHaveProperty('connection')
    stop()
    store.dispatch({ type: 'received', message: wireMessage({ seq: 2 }) })
    await settle()
    expect(writes).toHaveLength(1)
  })

  it('namespaces the key by widget id', () => {
    expect(storageKey('w1')).not.toBe(storageKey('w2'))
    expect(storageKey('w1')).toContain('w1')
  })
})

describe('readPersisted', () => {
  it('accepts what persistChanges wrote', () => {
    const state = chatReducer(initialChatState, { type: 'received', message: wireMessage({ seq: 1 }) })
    const slice = structuredClone(persistedOf(state))
    expect(readPersisted(slice)).toEqual(slice)
  })

  it.each([
    ['nothing', undefined],
    ['a string', 'hello'],
    ['a wrong field', { ...persistedOf(initialChatState), lastSeq: -1 }],
    ['a broken message', { ...persistedOf(initialChatState), messages: [{ clientId: 1 }] }],
    ['a broken visitor', { ...persistedOf(initialChatState), visitor: { token: 5 } }],
  ])('rejects %s', (_name, value) => {
    expect(readPersisted(value)).toBeNull()
  })
})
