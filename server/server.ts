/**
 * The composition root: opens storage and the bus, builds the chat service, the HTTP app and the
 * WebSocket gateway, and listens. Everything is created here and passed down as plain objects;
 * `close()` takes it all down again (tests start and stop many servers in one process).
 */
import { randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { getRequestListener } from '@hono/node-server'
import { Hono } from 'hono'
import { Redis } from 'ioredis'
import { createRateLimiter, createRedisRateLimiter } from './auth/index.ts'
import { createAutoReplyRuntime } from './auto-reply-runtime/index.ts'
import { openBus } from './bus/index.ts'
import type { Bus } from './bus/types.ts'
import { type ChatService, createChatService } from './chat/index.ts'
import type { Config } from './config/index.ts'
import { mountDemoPage } from './demo/demo-page.ts'
import { createGateway } from './gateway/index.ts'
import { type AppEnv, createApp, notFoundHandler } from './http/index.ts'
import { createLineRouter } from './lines/index.ts'
import type { Log } from './log/index.ts'
// issue 6: the CRM outbox relay
import { startOutbox } from './outbox/index.ts'
import { mountStaticAssets } from './static-assets.ts'
import { openStore } from './store/index.ts'
import type { Store } from './store/types.ts'

export interface OpenlineServer {
  /** The address the server listens on, e.g. http://127.0.0.1:54321. */
  url: string
  /** PUBLIC_URL, or `url` when the configured one names port 0. */
  publicUrl: string
  port: number
  store: Store
  bus: Bus
  chat: ChatService
  http: Server
  close(): Promise<void>
}

export interface StartOptions {
  log: Log
  clock?: { now(): number }
  /** Where the built browser apps are; default dist/ at the repository root. */
  distDir?: string
  /** Runs after migrations, before listening (the demo seed). */
  beforeListen?: (deps: { store: Store; config: Config; secret: string }) => Promise<void>
}

const LOGIN_LIMIT = { limit: 5, windowMs: 15 * 60_000 }
/**
 * Per account, from all addresses together (issue "Server core"): enough for an operator's own
 * typos, about 2,900 guesses a day at most against a sprayed account, and a lockout that ends at
 * most 5 minutes after the spray stops (docs/api.md).
 */
const ACCOUNT_LOGIN_LIMIT = { limit: 10, windowMs: 5 * 60_000 }
const VISITOR_LIMIT = { limit: 30, windowMs: 60_000 }

/**
 * Sign-in and new-visitor limits: per process on one node; with `REDIS_URL` one count shared by
 * every node, since per-process counts multiply each limit by the node count.
 */
function openRateLimiters(redisUrl: string | undefined) {
  const redis = redisUrl ? new Redis(redisUrl, { connectionName: 'openline-rate-limits' }) : undefined
  const limiter = (name: string, options: { limit: number; windowMs: number }) =>
    redis ? createRedisRateLimiter(redis, name, options) : createRateLimiter(options)
  return {
    http: {
      loginLimiter: limiter('login', LOGIN_LIMIT),
      accountLoginLimiter: limiter('login-account', ACCOUNT_LOGIN_LIMIT),
      visitorLimiter: limiter('visitor', VISITOR_LIMIT),
    },
    close: async () => {
      await redis?.quit()
    },
  }
}

export async function startOpenline(config: Config, options: StartOptions): Promise<OpenlineServer> {
  const { log } = options
  const clock = options.clock ?? { now: () => Date.now() }
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  await store.migrate()
  const bus = await openBus({ redisUrl: config.redisUrl })
  // All nodes must sign and verify visitor tokens with the same key, so the generated default
  // lives in the shared database rather than in a local file.
  const secret =
    config.secret ??
    (await store.getOrCreateSetting('visitor-token-secret', () => randomBytes(32).toString('base64url')))
  await options.beforeListen?.({ store, config, secret })

  // Listen first so a server on port 0 (tests, benches) knows its address before the app and the
  // gateway are built with it; handlers are attached synchronously right after, before any request.
  const http = createServer()
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(config.port, config.host, () => resolve())
  })
  const port = (http.address() as AddressInfo).port
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`
  const publicUrl = new URL(config.publicUrl).port === '0' ? url : config.publicUrl

  const limiters = openRateLimiters(config.redisUrl)
  // Routing runs on every node; the store is the shared truth, so nodes may route the same line.
  const router = createLineRouter({ store, bus, clock, log })
  // Auto-replies and auto-close run on every node too; deterministic client ids store each reply once.
  const autoReplies = createAutoReplyRuntime({ store, clock, log })
  const chat = createChatService({ store, bus, clock, routing: router, autoReplies })
  await autoReplies.start(chat)
  // issue 6: every node relays CRM deliveries; the database decides who sends what
  const outbox = await startOutbox({
    store,
    bus,
    clock,
    log,
    publicUrl,
    outbox: config.outbox,
    redisUrl: config.redisUrl,
  })
  // Offers and wake timers die with a process: route every waiting queue again (issue "Open lines").
  await router.sweep()
  const api = createApp({
    store,
    bus,
    chat,
    clock,
    secret,
    config: {
      publicUrl,
      cookieSecure: config.cookieSecure,
      adminToken: config.adminToken,
      attachmentMaxBytes: config.attachmentMaxBytes,
      trustProxy: config.trustProxy,
    },
    ...limiters.http,
  })
  const root = new Hono<AppEnv>()
  // Hono does not carry a sub-app's notFound over `route()`: keep unknown paths on the JSON shape.
  root.notFound(notFoundHandler)
  mountStaticAssets(root, options.distDir ?? fileURLToPath(new URL('../dist/', import.meta.url)))
  mountDemoPage(root, { store, publicUrl })
  root.route('/', api)

  const gateway = createGateway({
    store,
    bus,
    chat,
    clock,
    secret,
    publicOrigin: new URL(publicUrl).origin,
    log,
  })
  http.on('request', getRequestListener(root.fetch))
  http.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://x').pathname === '/ws') gateway.handleUpgrade(req, socket, head)
    else socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
  })
  http.on('clientError', (_error, socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'))

  let closing: Promise<void> | undefined
  const close = () => {
    closing ??= (async () => {
      await gateway.close()
      await router.close()
      await autoReplies.close()
      await outbox.close()
      http.closeAllConnections()
      await new Promise<void>((resolve) => http.close(() => resolve()))
      await bus.close()
      await limiters.close()
      await store.close()
    })()
    return closing
  }
  return { url, publicUrl, port, store, bus, chat, http, close }
}
