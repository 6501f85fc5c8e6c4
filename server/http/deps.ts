import type { RateLimitGate } from '../auth/rate-limiter.ts'
import type { Bus } from '../bus/types.ts'
import type { ChatService } from '../chat/types.ts'
import type { Store } from '../store/types.ts'

/** In-process on one node, shared by every node through Redis with `REDIS_URL`; callers await. */
export type RateLimiter = RateLimitGate

export interface HttpConfig {
  /** Where browsers reach this server, without a trailing slash (see server/config). */
  publicUrl: string
  cookieSecure: boolean
  /** Bearer token of the installation-wide admin endpoints; those endpoints are off when unset. */
  adminToken?: string | undefined
  /** issue 5, item 4: largest attachment in bytes (default 10 MB). */
  attachmentMaxBytes?: number | undefined
  /** Trusted proxy hops in front of the server (TRUST_PROXY; see client-ip.ts); default 0. */
  trustProxy?: number | undefined
}

export interface HttpDeps {
  store: Store
  bus: Bus
  chat: ChatService
  clock: { now(): number }
  /** Key that signs visitor tokens. */
  secret: string
  config: HttpConfig
  /** Sign-in attempts per client address and e-mail. */
  loginLimiter: RateLimiter
  /** Sign-in attempts per e-mail from every address together (a spray from many addresses). */
  accountLoginLimiter: RateLimiter
  visitorLimiter: RateLimiter
  /** Receives unexpected (500) errors; defaults to one line on stderr. */
  logError?: (error: unknown, context: { method: string; path: string }) => void
}

/**
 * What @hono/node-server passes as `c.env` (only the part we read). Absent under `app.request()`
 * unless a test passes it.
 */
export interface AppBindings {
  incoming?: { socket?: { remoteAddress?: string | undefined } }
}

export type AppEnv = { Bindings: AppBindings }
