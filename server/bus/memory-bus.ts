import { type BusErrorHandler, reportBusError, writeBusErrorToStderr } from './report-error.ts'
import type { Bus, BusHandler, BusPayload } from './types.ts'

interface Subscription {
  readonly handler: BusHandler
  /** The subscribing bus's callback: a handler failure belongs to the node that registered it. */
  readonly onError: BusErrorHandler
}

/**
 * The shared "wire" of in-process buses. Buses built on one hub behave like nodes sharing one Redis,
 * which lets a single process (tests, the contract suite) exercise cross-node fan-out.
 */
export interface MemoryHub {
  readonly channels: Map<string, Set<Subscription>>
}

export function createMemoryHub(): MemoryHub {
  return { channels: new Map() }
}

export interface MemoryBusOptions {
  hub?: MemoryHub
  onError?: BusErrorHandler
}

export function createMemoryBus(options: MemoryBusOptions = {}): Bus {
  const hub = options.hub ?? createMemoryHub()
  const onError = options.onError ?? writeBusErrorToStderr
  const mine = new Map<Subscription, string>()
  let closed = false

  function assertOpen(): void {
    if (closed) throw new Error('bus is closed')
  }

  function remove(subscription: Subscription, channel: string): void {
    mine.delete(subscription)
    const subscriptions = hub.channels.get(channel)
    if (subscriptions === undefined) return
    subscriptions.delete(subscription)
    if (subscriptions.size === 0) hub.channels.delete(channel)
  }

  function deliver(channel: string, payload: BusPayload): void {
    const subscriptions = hub.channels.get(channel)
    if (subscriptions === undefined) return
    for (const subscription of [...subscriptions]) {
      // Re-checked per handler: one handler may unsubscribe another during this very delivery.
      if (!subscriptions.has(subscription)) continue
      try {
        subscription.handler(payload, channel)
      } catch (error) {
        reportBusError(subscription.onError, error, { source: 'handler', channel })
      }
    }
  }

  return {
    kind: 'memory',

    async publish(channel, payload) {
      assertOpen()
      // A JSON round trip gives subscribers exactly what Redis would: a private copy, with Dates as
      // strings and undefined fields dropped, so code tested on the memory bus behaves the same on Redis.
      const copy = JSON.parse(JSON.stringify(payload)) as BusPayload
      // Microtasks run in FIFO order, so deliveries keep publish order per channel while the publisher
      // never runs subscriber code on its own stack.
      queueMicrotask(() => deliver(channel, copy))
    },

    async subscribe(channel, handler) {
      assertOpen()
      const subscription: Subscription = { handler, onError }
      let subscriptions = hub.channels.get(channel)
      if (subscriptions === undefined) {
        subscriptions = new Set()
        hub.channels.set(channel, subscriptions)
      }
      subscriptions.add(subscription)
      mine.set(subscription, channel)
      return async () => remove(subscription, channel)
    },

    async ping() {
      assertOpen()
    },

    async close() {
      closed = true
      for (const [subscription, channel] of [...mine]) remove(subscription, channel)
    },
  }
}
