/**
 * Builds and starts this node's relay with every lead source (issue 6): chats here, callbacks
 * (server/callbacks) and forms (server/forms) through contract C2. One call from server.ts.
 */
import { Redis } from 'ioredis'
import type { Bus } from '../bus/types.ts'
import { createCallbackLeadSource } from '../callbacks/lead-source.ts'
import type { OutboxConfig } from '../config/index.ts'
import { redisPaceSlots } from '../crm/http/index.ts'
import { createFormLeadSource } from '../forms/lead-source.ts'
import { createChatLeadSource } from '../leads/chat-lead-source.ts'
import type { Log } from '../log/index.ts'
import type { Store } from '../store/types.ts'
import { createAdapterCache } from './connection-adapters.ts'
import { createRelay, type Relay } from './relay.ts'
import { relaySettings } from './relay-settings.ts'

export async function startOutbox(deps: {
  store: Store
  bus: Bus
  clock: { now(): number }
  log: Log
  publicUrl: string
  /** The relay's knobs from the validated configuration (OUTBOX_*, CRM_*). */
  outbox: OutboxConfig
  /** With several nodes: vendor pacing is shared through Redis (one schedule per CRM connection). */
  redisUrl?: string
}): Promise<Relay> {
  const settings = relaySettings(deps.outbox)
  const redis = deps.redisUrl ? new Redis(deps.redisUrl, { connectionName: 'openline-crm-pace' }) : undefined
  redis?.on('error', (error: unknown) =>
    deps.log('warn', 'crm pacing: redis error', { error: String(error) }),
  )
  const relay = createRelay({
    store: deps.store,
    bus: deps.bus,
    clock: deps.clock,
    random: Math.random,
    log: deps.log,
    adapterFor: createAdapterCache({
      ...settings.adapters,
      ...(redis ? { slots: redisPaceSlots(redis) } : {}),
    }),
    chat: createChatLeadSource(deps.store, { publicUrl: deps.publicUrl }),
    sources: { callback: createCallbackLeadSource(deps.store), form: createFormLeadSource(deps.store) },
    options: settings.relay,
  })
  await relay.start()
  if (!redis) return relay
  return {
    ...relay,
    async close() {
      await relay.close()
      await redis.quit()
    },
  }
}
