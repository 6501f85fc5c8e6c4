import type { HttpFn } from './http-types.ts'
import { memoryPaceSlots, type PaceSlots } from './pace-slots.ts'

export interface PaceOptions {
  perSecond: number
  /** Added to every gap so network jitter cannot bunch requests into one second. */
  marginMs?: number
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  /** Shared reservations (Redis with several nodes); default: this function's own, in memory. */
  slots?: PaceSlots
  /** The CRM account the slots are kept for (the connection id); needed when `slots` is shared. */
  key?: string
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Spaces request starts at least 1000/perSecond ms apart (Bitrix24 drains 2 requests/s, Kommo
 * allows 7/s). Everything that calls the same CRM account must share one paced function, or with
 * several nodes one `slots` store and `key`.
 */
export function pacedHttp(http: HttpFn, options: PaceOptions): HttpFn {
  const gap = 1000 / options.perSecond + (options.marginMs ?? 20)
  const sleep = options.sleep ?? defaultSleep
  const slots = options.slots ?? memoryPaceSlots(options.now)
  const key = options.key ?? ''
  return async (request) => {
    const wait = await slots.reserve(key, gap)
    if (wait > 0) await sleep(wait)
    return http(request)
  }
}
