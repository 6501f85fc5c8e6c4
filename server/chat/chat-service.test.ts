import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMemoryBus } from '../bus/index.ts'
import { type BusPayload, channels } from '../bus/types.ts'
import { openSqliteStore } from '../store/index.ts'
import type { Store } from '../store/types.ts'
import { createChatService } from './chat-service.ts'
import { type Actor, ChatError, type ChatService } from './types.ts'

interface World {
  store: Store
  chat: ChatService
  visitor: Actor
  otherVisitor: Actor
  operator: Actor
  operatorFrames: BusPayload[]
  visitorFrames: BusPayload[]
  close: () => Promise<void>
}

let now = Date.UTC(2026, 10, 23, 9, 0)
const clock = { now: () => now }

async function world(): Promise<World> {
  const store = await openSqliteStore({ path: ':memory:' })
  await store.migrate()
  const bus = createMemoryBus()
  const ws = await store.createWorkspace({ name: 'Acme', now })
  const line = await store.createLine({ workspaceId: ws.id, name: 'Sales', now })
  const widget = await store.createWidget({
    workspaceId: ws.id,
    lineId: line.id,
    name: 'Site',
    publicSlug: 'acme',
    now,
  })
  const op = await store.createOperator({
    workspaceId: ws.id,
    email: 'ann@acme.test',
    name: 'Ann',
    passwordHash: 'x',
    role: 'operator',
    now,
  })
  const v1 = await store.createVisitor({ workspaceId: ws.id, widgetId: widget.id, now })
  const v2 = await store.createVisitor({ workspaceId: ws.id, widgetId: widget.id, now })
  const operatorFrames: BusPayload[] = []
  const visitorFrames: BusPayload[] = []
  await bus.subscribe(channels.operators(ws.id), (p) => operatorFrames.push(p))
  await bus.subscribe(channels.visitor(ws.id, v1.id), (p) => visitorFrames.push(p))
  return {
    store,
    chat: createChatService({ store, bus, clock }),
    visitor: { kind: 'visitor', workspaceId: ws.id, visitorId: v1.id, widgetId: widget.id },
    otherVisitor: { kind: 'visitor', workspaceId: ws.id, visitorId: v2.id, widgetId: widget.id },
    operator: { kind: 'operator', workspaceId: ws.id, operator: op },
    operatorFrames,
    visitorFrames,
    close: async () => {
      await bus.close()
      await store.close()
    },
  }
}

/** Bus delivery is asynchronous; one macrotask lets every queued delivery run. */
const flush = () => new Promise((resolve) => setImmediate(resolve))
const types = (frames: BusPayload[]) => frames.map((f) => f.type)

describe('chat service', () => {
  let w: World
  beforeEach(async () => {
    w = await world()
  })
  afterEach(async () => {
    await w.close()
  })

  it("opens a conversation on the visitor's first message and tells both sides", async () => {
    const sent = await w.chat.send(w.visitor, { clientId: 'c1', body: 'Hello' })
    await flush()
    expect(sent.duplicate).toBe(false)
    expect(sent.message).toMatchObject({ seq: 1, body: 'Hello', authorKind: 'visitor' })
    expect(sent.conversation).toMatchObject({ status: 'open', lastSeq: 1, assigneeId: null })
    expect(types(w.operatorFrames)).toEqual(['conversation.updated', 'message.created'])
    expect(types(w.visitorFrames)).toEqual(['conversation.updated', 'message.created'])
    const events = await w.store.listEvents(w.visitor.workspaceId, sent.conversation.id)
    expect(events.map((e) => e.type)).toEqual(['conversation.opened'])
  })

  describe('off-hours (issue "Open lines", items 2 and 7)', () => {
    const monday = now
    const saturday = Date.UTC(2026, 10, 28, 12, 0)
    afterEach(() => {
      now = monday
    })
    const setRule = async (offHours: string) => {
      const actor = w.visitor as Extract<Actor, { kind: 'visitor' }>
      const widget = await w.store.findWidget(actor.widgetId!)
      await w.store.updateLine(actor.workspaceId, widget!.lineId, { settings: { offHours }, now })
    }

    it('records whether a conversation started inside working hours', async () => {
      const inside = await w.chat.send(w.visitor, { clientId: 'c1', body: 'Monday morning' })
      now = saturday
      const outside = await w.chat.send(w.otherVisitor, { clientId: 'c2', body: 'Saturday noon' })
      const started = async (id: string) =>
        (await w.store.getConversationKpis(w.visitor.workspaceId, id))?.startedInsideWorkingHours
      expect(await started(inside.conversation.id)).toBe(true)
      expect(await started(outside.conversation.id)).toBe(false)
    })

    it.each(['offer-form', 'hide-widget'])(
      'refuses a new chat while the line is closed under %s, and lets one under way go on',
      async (rule) => {
        const under = await w.chat.send(w.visitor, { clientId: 'c1', body: 'Before closing' })
        await setRule(rule)
        now = saturday
        const refused = await w.chat.send(w.otherVisitor, { clientId: 'c2', body: 'Anyone?' }).catch((e) => e)
        expect(refused).toBeInstanceOf(ChatError)
        expect(refused).toMatchObject({ code: 'line_closed' })
        const goesOn = await w.chat.send(w.visitor, { clientId: 'c3', body: 'Still there?' })
        expect(goesOn.conversation.id).toBe(under.conversation.id)
        now = monday
        await expect(w.chat.send(w.otherVisitor, { clientId: 'c2', body: 'Anyone?' })).resolves.toMatchObject(
          {
            duplicate: false,
          },
        )
      },
    )

    it('takes new chats while closed under accept-and-reply', async () => {
      await setRule('accept-and-reply')
      now = saturday
      await expect(w.chat.send(w.visitor, { clientId: 'c1', body: 'Hi' })).resolves.toMatchObject({
        conversation: { status: 'open' },
      })
    })
  })

  it('acknowledges a resend without storing or publishing it again', async () => {
    const first = await w.chat.send(w.visitor, { clientId: 'c1', body: 'Hello' })
    await flush()
    const again = await w.chat.send(w.visitor, { clientId: 'c1', body: 'Hello' })
    await flush()
    expect(again.duplicate).toBe(true)
    expect(again.message.id).toBe(first.message.id)
    expect(types(w.operatorFrames).filter((t) => t === 'message.created')).toHaveLength(1)
    const stored = await w.store.listMessages(w.visitor.workspaceId, first.conversation.id)
    expect(stored).toHaveLength(1)
  })

  it('continues the open conversation and numbers messages without gaps', async () => {
    const a = await w.chat.send(w.visitor, { clientId: 'a', body: 'one' })
    const b = await w.chat.send(w.visitor, { clientId: 'b', body: 'two' })
    const c = await w.chat.send(w.operator, {
      clientId: 'c',
      conversationId: a.conversation.id,
      body: 'three',
    })
    expect([a.message.seq, b.message.seq, c.message.seq]).toEqual([1, 2, 3])
    expect(b.conversation.id).toBe(a.conversation.id)
  })

  it('assigns an unassigned conversation to the operator who answers first', async () => {
    const a = await w.chat.send(w.visitor, { clientId: 'a', body: 'hi' })
    const reply = await w.chat.send(w.operator, {
      clientId: 'r',
      conversationId: a.conversation.id,
      body: 'Hi!',
    })
    expect(reply.conversation.assigneeId).toBe(
      (w.operator as Extract<Actor, { kind: 'operator' }>).operator.id,
    )
    expect(reply.message).toMatchObject({ authorName: 'Ann', authorKind: 'operator' })
  })

  it('replays exactly what a client missed, in order', async () => {
    const a = await w.chat.send(w.visitor, { clientId: 'a', body: '1' })
    await w.chat.send(w.visitor, { clientId: 'b', body: '2' })
    await w.chat.send(w.visitor, { clientId: 'c', body: '3' })
    const { messages, lastSeq } = await w.chat.sync(w.visitor, a.conversation.id, 1)
    expect(messages.map((m) => m.seq)).toEqual([2, 3])
    expect(lastSeq).toBe(3)
  })

  it("never lets a visitor into another visitor's conversation", async () => {
    const a = await w.chat.send(w.visitor, { clientId: 'a', body: 'private' })
    const attempts = [
      w.chat.sync(w.otherVisitor, a.conversation.id, 0),
      w.chat.send(w.otherVisitor, { clientId: 'x', conversationId: a.conversation.id, body: 'hi' }),
      w.chat.markRead(w.otherVisitor, a.conversation.id, 1),
      w.chat.close(w.otherVisitor, a.conversation.id),
      w.chat.get(w.otherVisitor, a.conversation.id),
    ]
    for (const attempt of attempts) {
      await expect(attempt).rejects.toMatchObject({ code: 'not_found' })
    }
    expect(await w.chat.list(w.otherVisitor)).toEqual([])
  })

  it('closes once, refuses operator replies after close, and reopens when the visitor writes again', async () => {
    const a = await w.chat.send(w.visitor, { clientId: 'a', body: 'hi' })
    now += 1000
    const closed = await w.chat.close(w.operator, a.conversation.id)
    expect(closed).toMatchObject({ status: 'closed', closedAt: now })
    expect((await w.chat.close(w.operator, a.conversation.id)).closedAt).toBe(now)
    await expect(
      w.chat.send(w.operator, { clientId: 'late', conversationId: a.conversation.id, body: 'x' }),
    ).rejects.toBeInstanceOf(ChatError)
    now += 1000
    const again = await w.chat.send(w.visitor, {
      clientId: 'b',
      conversationId: a.conversation.id,
      body: 'back',
    })
    expect(again.conversation).toMatchObject({ id: a.conversation.id, status: 'open', closedAt: null })
    const events = await w.store.listEvents(w.visitor.workspaceId, a.conversation.id)
    expect(events.map((e) => e.type)).toEqual([
      'conversation.opened',
      'conversation.closed',
      'conversation.reopened',
    ])
  })

  it('publishes read receipts and typing to both sides', async () => {
    const a = await w.chat.send(w.visitor, { clientId: 'a', body: 'hi' })
    await w.chat.markRead(w.operator, a.conversation.id, 1)
    await w.chat.setTyping(w.operator, a.conversation.id, true)
    await flush()
    expect(w.visitorFrames).toContainEqual({
      type: 'read.updated',
      conversationId: a.conversation.id,
      reader: 'operator',
      seq: 1,
    })
    expect(w.visitorFrames).toContainEqual(
      expect.objectContaining({
        type: 'typing.updated',
        authorKind: 'operator',
        authorName: 'Ann',
        typing: true,
      }),
    )
  })

  it('lists the inbox with previews and filters mine', async () => {
    const a = await w.chat.send(w.visitor, { clientId: 'a', body: 'first' })
    await w.chat.send(w.otherVisitor, { clientId: 'b', body: 'second' })
    await w.chat.send(w.operator, { clientId: 'r', conversationId: a.conversation.id, body: 'answer' })
    const all = await w.chat.list(w.operator, { status: 'open' })
    expect(all).toHaveLength(2)
    const mine = await w.chat.list(w.operator, { mine: true })
    expect(mine.map((c) => c.id)).toEqual([a.conversation.id])
    expect(mine[0]?.lastMessage?.body).toBe('answer')
  })
})
