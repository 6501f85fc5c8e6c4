import { expect, it } from 'vitest'
import {
  expectStoreError,
  type GetStore,
  openConversation,
  seedTenant,
  T0,
  uniqueName,
  visitorMessage,
} from './fixtures.ts'

export function messagesContract(getStore: GetStore): void {
  it('appends with gap-free sequence numbers and bumps the conversation', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const conversation = await openConversation(store, t)
    const first = await store.appendMessage(visitorMessage(t, conversation, 'c1', T0 + 1))
    expect(first).toEqual({
      duplicate: false,
      message: {
        id: expect.any(String),
        workspaceId: t.workspace.id,
        conversationId: conversation.id,
        seq: 1,
        clientId: 'c1',
        authorKind: 'visitor',
        authorId: t.visitor.id,
        authorName: null,
        authorAvatarUrl: null,
        body: 'body of c1',
        createdAt: T0 + 1,
      },
    })
    const reply = await store.appendMessage({
      workspaceId: t.workspace.id,
      conversationId: conversation.id,
      clientId: 'c1',
      authorKind: 'operator',
      authorId: t.operator.id,
      authorName: 'Olga',
      authorAvatarUrl: 'https://example.com/o.png',
      body: 'Hello!',
      now: T0 + 2,
    })
    expect(reply.duplicate).toBe(false)
    expect(reply.message).toMatchObject({
      seq: 2,
      authorName: 'Olga',
      authorAvatarUrl: 'https://example.com/o.png',
    })
    expect((await store.appendMessage(visitorMessage(t, conversation, 'c3', T0 + 3))).message.seq).toBe(3)
    expect(await store.getConversation(t.workspace.id, conversation.id)).toMatchObject({
      lastSeq: 3,
      updatedAt: T0 + 3,
    })
    expect(await store.listMessages(t.workspace.id, conversation.id)).toEqual([
      first.message,
      reply.message,
      expect.objectContaining({ seq: 3, clientId: 'c3' }),
    ])
  })

  it('returns the stored message for a resent clientId without writing', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const conversation = await openConversation(store, t)
    const original = await store.appendMessage(visitorMessage(t, conversation, 'same', T0 + 1))
    const resent = await store.appendMessage({
      ...visitorMessage(t, conversation, 'same', T0 + 9),
      body: 'changed',
    })
    expect(resent).toEqual({ message: original.message, duplicate: true })
    expect(await store.getConversation(t.workspace.id, conversation.id)).toMatchObject({
      lastSeq: 1,
      updatedAt: T0 + 1,
    })
    expect(await store.listMessages(t.workspace.id, conversation.id)).toEqual([original.message])
  })

  it('treats system messages as duplicates per conversation', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const one = await openConversation(store, t)
    const two = await openConversation(store, t)
    const system = (conversationId: string) => ({
      workspaceId: t.workspace.id,
      conversationId,
      clientId: 'auto-reply',
      authorKind: 'system' as const,
      authorId: null,
      authorName: null,
      body: 'We reply within a day.',
      now: T0,
    })
    const first = await store.appendMessage(system(one.id))
    expect((await store.appendMessage(system(one.id))).duplicate).toBe(true)
    const other = await store.appendMessage(system(two.id))
    expect(other.duplicate).toBe(false)
    expect(other.message.id).not.toBe(first.message.id)
  })

  it('refuses a missing or foreign conversation with not_found and writes nothing', async () => {
    const store = getStore()
    const a = await seedTenant(store)
    const b = await seedTenant(store)
    const conversation = await openConversation(store, a)
    await expectStoreError(
      store.appendMessage({ ...visitorMessage(a, conversation, 'x'), conversationId: crypto.randomUUID() }),
      'not_found',
    )
    await expectStoreError(
      store.appendMessage({ ...visitorMessage(b, conversation, 'y'), conversationId: conversation.id }),
      'not_found',
    )
    expect(await store.listMessages(a.workspace.id, conversation.id)).toEqual([])
    expect((await store.getConversation(a.workspace.id, conversation.id))?.lastSeq).toBe(0)
  })

  it('gives 50 concurrent appends the sequence numbers 1..50 exactly', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const conversation = await openConversation(store, t)
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        store.appendMessage(visitorMessage(t, conversation, `p${i}`, T0 + i)),
      ),
    )
    const expected = Array.from({ length: 50 }, (_, i) => i + 1)
    expect(results.map((r) => r.message.seq).sort((x, y) => x - y)).toEqual(expected)
    expect(results.every((r) => !r.duplicate)).toBe(true)
    const stored = await store.listMessages(t.workspace.id, conversation.id)
    expect(stored.map((m) => m.seq)).toEqual(expected)
    expect((await store.getConversation(t.workspace.id, conversation.id))?.lastSeq).toBe(50)
  })

  it('stores concurrent appends of one clientId once', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const conversation = await openConversation(store, t)
    const clientId = uniqueName('race')
    const results = await Promise.all(
      Array.from({ length: 10 }, () => store.appendMessage(visitorMessage(t, conversation, clientId))),
    )
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1)
    expect(new Set(results.map((r) => r.message.id)).size).toBe(1)
    expect(results.every((r) => r.message.seq === 1)).toBe(true)
    expect(await store.listMessages(t.workspace.id, conversation.id)).toHaveLength(1)
    expect((await store.getConversation(t.workspace.id, conversation.id))?.lastSeq).toBe(1)
  })

  it('lists messages after a sequence number, limited, scoped by workspace', async () => {
    const store = getStore()
    const a = await seedTenant(store)
    const b = await seedTenant(store)
    const conversation = await openConversation(store, a)
    for (let i = 1; i <= 6; i++) await store.appendMessage(visitorMessage(a, conversation, `m${i}`, T0 + i))
    const seqs = async (options?: { afterSeq?: number; limit?: number }) =>
      (await store.listMessages(a.workspace.id, conversation.id, options)).map((m) => m.seq)
    expect(await seqs()).toEqual([1, 2, 3, 4, 5, 6])
    expect(await seqs({ afterSeq: 4 })).toEqual([5, 6])
    expect(await seqs({ afterSeq: 1, limit: 2 })).toEqual([2, 3])
    expect(await seqs({ afterSeq: 6 })).toEqual([])
    expect(await store.listMessages(b.workspace.id, conversation.id)).toEqual([])
  })

  it('returns the newest message per conversation, never another workspace’s', async () => {
    const store = getStore()
    const a = await seedTenant(store)
    const b = await seedTenant(store)
    const one = await openConversation(store, a)
    const two = await openConversation(store, a)
    const empty = await openConversation(store, a)
    const foreign = await openConversation(store, b)
    await store.appendMessage(visitorMessage(a, one, 'o1'))
    const lastOfOne = await store.appendMessage(visitorMessage(a, one, 'o2'))
    const lastOfTwo = await store.appendMessage(visitorMessage(a, two, 't1'))
    await store.appendMessage(visitorMessage(b, foreign, 'f1'))

    const latest = await store.lastMessages(a.workspace.id, [one.id, two.id, empty.id, foreign.id])
    expect(latest).toEqual(
      new Map([
        [one.id, lastOfOne.message],
        [two.id, lastOfTwo.message],
      ]),
    )
    expect(await store.lastMessages(a.workspace.id, [])).toEqual(new Map())
  })
}
