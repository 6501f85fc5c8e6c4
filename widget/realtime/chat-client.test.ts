import { describe, expect, it } from 'vitest'
import type { PeerChannel } from '../state/cross-tab.ts'
import { storageKey } from '../state/persist.ts'
import { unreadCount } from '../state/selectors.ts'
import type { ChatState } from '../state/types.ts'
import { createChat } from './chat-client.ts'
import {
  fakeApi,
  fakeClock,
  fakeNetwork,
  fakeSockets,
  memoryKv,
  settle,
  wireConversation,
  wireMessage,
} from './test-doubles.ts'
import type { VisitorApi } from './visitor-api.ts'

interface Options {
  api?: VisitorApi
  kv?: ReturnType<typeof memoryKv>
  peers?: PeerChannel | null
  online?: boolean
  sockets?: ReturnType<typeof fakeSockets>
  clock?: ReturnType<typeof fakeClock>
}

function setup(opts: Options = {}) {
  const clock = opts.clock ?? fakeClock()
  const sockets = opts.sockets ?? fakeSockets()
  const network = fakeNetwork(opts.online ?? true)
  const kv = opts.kv ?? memoryKv()
  const api = opts.api ? { api: opts.api, calls: null, reject: null } : fakeApi()
  const errors: unknown[] = []
  const events: unknown[] = []
  let n = 0
  const chat = createChat({
    widgetId: 'w1',
    wsUrl: 'wss://chat.example/ws',
    api: api.api,
    kv,
    peers: opts.peers ?? null,
    WebSocket: sockets.WebSocket,
    timers: clock,
    network,
    random: () => 0.5,
    now: clock.now,
    newId: () => `id-${++n}`,
    context: () => ({ language: 'en' }),
    onEvent: (name, data) => events.push([name, data]),
    reportError: (e) => errors.push(e),
  })
  return { chat, clock, sockets, network, kv, api, errors, events }
}

const view = (s: ChatState) => s.messages.map((m) => `${m.body}:${m.seq ?? '-'}:${m.status}`)

const mine = (clientId: string, seq: number, body = clientId) =>
  wireMessage({ seq, clientId, authorKind: 'visitor', authorName: null, authorId: 'v1', body })

describe('createChat', () => {
  it('creates the visitor on first contact only, then sends with the same client id until acked', async () => {
    const { chat, sockets, api, clock } = setup()
    await chat.start()
    expect(sockets.all).toHaveLength(0)
    expect(api.calls?.create).toEqual([])

    chat.send('Hello')
    chat.send('  ')
    chat.send('Anyone?')
    expect(view(chat.getState())).toEqual(['Hello:-:pending', 'Anyone?:-:pending'])
    await settle()
    expect(api.calls?.create).toEqual([{ language: 'en' }])
    const socket = sockets.last()
    expect(new URL(socket.url).searchParams.get('token')).toBe('token-1')
    expect(new URL(socket.url).searchParams.get('role')).toBe('visitor')

    socket.open()
    socket.receive({
      type: 'session.ready',
      role: 'visitor',
      subjectId: 'v1',
      conversations: [],
      serverTime: 1,
    })
    expect(socket.sentOfType('message.send')).toEqual([
      { type: 'message.send', id: 'id-1', body: 'Hello' },
      { type: 'message.send', id: 'id-2', body: 'Anyone?' },
    ])
    expect(view(chat.getState())).toEqual(['Hello:-:sent', 'Anyone?:-:sent'])

    socket.receive({ type: 'frame.ack', ref: 'id-1', message: mine('id-1', 1, 'Hello') })
    expect(view(chat.getState())).toEqual(['Hello:1:delivered', 'Anyone?:-:sent'])

    // The connection drops before the second ack: it is resent with its original client id.
    socket.serverClose(1006)
    expect(view(chat.getState())).toEqual(['Hello:1:delivered', 'Anyone?:-:pending'])
    expect(clock.pending()).toEqual([125])
    clock.advance(125)
    const next = sockets.last()
    expect(next).not.toBe(socket)
    next.open()
    next.receive({
      type: 'session.ready',
      role: 'visitor',
      subjectId: 'v1',
      conversations: [wireConversation({ lastSeq: 2 })],
      serverTime: 1,
    })
    expect(next.sentOfType('conversation.sync')).toMatchObject([{ conversationId: 'c1', afterSeq: 1 }])
    expect(next.sentOfType('message.send')).toEqual([
      { type: 'message.send', id: 'id-2', conversationId: 'c1', body: 'Anyone?' },
    ])
    next.receive({ type: 'message.created', message: mine('id-2', 2, 'Anyone?') })
    next.receive({ type: 'frame.ack', ref: 'id-2', message: mine('id-2', 2, 'Anyone?'), duplicate: true })
    expect(view(chat.getState())).toEqual(['Hello:1:delivered', 'Anyone?:2:delivered'])
    expect(api.calls?.create).toHaveLength(1)
  })

  it('queues while offline and sends when the browser is back online', async () => {
    const { chat, sockets, network, kv } = setup({
      online: false,
      kv: memoryKv({ [storageKey('w1')]: restoredSlice() }),
    })
    await chat.start()
    chat.send('Offline hello')
    await settle()
    expect(sockets.all).toHaveLength(0)
    expect(chat.getState().messages.at(-1)?.status).toBe('pending')
    expect((kv.data.get(storageKey('w1')) as ChatState).messages).toHaveLength(2)

    network.set(true)
    const socket = sockets.last()
    socket.open()
    socket.receive({
      type: 'session.ready',
      role: 'visitor',
      subjectId: 'v1',
      conversations: [wireConversation({ lastSeq: 1 })],
      serverTime: 1,
    })
    expect(socket.sentOfType('message.send')).toMatchObject([{ body: 'Offline hello', conversationId: 'c1' }])
  })

  it('renders history from storage before connecting, then syncs from the highest contiguous seq', async () => {
    const { chat, sockets } = setup({ kv: memoryKv({ [storageKey('w1')]: restoredSlice() }) })
    const firstRender: string[][] = []
    chat.subscribe(() => firstRender.push(view(chat.getState())))
    await chat.start()
    expect(firstRender[0]).toEqual(['message 1:1:delivered'])
    const socket = sockets.last()
    socket.open()
    socket.receive({
      type: 'session.ready',
      role: 'visitor',
      subjectId: 'v1',
      conversations: [wireConversation({ lastSeq: 3 })],
      serverTime: 1,
    })
    expect(socket.sentOfType('conversation.sync')).toMatchObject([{ afterSeq: 1 }])
  })

  it('re-syncs on a seq gap, once per request in flight', async () => {
    const { chat, sockets, events } = setup({ kv: memoryKv({ [storageKey('w1')]: restoredSlice() }) })
    await chat.start()
    const socket = sockets.last()
    socket.open()
    socket.receive({
      type: 'session.ready',
      role: 'visitor',
      subjectId: 'v1',
      conversations: [wireConversation({ lastSeq: 1 })],
      serverTime: 1,
    })
    socket.receive({ type: 'conversation.synced', conversationId: 'c1', lastSeq: 1 })
    socket.receive({ type: 'message.created', message: wireMessage({ seq: 3 }) })
    socket.receive({ type: 'message.created', message: wireMessage({ seq: 4 }) })
    expect(socket.sentOfType('conversation.sync').map((f) => f.afterSeq)).toEqual([1, 1])
    socket.receive({ type: 'message.created', message: wireMessage({ seq: 2 }) })
    socket.receive({ type: 'conversation.synced', conversationId: 'c1', lastSeq: 4 })
    expect(chat.getState().lastSeq).toBe(4)
    expect(socket.sentOfType('conversation.sync')).toHaveLength(2)
    expect(events).toHaveLength(3)
  })

  it('starts over as a new visitor when the token is refused (close 4001)', async () => {
    const { api, calls } = fakeApi([
      { visitorId: 'v1', token: 'token-1' },
      { visitorId: 'v2', token: 'token-2' },
    ])
    const { chat, sockets } = setup({ api })
    await chat.start()
    chat.send('Hi')
    await settle()
    sockets.last().serverClose(4001)
    await settle()
    expect(calls.create).toHaveLength(2)
    expect(chat.getState().visitor?.visitorId).toBe('v2')
    expect(new URL(sockets.last().url).searchParams.get('token')).toBe('token-2')
    expect(view(chat.getState())).toEqual(['Hi:-:pending'])
  })

  it('checks the token over HTTP when the socket keeps failing to open', async () => {
    const fake = fakeApi([
      { visitorId: 'v1', token: 'token-1' },
      { visitorId: 'v2', token: 'token-2' },
    ])
    fake.reject('token-1')
    const { chat, sockets, clock } = setup({ api: fake.api })
    await chat.start()
    chat.setOpen(true)
    await settle()
    for (let i = 0; i < 3; i++) {
      sockets.last().serverClose(1006)
      clock.advance(10_000)
    }
    await settle()
    expect(fake.calls.update).toEqual([{ token: 'token-1', patch: {} }])
    expect(chat.getState().visitor?.token).toBe('token-2')
  })

  it('shares sends and acks with other tabs without duplicates', async () => {
    const { peerBus } = await import('./test-doubles.ts')
    const bus = peerBus()
    const kv = memoryKv()
    const a = setup({ peers: bus.channel(), kv })
    const b = setup({ peers: bus.channel(), kv })
    await a.chat.start()
    await b.chat.start()
    a.chat.send('From tab A')
    await settle()
    expect(view(b.chat.getState())).toEqual(['From tab A:-:pending'])
    expect(b.chat.getState().visitor?.visitorId).toBe('v1')
    const socket = a.sockets.last()
    socket.open()
    socket.receive({
      type: 'session.ready',
      role: 'visitor',
      subjectId: 'v1',
      conversations: [],
      serverTime: 1,
    })
    socket.receive({ type: 'message.created', message: mine('id-1', 1, 'From tab A') })
    socket.receive({ type: 'frame.ack', ref: 'id-1', message: mine('id-1', 1, 'From tab A') })
    await settle()
    b.sockets.last().receive({ type: 'message.created', message: mine('id-1', 1, 'From tab A') })
    expect(view(a.chat.getState())).toEqual(['From tab A:1:delivered'])
    expect(view(b.chat.getState())).toEqual(['From tab A:1:delivered'])
  })

  it('throttles typing, shows the operator typing and forgets it after a silence', async () => {
    const { chat, sockets, clock } = await connected()
    const socket = sockets.last()
    chat.typing()
    chat.typing()
    expect(socket.sentOfType('typing.update')).toMatchObject([{ conversationId: 'c1', typing: true }])
    clock.advance(4000)
    expect(socket.sentOfType('typing.update').map((f) => f.typing)).toEqual([true, false])

    socket.receive({
      type: 'typing.updated',
      conversationId: 'c1',
      authorKind: 'operator',
      authorId: 'op1',
      authorName: 'Anna',
      typing: true,
    })
    expect(chat.getState().typing).toEqual({ name: 'Anna' })
    clock.advance(10_000)
    expect(chat.getState().typing).toBeNull()
  })

  it('sends read receipts and clears the unread count', async () => {
    const { chat, sockets } = await connected()
    const socket = sockets.last()
    socket.receive({ type: 'message.created', message: wireMessage({ seq: 2 }) })
    expect(unreadCount(chat.getState())).toBe(1)
    chat.markRead()
    chat.markRead()
    expect(socket.sentOfType('message.read')).toMatchObject([{ conversationId: 'c1', seq: 2 }])
    expect(unreadCount(chat.getState())).toBe(0)
    socket.receive({ type: 'read.updated', conversationId: 'c1', reader: 'operator', seq: 2 })
    expect(chat.getState().peerReadSeq).toBe(2)
  })

  it('moves a message to a new conversation when the old one was closed', async () => {
    const { chat, sockets } = await connected()
    const socket = sockets.last()
    chat.send('Still there?')
    socket.receive({ type: 'frame.error', ref: 'id-2', code: 'conversation_closed', message: 'closed' })
    expect(socket.sentOfType('message.send')).toEqual([
      { type: 'message.send', id: 'id-2', conversationId: 'c1', body: 'Still there?' },
      { type: 'message.send', id: 'id-2', body: 'Still there?' },
    ])
    socket.receive({
      type: 'frame.ack',
      ref: 'id-2',
      message: { ...mine('id-2', 1, 'Still there?'), conversationId: 'c2' },
    })
    expect([chat.getState().conversationId, ...view(chat.getState())]).toEqual([
      'c2',
      'Still there?:1:delivered',
    ])
  })

  it('marks a refused message as failed and reports why', async () => {
    const { chat, sockets, errors } = await connected()
    chat.send('x')
    sockets.last().receive({ type: 'frame.error', ref: 'id-2', code: 'forbidden', message: 'nope' })
    expect(chat.getState().messages.at(-1)?.status).toBe('failed')
    expect(String(errors[0])).toContain('forbidden')
  })

  it('applies identify once the visitor exists', async () => {
    const { chat, api } = setup()
    await chat.start()
    await chat.identify({ name: 'Ada' })
    expect(api.calls?.update).toEqual([])
    chat.setOpen(true)
    await settle()
    expect(api.calls?.update).toEqual([{ token: 'token-1', patch: { name: 'Ada' } }])
  })
})

function restoredSlice() {
  return {
    visitor: { visitorId: 'v1', token: 'token-1' },
    conversationId: 'c1',
    conversationStatus: 'open',
    messages: [
      {
        clientId: 'op-1',
        id: 'm1',
        seq: 1,
        conversationId: 'c1',
        authorKind: 'operator',
        authorName: 'Anna',
        authorAvatarUrl: null,
        body: 'message 1',
        createdAt: 1,
        status: 'delivered',
      },
    ],
    lastSeq: 1,
    readSeq: 1,
    peerReadSeq: 0,
    open: false,
  }
}

async function connected() {
  const ctx = setup({ kv: memoryKv({ [storageKey('w1')]: restoredSlice() }) })
  await ctx.chat.start()
  const socket = ctx.sockets.last()
  socket.open()
  socket.receive({
    type: 'session.ready',
    role: 'visitor',
    subjectId: 'v1',
    conversations: [wireConversation({ lastSeq: 1, visitorReadSeq: 1 })],
    serverTime: 1,
  })
  socket.receive({ type: 'conversation.synced', conversationId: 'c1', lastSeq: 1 })
  return ctx
}
