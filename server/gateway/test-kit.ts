/**
 * Test harness for the gateway suites: a real HTTP server on port 0 with the gateway attached, a
 * real SQLite `:memory:` store, a real memory bus and the real chat service, plus a tiny client that
 * collects frames and awaits them. Imported by tests only.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type ClientOptions, WebSocket } from 'ws'
import {
  newCsrfToken,
  newSessionToken,
  SESSION_COOKIE,
  sessionIdFromToken,
  signVisitorToken,
} from '../auth/index.ts'
import { type AutoReplyRuntime, createAutoReplyRuntime } from '../auto-reply-runtime/index.ts'
import { createMemoryBus, createMemoryHub, type MemoryHub } from '../bus/index.ts'
import type { Bus } from '../bus/types.ts'
import { type ChatService, createChatService } from '../chat/index.ts'
import { createLineRouter, type LineRouter } from '../lines/index.ts'
import type { ServerFrame, ServerFrameOf, ServerFrameType } from '../protocol/messages.ts'
import type { RoutingSettingsInput } from '../routing/index.ts'
import { openSqliteStore } from '../store/index.ts'
import type { Line, Operator, Store, Widget } from '../store/types.ts'
import { createGateway } from './gateway.ts'
import type { Gateway, GatewayDeps, LogLevel } from './types.ts'

export const SECRET = 'test-secret-of-at-least-thirty-two-characters'
const WAIT_MS = 5000

export interface LogEntry {
  level: LogLevel
  msg: string
  fields: Record<string, unknown> | undefined
}

export interface Harness {
  store: Store
  bus: Bus
  hub: MemoryHub
  gateway: Gateway
  server: Server
  publicOrigin: string
  workspaceId: string
  widget: Widget
  logs: LogEntry[]
  /** Set when started with `routing`. */
  router: LineRouter | undefined
  /** The (possibly sped-up) clock every part of the harness runs on. */
  clock: { now(): number }
  createLine(routing: RoutingSettingsInput): Promise<Line>
  url(query: string): string
  newVisitor(widget?: Widget): Promise<{ visitorId: string; token: string }>
  newOperator(name: string): Promise<{ operator: Operator; cookie: string }>
  createWidget(allowedOrigins: string[], lineId?: string): Promise<Widget>
  visitor(token: string, options?: ClientOptions): Promise<TestClient>
  operator(cookie: string, options?: ClientOptions): Promise<TestClient>
  close(): Promise<void>
}

export interface HarnessOptions extends Pick<GatewayDeps, 'heartbeatMs' | 'maxBufferedBytes'> {
  /** Fault injection: the gateway gets this instead of the real chat service. */
  wrapChat?: (chat: ChatService) => ChatService
  /**
   * Runs the line router (issue "Open lines") on a clock `speed` times faster than real time, so
   * an offer's 5 s queue time passes in 0.5 s of the test (default speed 10).
   */
  routing?: { speed?: number }
  /** Runs the auto-reply and auto-close runtime too, on the same sped-up clock (issue "Open lines"). */
  autoReplies?: { speed?: number }
}

/** Sped-up clock, real heartbeats: keep operators present for the whole test. */
const PRESENCE_TIMEOUT_MS = 3_600_000

export async function startHarness({
  wrapChat,
  routing,
  autoReplies: withAutoReplies,
  ...options
}: HarnessOptions = {}): Promise<Harness> {
  const speed = routing?.speed ?? withAutoReplies?.speed ?? 1
  const start = Date.now()
  const clock = { now: () => start + Math.round((Date.now() - start) * speed) }
  const store = openSqliteStore({ path: ':memory:' })
  await store.migrate()
  const hub = createMemoryHub()
  const bus = createMemoryBus({ hub })
  const logs: LogEntry[] = []
  const log = (level: LogLevel, msg: string, fields?: Record<string, unknown>) =>
    logs.push({ level, msg, fields })
  const router = routing
    ? createLineRouter({
        store,
        bus,
        clock,
        log,
        presenceTimeoutMs: PRESENCE_TIMEOUT_MS,
        timers: {
          set(run, delayMs) {
            const timer = setTimeout(run, delayMs / speed)
            return { cancel: () => clearTimeout(timer) }
          },
        },
      })
    : undefined
  const autoReplies: AutoReplyRuntime | undefined = withAutoReplies
    ? createAutoReplyRuntime({
        store,
        clock,
        log,
        timers: {
          set(run, delayMs) {
            const timer = setTimeout(run, delayMs / speed)
            return { cancel: () => clearTimeout(timer) }
          },
        },
      })
    : undefined
  const chat = createChatService({
    store,
    bus,
    clock,
    routing: router,
    autoReplies,
    presenceTimeoutMs: PRESENCE_TIMEOUT_MS,
  })
  await autoReplies?.start(chat)
  const server = createServer((_req, res) => res.writeHead(404).end())
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const publicOrigin = `http://127.0.0.1:${port}`
  const gateway = createGateway({
    store,
    bus,
    chat: wrapChat ? wrapChat(chat) : chat,
    clock,
    secret: SECRET,
    publicOrigin,
    ...options,
    log,
  })
  server.on('upgrade', (req: IncomingMessage, socket, head) => gateway.handleUpgrade(req, socket, head))

  const now = clock.now()
  const workspace = await store.createWorkspace({ name: 'Acme', now })
  const line = await store.createLine({ workspaceId: workspace.id, name: 'Sales', now })
  let widgets = 0
  const createWidget = (allowedOrigins: string[], lineId = line.id) =>
    store.createWidget({
      workspaceId: workspace.id,
      lineId,
      name: 'Site',
      publicSlug: `acme-${port}-${++widgets}`,
      allowedOrigins,
      now: clock.now(),
    })
  const widget = await createWidget([])
  const clients = new Set<TestClient>()

  async function connect(query: string, options: ClientOptions): Promise<TestClient> {
    const client = await TestClient.open(`ws://127.0.0.1:${port}/ws?${query}`, options)
    clients.add(client)
    return client
  }

  return {
    store,
    bus,
    hub,
    gateway,
    server,
    publicOrigin,
    workspaceId: workspace.id,
    widget,
    logs,
    router,
    clock,
    createLine: (settings) =>
      store.createLine({
        workspaceId: workspace.id,
        name: 'Routed',
        settings: { routing: settings },
        now: clock.now(),
      }),
    url: (query) => `ws://127.0.0.1:${port}/ws?${query}`,
    createWidget,
    async newVisitor(forWidget = widget) {
      const visitor = await store.createVisitor({
        workspaceId: workspace.id,
        widgetId: forWidget.id,
        now: clock.now(),
      })
      const token = signVisitorToken(SECRET, {
        workspaceId: workspace.id,
        visitorId: visitor.id,
        widgetId: forWidget.id,
        issuedAt: clock.now(),
      })
      return { visitorId: visitor.id, token }
    },
    async newOperator(name) {
      const operator = await store.createOperator({
        workspaceId: workspace.id,
        email: `${name.toLowerCase()}-${Math.random().toString(36).slice(2)}@acme.test`,
        name,
        passwordHash: 'x',
        role: 'operator',
        now: clock.now(),
      })
      const token = newSessionToken()
      await store.createSession({
        id: sessionIdFromToken(token),
        operatorId: operator.id,
        workspaceId: workspace.id,
        csrfToken: newCsrfToken(),
        createdAt: clock.now(),
        expiresAt: clock.now() + 3_600_000,
      })
      return { operator, cookie: `${SESSION_COOKIE}=${token}` }
    },
    visitor: (token, options = {}) => connect(`role=visitor&token=${encodeURIComponent(token)}`, options),
    operator: (cookie, options = {}) =>
      connect('role=operator', { origin: publicOrigin, ...options, headers: { cookie, ...options.headers } }),
    async close() {
      for (const client of clients) client.ws.terminate()
      await gateway.close()
      await router?.close()
      await autoReplies?.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await bus.close()
      await store.close()
    },
  }
}

type Predicate = (frame: ServerFrame) => boolean

/** A real ws client that records every frame it receives and lets a test await one. */
export class TestClient {
  readonly frames: ServerFrame[] = []
  readonly closed: Promise<{ code: number; reason: string }>
  private waiters = new Set<{
    predicate: Predicate
    what: string
    resolve: (frame: ServerFrame) => void
    reject: (error: Error) => void
  }>()
  private nextId = 0

  private constructor(readonly ws: WebSocket) {
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString() })
        for (const waiter of this.waiters)
          waiter.reject(new Error(`closed with ${code} while waiting for ${waiter.what}`))
        this.waiters.clear()
      })
    })
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as ServerFrame
      this.frames.push(frame)
      for (const waiter of this.waiters) {
        if (!waiter.predicate(frame)) continue
        this.waiters.delete(waiter)
        waiter.resolve(frame)
      }
    })
  }

  static open(url: string, options: ClientOptions): Promise<TestClient> {
    const ws = new WebSocket(url, options)
    const client = new TestClient(ws)
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(client))
      ws.once('error', reject)
    })
  }

  /** A fresh client id. */
  id(): string {
    return `c${++this.nextId}`
  }

  send(frame: unknown): void {
    this.ws.send(JSON.stringify(frame))
  }

  /** The first frame (already received or still to come) that matches. */
  waitFor<T extends ServerFrameType>(
    type: T,
    predicate: (frame: ServerFrameOf<T>) => boolean = () => true,
  ): Promise<ServerFrameOf<T>> {
    return this.waitForFrame(
      (frame): frame is ServerFrameOf<T> => frame.type === type && predicate(frame as ServerFrameOf<T>),
      type,
    )
  }

  /** Sends a frame with a fresh id (unless it has one) and awaits the ack or error naming it. */
  request(
    frame: Record<string, unknown>,
  ): Promise<ServerFrameOf<'frame.ack'> | ServerFrameOf<'frame.error'>> {
    const id = typeof frame.id === 'string' ? frame.id : this.id()
    const from = this.frames.length
    this.send({ ...frame, id })
    return this.reply(id, from)
  }

  /** The ack or error naming `ref`, among the frames from index `from` on. */
  reply(ref: string, from = 0): Promise<ServerFrameOf<'frame.ack'> | ServerFrameOf<'frame.error'>> {
    return this.waitForFrame(
      (frame): frame is ServerFrameOf<'frame.ack'> | ServerFrameOf<'frame.error'> =>
        (frame.type === 'frame.ack' || frame.type === 'frame.error') && frame.ref === ref,
      `the reply to ${ref}`,
      from,
    )
  }

  private waitForFrame<F extends ServerFrame>(
    matches: (frame: ServerFrame) => frame is F,
    what: string,
    from = 0,
  ): Promise<F> {
    const seen = this.frames.slice(from).find(matches)
    if (seen) return Promise.resolve(seen)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter)
        const last = this.frames.slice(-10).map((f) => f.type)
        reject(
          new Error(`timed out waiting for ${what}; ${this.frames.length} frames, last: ${last.join(', ')}`),
        )
      }, WAIT_MS)
      const waiter = {
        predicate: matches,
        what,
        resolve: (frame: ServerFrame) => {
          clearTimeout(timer)
          resolve(frame as F)
        },
        reject: (error: Error) => {
          clearTimeout(timer)
          reject(error)
        },
      }
      this.waiters.add(waiter)
    })
  }

  of<T extends ServerFrameType>(type: T): ServerFrameOf<T>[] {
    return this.frames.filter((f): f is ServerFrameOf<T> => f.type === type)
  }
}

/** The HTTP status an upgrade was refused with, and its JSON body. */
export function expectRefused(
  url: string,
  options: ClientOptions = {},
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options)
    ws.on('open', () => {
      ws.terminate()
      reject(new Error('the upgrade was accepted'))
    })
    ws.on('unexpected-response', (_req, res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        text += chunk
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }))
    })
    ws.on('error', reject)
  })
}
