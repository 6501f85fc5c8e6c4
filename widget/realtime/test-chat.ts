/** A real chat client on fake IO, already connected as visitor v1 in conversation c1 (tests only). */
import { storageKey } from '../state/persist.ts'
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

export async function connectedTestChat(opts: { unreadSeqs?: number[] } = {}) {
  const clock = fakeClock()
  const sockets = fakeSockets()
  const network = fakeNetwork()
  const kv = memoryKv({
    [storageKey('w1')]: {
      visitor: { visitorId: 'v1', token: 'token-1' },
      conversationId: 'c1',
      conversationStatus: 'open',
      messages: [],
      lastSeq: 0,
      readSeq: 0,
      peerReadSeq: 0,
      open: false,
    },
  })
  let n = 0
  const chat = createChat({
    widgetId: 'w1',
    wsUrl: 'wss://chat.example/ws',
    api: fakeApi().api,
    kv,
    peers: null,
    WebSocket: sockets.WebSocket,
    timers: clock,
    network,
    random: () => 0.5,
    now: clock.now,
    newId: () => `id-${++n}`,
    context: () => ({}),
    reportError: (e) => {
      throw e
    },
  })
  await chat.start()
  const socket = sockets.last()
  socket.open()
  socket.receive({
    type: 'session.ready',
    role: 'visitor',
    subjectId: 'v1',
    conversations: [wireConversation()],
    serverTime: 1,
  })
  socket.receive({ type: 'conversation.synced', conversationId: 'c1', lastSeq: 0 })
  for (const seq of opts.unreadSeqs ?? [])
    socket.receive({ type: 'message.created', message: wireMessage({ seq }) })
  await settle()
  return { chat, socket, sockets, clock, network }
}
