/**
 * A real app for the HTTP tests: SQLite in memory, the in-process bus, the real chat service and
 * rate limiters, and a clock the test moves by hand. Not imported by production code.
 */
import { createRateLimiter } from '../auth/index.ts'
import { createMemoryBus } from '../bus/index.ts'
import { createChatService } from '../chat/index.ts'
import { openSqliteStore } from '../store/index.ts'
import type { Store } from '../store/types.ts'
import { type CreatedWorkspace, createWorkspaceWithDefaults } from '../workspaces/index.ts'
import { createApp } from './app.ts'
import type { HttpConfig, HttpDeps } from './deps.ts'

export const PUBLIC_URL = 'https://chat.example.test'
export const ADMIN_TOKEN = 'admin-token-0123456789abcdefghij'
export const PASSWORD = 'correct horse battery'

export interface Harness {
  app: ReturnType<typeof createApp>
  deps: HttpDeps
  store: Store
  clock: { now(): number; advance(ms: number): void }
  /** Unexpected errors the app logged (500s); tests assert it stays empty. */
  unexpected: unknown[]
  close(): Promise<void>
}

export async function createHarness(
  options: {
    config?: Partial<HttpConfig>
    loginLimit?: number
    accountLoginLimit?: number
    visitorLimit?: number
  } = {},
): Promise<Harness> {
  const store = openSqliteStore({ path: ':memory:' })
  await store.migrate()
  const bus = createMemoryBus()
  let now = Date.UTC(2025, 0, 1)
  const clock = {
    now: () => now,
    advance: (ms: number) => {
      now += ms
    },
  }
  const unexpected: unknown[] = []
  const deps: HttpDeps = {
    store,
    bus,
    chat: createChatService({ store, bus, clock }),
    clock,
    secret: 'test-secret-that-is-at-least-32-characters',
    config: { publicUrl: PUBLIC_URL, cookieSecure: true, adminToken: ADMIN_TOKEN, ...options.config },
    loginLimiter: createRateLimiter({ limit: options.loginLimit ?? 5, windowMs: 15 * 60_000 }),
    accountLoginLimiter: createRateLimiter({ limit: options.accountLoginLimit ?? 10, windowMs: 5 * 60_000 }),
    visitorLimiter: createRateLimiter({ limit: options.visitorLimit ?? 30, windowMs: 60_000 }),
    logError: (error) => unexpected.push(error),
  }
  return {
    app: createApp(deps),
    deps,
    store,
    clock,
    unexpected,
    async close() {
      await bus.close()
      await store.close()
    },
  }
}

export function seedWorkspace(h: Harness, tag: string): Promise<CreatedWorkspace> {
  return createWorkspaceWithDefaults(h.store, {
    name: `Workspace ${tag}`,
    operator: { email: `admin-${tag}@example.test`, name: `Admin ${tag}`, password: PASSWORD },
    now: h.clock.now(),
  })
}

/** A fake Node socket address, as @hono/node-server would pass it. */
export function fromIp(ip: string) {
  return { incoming: { socket: { remoteAddress: ip } } }
}

export function json(body: unknown, headers: Record<string, string> = {}, method = 'POST'): RequestInit {
  return { method, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) }
}

export interface SignedIn {
  cookie: string
  csrfToken: string
  /** Headers for a state-changing request of this operator. */
  headers: Record<string, string>
}

export async function signIn(h: Harness, email: string, password = PASSWORD): Promise<SignedIn> {
  const res = await h.app.request('/api/auth/login', json({ email, password }))
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`)
  const cookie = (res.headers.get('Set-Cookie') ?? '').split(';')[0]!
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  return { cookie, csrfToken, headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken } }
}

/** A visitor of `widgetId` with one message, i.e. an open conversation. */
export async function seedConversation(h: Harness, widgetId: string, text: string) {
  const created = await h.app.request('/api/visitors', json({ widgetId }))
  const { visitorId } = (await created.json()) as { visitorId: string }
  const widget = await h.store.findWidget(widgetId)
  if (!widget) throw new Error('no widget')
  const sent = await h.deps.chat.send(
    { kind: 'visitor', workspaceId: widget.workspaceId, visitorId, widgetId },
    { clientId: `c-${text}`, body: text },
  )
  return { visitorId, conversationId: sent.conversation.id, messageId: sent.message.id }
}
