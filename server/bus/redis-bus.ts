import { Redis } from 'ioredis'
import { type BusErrorHandler, reportBusError, writeBusErrorToStderr } from './report-error.ts'
import type { Bus, BusHandler, BusPayload } from './types.ts'

export interface RedisBusOptions {
  url: string
  /** Prepended to every channel name on the wire, so tests (or tenants of one Redis) stay isolated. */
  prefix?: string
  onError?: BusErrorHandler
  /** Shown by CLIENT LIST as `<name>:pub` and `<name>:sub`, so operators can tell the connections apart. */
  connectionName?: string
}

interface ChannelState {
  readonly subscriptions: Set<{ readonly handler: BusHandler }>
  /** Settles when Redis has confirmed the SUBSCRIBE this state was created with. */
  readonly live: Promise<void>
}

function isPayload(value: unknown): value is BusPayload {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

async function closeConnection(client: Redis): Promise<void> {
  if (client.status === 'end') return
  // QUIT only while connected; a connection that is down or still retrying would queue QUIT behind the
  // reconnect and never settle, so it is cut instead.
  if (client.status !== 'ready') {
    client.disconnect()
    return
  }
  try {
    await client.quit()
  } catch {
    // QUIT fails only when the socket broke mid-way; disconnect() then ends the retry loop for good.
    client.disconnect()
  }
}

/**
 * Redis pub/sub needs a dedicated connection once it subscribes, so each bus holds two: one to publish
 * (and answer pings), one to listen. Many handlers per channel share one SUBSCRIBE (reference counted).
 */
export function createRedisBus(options: RedisBusOptions): Bus {
  const prefix = options.prefix ?? ''
  const onError = options.onError ?? writeBusErrorToStderr
  const name = options.connectionName ?? 'openline-bus'
  // autoResubscribe is ioredis's default; spelled out because the bus relies on it: after a reconnect
  // the subscriber connection replays every SUBSCRIBE it held, so handlers keep receiving.
  const connect = (role: string) =>
    new Redis(options.url, { connectionName: `${name}:${role}`, autoResubscribe: true })
  const publisher = connect('pub')
  const subscriber = connect('sub')
  const channels = new Map<string, ChannelState>()
  let closing: Promise<void> | undefined

  for (const client of [publisher, subscriber]) {
    client.on('error', (error: unknown) => reportBusError(onError, error, { source: 'connection' }))
  }

  subscriber.on('message', (wireChannel: string, message: string) => {
    const state = channels.get(wireChannel)
    if (state === undefined) return
    const channel = wireChannel.slice(prefix.length)
    let payload: unknown
    try {
      payload = JSON.parse(message)
    } catch (error) {
      reportBusError(onError, error, { source: 'payload', channel })
      return
    }
    if (!isPayload(payload)) {
      reportBusError(onError, new Error('payload is not a JSON object'), { source: 'payload', channel })
      return
    }
    for (const subscription of [...state.subscriptions]) {
      if (!state.subscriptions.has(subscription)) continue
      try {
        subscription.handler(payload, channel)
      } catch (error) {
        reportBusError(onError, error, { source: 'handler', channel })
      }
    }
  })

  function assertOpen(): void {
    if (closing !== undefined) throw new Error('bus is closed')
  }

  function openChannel(wireChannel: string): ChannelState {
    const live = subscriber.subscribe(wireChannel).then(() => undefined)
    const state: ChannelState = { subscriptions: new Set(), live }
    // A failed SUBSCRIBE must not be reused by later subscribers; each awaiting subscriber sees the error.
    live.catch(() => {
      if (channels.get(wireChannel) === state) channels.delete(wireChannel)
    })
    channels.set(wireChannel, state)
    return state
  }

  async function release(
    wireChannel: string,
    state: ChannelState,
    subscription: { handler: BusHandler },
  ): Promise<void> {
    if (!state.subscriptions.delete(subscription)) return
    if (state.subscriptions.size > 0 || channels.get(wireChannel) !== state) return
    channels.delete(wireChannel)
    if (closing !== undefined) return
    // Sent on the same connection after the SUBSCRIBE, so Redis applies them in order even when the
    // subscription is still being confirmed.
    await subscriber.unsubscribe(wireChannel)
  }

  return {
    kind: 'redis',

    async publish(channel, payload) {
      assertOpen()
      await publisher.publish(prefix + channel, JSON.stringify(payload))
    },

    async subscribe(channel, handler) {
      assertOpen()
      const wireChannel = prefix + channel
      const state = channels.get(wireChannel) ?? openChannel(wireChannel)
      const subscription = { handler }
      state.subscriptions.add(subscription)
      try {
        await state.live
      } catch (error) {
        state.subscriptions.delete(subscription)
        throw error
      }
      return () => release(wireChannel, state, subscription)
    },

    async ping() {
      assertOpen()
      await Promise.all([publisher.ping(), subscriber.ping()])
    },

    close() {
      closing ??= (async () => {
        channels.clear()
        await Promise.all([closeConnection(publisher), closeConnection(subscriber)])
      })()
      return closing
    },
  }
}
