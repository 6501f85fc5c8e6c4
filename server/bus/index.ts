import { createMemoryBus } from './memory-bus.ts'
import { createRedisBus } from './redis-bus.ts'
import type { BusErrorHandler } from './report-error.ts'
import type { Bus } from './types.ts'

export { createMemoryBus, createMemoryHub, type MemoryBusOptions, type MemoryHub } from './memory-bus.ts'
export { createRedisBus, type RedisBusOptions } from './redis-bus.ts'
export { type BusErrorHandler, type BusErrorSource, writeBusErrorToStderr } from './report-error.ts'
export { type Bus, type BusHandler, type BusPayload, channels } from './types.ts'

/** Redis when a URL is configured (several nodes), otherwise in-process (a single node). */
export function openBus(config: { redisUrl?: string; onError?: BusErrorHandler }): Bus {
  const onError = config.onError
  if (config.redisUrl) return createRedisBus({ url: config.redisUrl, onError })
  return createMemoryBus({ onError })
}
