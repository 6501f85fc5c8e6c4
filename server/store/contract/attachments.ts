import { expect, it } from 'vitest'
import { AttachmentNotFoundError } from '../attachment-types.ts'
import type { Store } from '../types.ts'
import {
  expectStoreError,
  type GetStore,
  openConversation,
  seedTenant,
  T0,
  type Tenant,
  visitorMessage,
} from './fixtures.ts'

function upload(
  store: Store,
  t: Tenant,
  by: 'visitor' | 'operator',
  bytes = new Uint8Array([1, 2, 3, 0, 255]),
) {
  return store.createAttachment({
    workspaceId: t.workspace.id,
    uploaderKind: by,
    uploaderId: by === 'visitor' ? t.visitor.id : t.operator.id,
    name: 'scan.pdf',
    contentType: 'application/pdf',
    data: bytes,
    now: T0,
  })
}

/** issue 5, item 4: uploads, their bytes, and linking them to a message in the append. */
export function attachmentsContract(getStore: GetStore): void {
  it('stores the bytes exactly and the metadata, scoped to the workspace', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const other = await seedTenant(store)
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256)
    const a = await upload(store, t, 'visitor', bytes)
    expect(a).toEqual({
      id: expect.any(String),
      workspaceId: t.workspace.id,
      uploaderKind: 'visitor',
      uploaderId: t.visitor.id,
      conversationId: null,
      messageId: null,
      name: 'scan.pdf',
      contentType: 'application/pdf',
      size: 70_000,
      createdAt: T0,
    })
    expect(await store.getAttachment(t.workspace.id, a.id)).toEqual(a)
    expect(Buffer.from((await store.readAttachmentData(t.workspace.id, a.id)) ?? [])).toEqual(
      Buffer.from(bytes),
    )
    expect(await store.getAttachment(other.workspace.id, a.id)).toBeUndefined()
    expect(await store.readAttachmentData(other.workspace.id, a.id)).toBeUndefined()
  })

  it("links the author's uploads to the message in the append, and lists them with it", async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const conversation = await openConversation(store, t)
    const [a, b] = [await upload(store, t, 'visitor'), await upload(store, t, 'visitor')]
    const { message } = await store.appendMessage({
      ...visitorMessage(t, conversation, 'with-files', T0 + 1),
      body: '',
      attachmentIds: [b.id, a.id],
    })
    const refs = [b, a].map(({ id, name, size, contentType }) => ({ id, name, size, contentType }))
    expect(message.attachments).toEqual(refs)
    expect((await store.listMessages(t.workspace.id, conversation.id))[0]?.attachments).toEqual(refs)
    expect(
      (await store.lastMessages(t.workspace.id, [conversation.id])).get(conversation.id)?.attachments,
    ).toEqual(refs)
    expect(await store.getAttachment(t.workspace.id, a.id)).toMatchObject({
      conversationId: conversation.id,
      messageId: message.id,
    })
    // A resend with the same client id is the same message, not a second link.
    const again = await store.appendMessage({
      ...visitorMessage(t, conversation, 'with-files', T0 + 2),
      attachmentIds: [b.id, a.id],
    })
    expect(again).toMatchObject({ duplicate: true, message: { id: message.id, attachments: refs } })
  })

  it('messages without files carry no attachments key', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const conversation = await openConversation(store, t)
    const { message } = await store.appendMessage(visitorMessage(t, conversation, 'plain', T0 + 1))
    expect('attachments' in message).toBe(false)
  })

  it("refuses someone else's, another workspace's, an already sent or an unknown upload — writing nothing", async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const other = await seedTenant(store)
    const conversation = await openConversation(store, t)
    const byOperator = await upload(store, t, 'operator')
    const foreign = await upload(store, other, 'visitor')
    const sent = await upload(store, t, 'visitor')
    await store.appendMessage({
      ...visitorMessage(t, conversation, 'first', T0 + 1),
      attachmentIds: [sent.id],
    })
    const mine = await upload(store, t, 'visitor')
    for (const [i, ids] of [
      [byOperator.id],
      [foreign.id],
      [sent.id],
      ['nope'],
      [mine.id, 'nope'],
    ].entries()) {
      const attempt = store.appendMessage({
        ...visitorMessage(t, conversation, `bad-${i}`, T0 + 2),
        attachmentIds: ids,
      })
      await expectStoreError(attempt, 'not_found')
      await expect(
        store.appendMessage({ ...visitorMessage(t, conversation, `bad-${i}`, T0 + 2), attachmentIds: ids }),
      ).rejects.toBeInstanceOf(AttachmentNotFoundError)
    }
    expect((await store.getConversation(t.workspace.id, conversation.id))?.lastSeq).toBe(1)
    expect(await store.getAttachment(t.workspace.id, mine.id)).toMatchObject({ messageId: null })
    expect(await store.getAttachment(t.workspace.id, byOperator.id)).toMatchObject({ messageId: null })
  })
}
