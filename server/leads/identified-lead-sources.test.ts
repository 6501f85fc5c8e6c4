/**
 * Issue 6 item 1: the identified id (`Openline('identify', { id })`) reaches the lead of a chat, a
 * callback and a form alike, and it is the key recognition tries first.
 */
import { describe, expect, it } from 'vitest'
import { createCallbackLeadSource } from '../callbacks/lead-source.ts'
import type { Callback } from '../store/callback-types.ts'
import type { Conversation, Visitor } from '../store/types.ts'
import { createChatLeadSource } from './chat-lead-source.ts'
import { contactKeys, hasContactData } from './lead-rules.ts'

const visitor: Visitor = {
  id: 'v-1',
  workspaceId: 'ws',
  widgetId: 'w-1',
  name: 'Cleo',
  email: 'cleo@example.com',
  phone: null,
  context: {},
  createdAt: 1,
  lastSeenAt: 1,
  externalId: 'u-42',
}
const getVisitor = async (ws: string, id: string) => (ws === 'ws' && id === 'v-1' ? visitor : undefined)

describe('identified id in leads (issue 6, item 1)', () => {
  it('is recognised before e-mail and phone, and alone is contact data', () => {
    expect(contactKeys({ email: 'shared@example.com', externalId: 'u-42', phone: '+1 555 0100' })[0]).toBe(
      'ext:u-42',
    )
    expect(hasContactData({ externalId: 'u-42' })).toBe(true)
    expect(hasContactData({ externalId: '  ' })).toBe(false)
  })

  it('a chat lead carries it', async () => {
    const conversation = { id: 'c-1', visitorId: 'v-1', lineId: 'l-1', widgetId: 'w-1', createdAt: 5 }
    const source = createChatLeadSource({
      getConversation: async () => conversation as Conversation,
      getVisitor,
      listMessages: async () => [],
    })
    expect((await source.build('ws', 'c-1'))?.contact).toEqual({
      externalId: 'u-42',
      name: 'Cleo',
      email: 'cleo@example.com',
    })
  })

  it('a chat of a visitor known only by the identified id is a lead too', async () => {
    const source = createChatLeadSource({
      getConversation: async () =>
        ({ id: 'c-1', visitorId: 'v-1', lineId: 'l-1', createdAt: 5 }) as Conversation,
      getVisitor: async () => ({ ...visitor, name: null, email: null }),
      listMessages: async () => [],
    })
    expect((await source.build('ws', 'c-1'))?.contact).toEqual({ externalId: 'u-42' })
  })

  it('a callback lead carries it', async () => {
    const callback = {
      id: 'cb-1',
      workspaceId: 'ws',
      lineId: 'l-1',
      widgetId: 'w-1',
      visitorId: 'v-1',
      name: 'Cleo',
      phone: '+15550100',
      topic: null,
      preferred: 'asap',
      dueAt: 10,
      assigneeId: null,
      consentText: null,
      extra: {},
      createdAt: 5,
    } as unknown as Callback
    const source = createCallbackLeadSource({ getCallback: async () => callback, getVisitor })
    expect((await source.build('ws', 'cb-1'))?.contact).toEqual({
      name: 'Cleo',
      phone: '+15550100',
      email: 'cleo@example.com',
      externalId: 'u-42',
    })
  })
})
