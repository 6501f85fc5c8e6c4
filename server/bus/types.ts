/**
 * Fan-out between server processes. A node publishes an event once; every node subscribed to the
 * channel (itself included) hands it to its local sockets. In-process by default; Redis pub/sub
 * when REDIS_URL is set. `bus.contract.ts` is the one suite both implementations pass.
 *
 * Delivery is at-most-once and best-effort, like Redis pub/sub: durable state lives in the Store,
 * and clients recover anything missed with `conversation.sync` from their last sequence number.
 * Per channel, messages from one publisher arrive in the order they were published.
 */
export type BusPayload = { [key: string]: unknown }

export type BusHandler = (payload: BusPayload, channel: string) => void

export interface Bus {
  readonly kind: 'memory' | 'redis'
  publish(channel: string, payload: BusPayload): Promise<void>
  /** Resolves once the subscription is live; the returned function unsubscribes this handler. */
  subscribe(channel: string, handler: BusHandler): Promise<() => Promise<void>>
  /** Cheap round trip for readiness checks. */
  ping(): Promise<void>
  close(): Promise<void>
}

/** Channel names, in one place so publishers and subscribers cannot drift apart. */
export const channels = {
  /** Everything the operators of a workspace see: conversations, messages, presence, typing. */
  operators: (workspaceId: string) => `ws:${workspaceId}:operators`,
  /** Everything one visitor's sockets see (all their tabs, on any node). */
  visitor: (workspaceId: string, visitorId: string) => `ws:${workspaceId}:visitor:${visitorId}`,
} as const
