/**
 * One adapter per stored CRM connection, rebuilt when the connection changes. The adapter's HTTP is
 * paced with its documented rate (issue 6: "rate-limits per connection (Bitrix24: 2 requests/s)"),
 * shared by every delivery of that connection on this node — and by every node when `slots` is the
 * Redis one (the vendor counts per account, not per Openline process).
 */
import { createCrmAdapter } from '../crm/crm-connection.ts'
import { fetchHttp, type HttpFn, type PaceSlots, pacedHttp } from '../crm/http/index.ts'
import type { CrmAdapter } from '../crm/types.ts'
import type { StoredCrmConnection } from '../store/crm-connection-types.ts'

export interface AdapterCacheOptions {
  http?: HttpFn
  /** Per-request timeout; default the adapters' own (15 s). */
  timeoutMs?: number
  /** Replaces every adapter's documented rate (tests and benches against local fakes); 0 = unpaced. */
  perSecondOverride?: number
  /** Shared pacing reservations (Redis when several nodes send to one CRM account); default per node. */
  slots?: PaceSlots
}

export type AdapterFor = (connection: StoredCrmConnection) => CrmAdapter

export function createAdapterCache(options: AdapterCacheOptions = {}): AdapterFor {
  const base = options.http ?? fetchHttp
  const cache = new Map<string, { updatedAt: number; adapter: CrmAdapter }>()
  const deps = options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }
  return (stored) => {
    const hit = cache.get(stored.id)
    if (hit && hit.updatedAt === stored.updatedAt) return hit.adapter
    // The documented rate is a property of the adapter: ask an unpaced instance, then build the paced one.
    const documented = createCrmAdapter(stored.connection, { http: base, ...deps }).rateLimit?.perSecond
    const perSecond = options.perSecondOverride ?? documented
    const http = perSecond ? pacedHttp(base, { perSecond, slots: options.slots, key: stored.id }) : base
    const adapter = createCrmAdapter(stored.connection, { http, ...deps })
    cache.set(stored.id, { updatedAt: stored.updatedAt, adapter })
    return adapter
  }
}
