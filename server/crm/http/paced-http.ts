import type { HttpFn } from './http-types.ts'

export interface PaceOptions {
  perSecond: number
  /** Added to every gap so network jitter cannot bunch requests into one second. */
  marginMs?: number
  now?: () => number
  sleep?: (ms: number) => Promise<void>
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Spaces request starts at least 1000/perSecond ms apart (Bitrix24 drains 2 requests/s, Kommo
 * allows 7/s). One paced function must be shared by everything that calls the same CRM account.
 */
export function pacedHttp(http: HttpFn, options: PaceOptions): HttpFn {
  const gap = 1000 / options.perSecond + (options.marginMs ?? 20)
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? defaultSleep
  let nextStart = 0
  return async (request) => {
    const current = now()
    const start = Math.max(current, nextStart)
    nextStart = start + gap
    if (start > current) await sleep(start - current)
    return http(request)
  }
}
