/**
 * Issue "Open lines", item 3, end to end through the chat service and the runtime (real SQLite,
 * hand-driven time): welcome "each new session", and the no-answer action "offer a callback".
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { LineSettingsInput } from '../line-settings/index.ts'
import { SESSION_GAP_MS } from './conversation-facts.ts'
import { autoReplyWorld, MINUTE } from './test-kit.ts'

/** Monday 2026-06-08, 09:00 in Warsaw: open for hours. */
const MONDAY = Date.parse('2026-06-08T07:00:00Z')
const hours = { timeZone: 'Europe/Warsaw' }

type World = Awaited<ReturnType<typeof autoReplyWorld>>
let world: World | undefined
afterEach(async () => {
  await world?.close()
  world = undefined
})

async function open(autoReplies: LineSettingsInput['autoReplies']): Promise<World> {
  world = await autoReplyWorld(MONDAY, { workingHours: hours, autoReplies })
  return world
}

describe('welcome each-session', () => {
  const eachSession = { welcome: { when: 'each-session' as const }, noAnswer: { enabled: false } }

  it('greets again when the visitor comes back after a quiet spell, not within one', async () => {
    const w = await open(eachSession)
    const { chat } = await w.node()
    const first = await chat.send(w.visitor, { clientId: 'a', body: 'Hello' })
    const id = first.conversation.id
    await w.settle()
    await w.advanceTo(MONDAY + MINUTE)
    await chat.send(w.operator, { clientId: 'o', conversationId: id, body: 'Hi, how can I help?' })
    await w.settle()
    await w.advanceTo(MONDAY + 10 * MINUTE)
    await chat.send(w.visitor, { clientId: 'b', conversationId: id, body: 'One more thing' })
    await w.settle()
    expect(await w.systemKinds(id)).toEqual(['welcome'])

    await w.advanceTo(MONDAY + 10 * MINUTE + SESSION_GAP_MS)
    await chat.send(w.visitor, { clientId: 'c', conversationId: id, body: 'Back again' })
    await w.settle()
    expect(await w.systemKinds(id)).toEqual(['welcome', 'welcome'])
    const messages = await w.store.listMessages(w.ws.id, id)
    expect(messages.map((m) => m.authorKind)).toEqual([
      'visitor',
      'system',
      'operator',
      'visitor',
      'visitor',
      'system',
    ])
  })

  it('greets once per conversation in first-message mode, however long the pause', async () => {
    const w = await open({ noAnswer: { enabled: false } })
    const { chat } = await w.node()
    const first = await chat.send(w.visitor, { clientId: 'a', body: 'Hello' })
    await w.settle()
    await w.advanceTo(MONDAY + 2 * SESSION_GAP_MS)
    await chat.send(w.visitor, { clientId: 'b', conversationId: first.conversation.id, body: 'Back' })
    await w.settle()
    expect(await w.systemKinds(first.conversation.id)).toEqual(['welcome'])
  })

  it('a conversation reopened by the visitor starts a new session', async () => {
    const w = await open(eachSession)
    const { chat } = await w.node()
    const first = await chat.send(w.visitor, { clientId: 'a', body: 'Hello' })
    const id = first.conversation.id
    await w.settle()
    await w.advanceTo(MONDAY + 2 * MINUTE)
    await chat.close(w.operator, id)
    await w.settle()
    await w.advanceTo(MONDAY + 5 * MINUTE)
    // No conversation id: the widget sends none once its conversation is closed.
    const again = await chat.send(w.visitor, { clientId: 'b', body: 'Sorry, one more question' })
    await w.settle()
    expect(again.conversation.id).toBe(id)
    expect(again.conversation.status).toBe('open')
    expect(await w.systemKinds(id)).toEqual(['welcome', 'on-close', 'welcome'])
  })
})

describe('no-answer: offer a callback', () => {
  it('sends the text with a callback action the visitor replay carries', async () => {
    const w = await open({
      noAnswer: { action: 'offer-callback', afterMinutes: 3, text: 'Busy. Shall we call you back?' },
    })
    const { chat } = await w.node()
    const sent = await chat.send(w.visitor, { clientId: 'a', body: 'Hello' })
    await w.settle()
    await w.advanceTo(MONDAY + 3 * MINUTE)
    expect(await w.systemKinds(sent.conversation.id)).toEqual(['welcome', 'no-answer'])
    const { messages } = await chat.sync(w.visitor, sent.conversation.id, 0)
    const [welcome, offer] = messages.filter((m) => m.authorKind === 'system')
    expect(welcome!.action).toBeUndefined()
    expect(offer).toMatchObject({ body: 'Busy. Shall we call you back?', action: 'callback' })
  })

  it('send-text carries no action', async () => {
    const w = await open({ noAnswer: { action: 'send-text', afterMinutes: 3 } })
    const { chat } = await w.node()
    const sent = await chat.send(w.visitor, { clientId: 'a', body: 'Hello' })
    await w.settle()
    await w.advanceTo(MONDAY + 3 * MINUTE)
    const { messages } = await chat.sync(w.visitor, sent.conversation.id, 0)
    expect(messages.filter((m) => m.authorKind === 'system').map((m) => m.action)).toEqual([
      undefined,
      undefined,
    ])
  })
})
