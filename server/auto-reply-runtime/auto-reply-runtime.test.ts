import { afterEach, describe, expect, it } from 'vitest'
import type { LineSettingsInput } from '../line-settings/index.ts'
import { autoReplyWorld, MINUTE } from './test-kit.ts'

/** Monday 2026-06-08, 09:00 in Warsaw: inside the default Mon–Fri 09:00–18:00. */
const MONDAY = Date.parse('2026-06-08T07:00:00Z')
/** Saturday 2026-06-06, 10:00 in Warsaw: closed. */
const SATURDAY = Date.parse('2026-06-06T08:00:00Z')
const warsaw: LineSettingsInput = { workingHours: { timeZone: 'Europe/Warsaw' }, autoReplies: {} }

type World = Awaited<ReturnType<typeof autoReplyWorld>>
let world: World | undefined

async function open(start: number, settings: LineSettingsInput = warsaw): Promise<World> {
  world = await autoReplyWorld(start, settings)
  return world
}

afterEach(async () => {
  await world?.close()
  world = undefined
})

describe('auto-reply runtime', () => {
  it('welcomes the first visitor message once, rendered for the visitor', async () => {
    const w = await open(MONDAY)
    const { chat } = await w.node()
    const first = await chat.send(w.visitor, { clientId: 'a', body: 'Hello' })
    await w.settle()
    await chat.send(w.visitor, { clientId: 'b', body: 'Anyone?' })
    await w.settle()
    expect(await w.systemKinds(first.conversation.id)).toEqual(['welcome'])
    const messages = await w.store.listMessages(w.ws.id, first.conversation.id)
    expect(messages.map((m) => m.authorKind)).toEqual(['visitor', 'system', 'visitor'])
    expect(messages[1]!.body).toContain('Hi Vera! Thanks for contacting Sales.')
  })

  it('answers with the off-hours reply while the line is closed, naming the next opening', async () => {
    const w = await open(SATURDAY)
    const { chat } = await w.node()
    const sent = await chat.send(w.visitor, { clientId: 'a', body: 'Hello' })
    await w.settle()
    expect(await w.systemKinds(sent.conversation.id)).toEqual(['off-hours'])
    const [, reply] = await w.store.listMessages(w.ws.id, sent.conversation.id)
    // Monday 09:00 in Warsaw is 08:00 in the visitor's London.
    expect(reply!.body).toContain('Monday 08:00')
  })

  it('sends the off-hours reply only with the accept-and-reply rule', async () => {
    const w = await open(SATURDAY, { ...warsaw, offHours: 'offer-form' })
    const { chat } = await w.node()
    // Under "offer the form" the server refuses a new chat (line_closed): nothing starts, nothing is answered.
    await expect(chat.send(w.visitor, { clientId: 'a', body: 'Hello' })).rejects.toMatchObject({
      code: 'line_closed',
    })
    await w.settle()
    expect(await w.store.listConversations(w.ws.id, {})).toEqual([])
  })

  it('sends no-answer after the wait only when no operator replied', async () => {
    const w = await open(MONDAY)
    const { chat } = await w.node()
    const waiting = await chat.send(w.visitor, { clientId: 'a', body: 'Hello' })
    await w.settle()
    await w.advanceTo(MONDAY + 4 * MINUTE)
    expect(await w.systemKinds(waiting.conversation.id)).toEqual(['welcome'])
    await w.advanceTo(MONDAY + 5 * MINUTE)
    expect(await w.systemKinds(waiting.conversation.id)).toEqual(['welcome', 'no-answer'])
    await w.advanceTo(MONDAY + 60 * MINUTE)
    expect(await w.systemKinds(waiting.conversation.id)).toEqual(['welcome', 'no-answer'])
  })

  it('sends no no-answer once an operator replied in time', async () => {
    const w = await open(MONDAY)
    const { chat } = await w.node()
    const sent = await chat.send(w.visitor, { clientId: 'a', body: 'Hello' })
    await w.settle()
    await w.advanceTo(MONDAY + 2 * MINUTE)
    await chat.send(w.operator, { clientId: 'o', conversationId: sent.conversation.id, body: 'Hi!' })
    await w.settle()
    await w.advanceTo(MONDAY + 60 * MINUTE)
    expect(await w.systemKinds(sent.conversation.id)).toEqual(['welcome'])
    expect(w.time.pending()).toBe(0)
  })

  it('thanks the visitor on close and clears the timer', async () => {
    const w = await open(MONDAY)
    const { chat } = await w.node()
    const sent = await chat.send(w.visitor, { clientId: 'a', body: 'Hello' })
    await w.settle()
    expect(w.time.pending()).toBe(1)
    await chat.close(w.operator, sent.conversation.id)
    await w.settle()
    expect(await w.systemKinds(sent.conversation.id)).toEqual(['welcome', 'on-close'])
    const messages = await w.store.listMessages(w.ws.id, sent.conversation.id)
    expect(messages.at(-1)!.body).toBe(
      'Thanks for chatting with Sales! If anything else comes up, just write here again.',
    )
    expect(w.time.pending()).toBe(0)
  })

  it('stores each reply once when two nodes decide it at the same time', async () => {
    const w = await open(MONDAY)
    const a = await w.node()
    const b = await w.node()
    const sent = await a.chat.send(w.visitor, { clientId: 'a', body: 'Hello' })
    const conversation = (await w.store.getConversation(w.ws.id, sent.conversation.id))!
    b.runtime.visitorMessage(conversation)
    await w.settle()
    await w.advanceTo(MONDAY + 10 * MINUTE)
    expect(await w.systemKinds(sent.conversation.id)).toEqual(['welcome', 'no-answer'])
  })

  it('closes after the inactivity wait with reason inactivity, and not while someone writes', async () => {
    const w = await open(MONDAY, { ...warsaw, routing: { autoCloseInactiveMinutes: 30 } })
    const { chat } = await w.node()
    const sent = await chat.send(w.visitor, { clientId: 'a', body: 'Hello' })
    await w.settle()
    await w.advanceTo(MONDAY + 20 * MINUTE)
    await chat.send(w.operator, { clientId: 'o', conversationId: sent.conversation.id, body: 'Hi!' })
    await w.settle()
    await w.advanceTo(MONDAY + 45 * MINUTE)
    expect((await w.store.getConversation(w.ws.id, sent.conversation.id))!.status).toBe('open')
    await w.advanceTo(MONDAY + 50 * MINUTE)
    const closed = (await w.store.getConversation(w.ws.id, sent.conversation.id))!
    expect(closed).toMatchObject({ status: 'closed', closedAt: MONDAY + 50 * MINUTE })
    expect((await w.store.getConversationKpis(w.ws.id, closed.id))!.closeReason).toBe('inactivity')
    expect(await w.systemKinds(closed.id)).toEqual(['welcome', 'no-answer', 'on-close'])
    expect(w.time.pending()).toBe(0)
  })

  it('sends nothing on a line whose auto-replies were never saved, yet still auto-closes it', async () => {
    const w = await open(MONDAY, { routing: { autoCloseInactiveMinutes: 30 } })
    const { chat } = await w.node()
    const sent = await chat.send(w.visitor, { clientId: 'a', body: 'Hello' })
    await w.settle()
    await w.advanceTo(MONDAY + 30 * MINUTE)
    expect(await w.systemKinds(sent.conversation.id)).toEqual([])
    expect((await w.store.getConversation(w.ws.id, sent.conversation.id))!.status).toBe('closed')
  })

  it('re-arms the timers of open conversations when a node starts again', async () => {
    const w = await open(MONDAY)
    const first = await w.node()
    const sent = await first.chat.send(w.visitor, { clientId: 'a', body: 'Hello' })
    await w.settle()
    await first.runtime.close()
    expect(w.time.pending()).toBe(0)
    await w.advanceTo(MONDAY + MINUTE)
    await w.node()
    await w.settle()
    expect(w.time.pending()).toBe(1)
    await w.advanceTo(MONDAY + 10 * MINUTE)
    expect(await w.systemKinds(sent.conversation.id)).toEqual(['welcome', 'no-answer'])
  })
})
