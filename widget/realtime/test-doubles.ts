/**
 * Structural fakes for the chat client's IO (clock/timers, WebSocket, network, storage, tabs), passed
 * in through parameters: the code under test is the real thing. Used only by tests.
 */
import type {
  ClientFrame,
  ServerFrame,
  WireConversation,
  WireMessage,
} from '../../server/protocol/messages.ts'
import type { PeerChannel } from '../state/cross-tab.ts'
import type { KeyValue } from '../state/persist.ts'
import type { ChatAction, Visitor } from '../state/types.ts'
import type { Network, SocketLike, Timers } from './types.ts'
import type { VisitorApi } from './visitor-api.ts'

export interface FakeClock extends Timers {
  now(): number
  /** Runs every timer due within `ms`, in order, moving the clock as it goes. */
  advance(ms: number): void
  pending(): number[]
}

export function fakeClock(start = 1_700_000_000_000): FakeClock {
  let now = start
  let nextId = 1
  const timers = new Map<number, { at: number; fn: () => void }>()
  return {
    now: () => now,
    setTimeout(fn, ms) {
      const id = nextId++
      timers.set(id, { at: now + ms, fn })
      return id
    },
    clearTimeout(handle) {
      timers.delete(handle as number)
    },
    advance(ms) {
      const end = now + ms
      for (;;) {
        let due: [number, { at: number; fn: () => void }] | undefined
        for (const entry of timers) if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry
        if (!due) break
        timers.delete(due[0])
        now = due[1].at
        due[1].fn()
      }
      now = end
    },
    pending: () => [...timers.values()].map((t) => t.at - now),
  }
}

export class FakeSocket implements SocketLike {
  onopen: SocketLike['onopen'] = null
  onmessage: SocketLike['onmessage'] = null
  onclose: SocketLike['onclose'] = null
  readonly sent: ClientFrame[] = []
  closedWith: number | undefined | null = null
  constructor(readonly url: string) {}
  send(data: string): void {
    this.sent.push(JSON.parse(data) as ClientFrame)
  }
  close(code?: number): void {
    this.closedWith = code
  }
  /** The server side of the fake. */
  open(): void {
    this.onopen?.()
  }
  receive(frame: ServerFrame): void {
    this.onmessage?.({ data: JSON.stringify(frame) })
  }
  serverClose(code: number): void {
    this.onclose?.({ code })
  }
  sentOfType<T extends ClientFrame['type']>(type: T): Extract<ClientFrame, { type: T }>[] {
    return this.sent.filter((f): f is Extract<ClientFrame, { type: T }> => f.type === type)
  }
}

/** A WebSocket "constructor" that records every socket it made. */
export function fakeSockets(): {
  WebSocket: new (url: string) => FakeSocket
  all: FakeSocket[]
  last(): FakeSocket
} {
  const all: FakeSocket[] = []
  class Recorded extends FakeSocket {
    constructor(url: string) {
      super(url)
      all.push(this)
    }
  }
  return {
    WebSocket: Recorded,
    all,
    last() {
      const socket = all.at(-1)
      if (!socket) throw new Error('no socket was opened')
      return socket
    },
  }
}

export function fakeNetwork(initial = true): Network & { set(online: boolean): void } {
  let online = initial
  const listeners = new Set<(online: boolean) => void>()
  return {
    online: () => online,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    set(next) {
      online = next
      for (const listener of [...listeners]) listener(next)
    },
  }
}

export function memoryKv(initial: Record<string, unknown> = {}): KeyValue & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(initial))
  return {
    data,
    get: async (key) => structuredClone(data.get(key)),
    async set(key, value) {
      data.set(key, structuredClone(value))
    },
  }
}

/** Tabs of one browser: what one posts, the others receive (asynchronously, like BroadcastChannel). */
export function peerBus(): { channel(): PeerChannel } {
  const members = new Set<(action: ChatAction) => void>()
  return {
    channel() {
      const mine = new Set<(action: ChatAction) => void>()
      const deliver = (action: ChatAction) => {
        for (const l of mine) l(structuredClone(action))
      }
      members.add(deliver)
      return {
        post(action) {
          for (const member of members) if (member !== deliver) queueMicrotask(() => member(action))
        },
        listen(listener) {
          mine.add(listener)
          return () => mine.delete(listener)
        },
        close: () => members.delete(deliver),
      }
    },
  }
}

export function fakeApi(visitors: Visitor[] = [{ visitorId: 'v1', token: 'token-1' }]) {
  const calls = { create: [] as unknown[], update: [] as { token: string; patch: unknown }[] }
  const rejected = new Set<string>()
  let next = 0
  const api: VisitorApi = {
    async createVisitor(context) {
      calls.create.push(context)
      const visitor = visitors[next++]
      if (!visitor) throw new Error('fakeApi: no more visitors')
      return visitor
    },
    async updateVisitor(token, patch) {
      calls.update.push({ token, patch })
      return rejected.has(token) ? 'unauthorized' : 'ok'
    },
  }
  return { api, calls, reject: (token: string) => rejected.add(token) }
}

export function wireMessage(partial: Partial<WireMessage> & { seq: number }): WireMessage {
  return {
    id: `m${partial.seq}`,
    conversationId: 'c1',
    clientId: `op-${partial.seq}`,
    authorKind: 'operator',
    authorId: 'op1',
    authorName: 'Anna',
    authorAvatarUrl: null,
    body: `message ${partial.seq}`,
    createdAt: 1_700_000_000_000 + partial.seq,
    ...partial,
  }
}

export function wireConversation(partial: Partial<WireConversation> = {}): WireConversation {
  return {
    id: 'c1',
    lineId: 'l1',
    widgetId: 'w1',
    visitorId: 'v1',
    visitorName: null,
    status: 'open',
    assigneeId: null,
    lastSeq: 0,
    visitorReadSeq: 0,
    operatorReadSeq: 0,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    closedAt: null,
    lastMessage: null,
    ...partial,
  }
}

/** Yields one macrotask so every queued microtask (fake storage, fake API, peer posts) has run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/** Issue "Open lines": the no-answer auto-reply offering a callback, as the server sends it. */
export const callbackOfferMessage = (): WireMessage =>
  wireMessage({
    seq: 1,
    clientId: 'auto:no-answer:c1:1:callback',
    authorKind: 'system',
    authorId: null,
    authorName: null,
    body: 'Busy right now. Shall we call you back?',
    action: 'callback',
  })
