/**
 * In-memory stand-ins for the console's two outside seams (the HTTP API and the socket), so the
 * whole signed-in console can be driven frame by frame under happy-dom.
 */
import type { ClientFrame, ServerFrame, WireConversation } from '../../server/protocol/messages.ts'
import type { ConsoleApi, ConversationDetail, Operator, QuickAnswer, Session } from '../api/index.ts'
import { memoryLanguageEnv } from '../i18n/index.ts'
import { createNotifier } from '../notify/index.ts'
import type { OpenSocket, SocketHandlers } from '../realtime/index.ts'
import type { ConsoleDeps } from './deps.ts'
import { memoryHistory } from './history.ts'

export const testSession: Session = {
  operator: {
    id: 'op-me',
    workspaceId: 'ws',
    email: 'ann@example.com',
    name: 'Ann',
    avatarUrl: null,
    role: 'admin',
    createdAt: 0,
  },
  workspace: { id: 'ws', name: 'Shop', createdAt: 0 },
  csrfToken: 'csrf',
}

export interface FakeServer {
  /** Every frame the console sent, parsed, across all sockets. */
  sent: ClientFrame[]
  push(frame: ServerFrame): void
  /** Drops the current socket like a network failure would. */
  drop(code?: number): void
  connections: number
}

export function fakeSocket(): { open: OpenSocket; server: FakeServer } {
  let current: SocketHandlers | null = null
  const server: FakeServer = {
    sent: [],
    connections: 0,
    push(frame) {
      current?.message(JSON.stringify(frame))
    },
    drop(code = 1006) {
      const h = current
      current = null
      h?.close(code, '')
    },
  }
  const open: OpenSocket = (_url, handlers) => {
    server.connections += 1
    current = handlers
    queueMicrotask(() => handlers.open())
    let closed = false
    return {
      send: (data) => {
        if (!closed) server.sent.push(JSON.parse(data) as ClientFrame)
      },
      close: () => {
        closed = true
      },
      isOpen: () => !closed && current === handlers,
    }
  }
  return { open, server }
}

export function fakeApi(data: {
  conversations: WireConversation[]
  details?: Record<string, ConversationDetail>
  quickAnswers?: QuickAnswer[]
  operators?: Operator[]
}) {
  const calls: string[] = []
  const api: ConsoleApi = {
    me: async () => testSession,
    login: async () => testSession,
    logout: async () => undefined,
    async listConversations({ status }) {
      calls.push(`list:${status}`)
      return data.conversations.filter((c) => c.status === status)
    },
    async getConversation(id) {
      calls.push(`get:${id}`)
      const detail = data.details?.[id]
      if (!detail) throw new Error(`no detail for ${id}`)
      return detail
    },
    async closeConversation(id) {
      calls.push(`close:${id}`)
      const c = data.conversations.find((x) => x.id === id)!
      return { ...c, status: 'closed', updatedAt: c.updatedAt + 1 }
    },
    listWidgets: async () => [],
    widgetSnippet: async () => ({ html: '', externalHtml: '', publicChatUrl: '' }),
    listLines: async () => [],
    getLine: async (id) => {
      throw new Error(`no line ${id}`)
    },
    updateLine: async (id) => {
      throw new Error(`no line ${id}`)
    },
    listOperators: async () => data.operators ?? [testSession.operator],
    async listQuickAnswers() {
      calls.push('quick-answers')
      return data.quickAnswers ?? []
    },
  }
  return { api, calls }
}

export function testDeps(api: ConsoleApi, open: OpenSocket, path = '/console/'): ConsoleDeps {
  let id = 0
  return {
    api,
    openSocket: open,
    wsUrl: 'ws://test/ws?role=operator',
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as number) },
    clock: { now: () => Date.now() },
    random: () => 0,
    newId: () => `id-${++id}`,
    notifier: createNotifier({ isHidden: () => false, focus: () => undefined }),
    history: memoryHistory(path),
    page: {
      isVisible: () => true,
      onVisibilityChange: () => () => undefined,
      onOnline: () => () => undefined,
    },
    clipboard: null,
    language: memoryLanguageEnv(),
  }
}
