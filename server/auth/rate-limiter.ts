/**
 * Sliding-window rate limiter (exact: it keeps the timestamps of the allowed hits in the window).
 * Meant for small limits — login attempts (5 per 15 min per IP+email), visitor sign-ups — where
 * memory per key is a handful of numbers. Per process: the single-node default; with `REDIS_URL`
 * the server hands the HTTP layer `createRedisRateLimiter` instead, one count for every node.
 */
export interface RateLimitDecision {
  allowed: boolean
  /** 0 when allowed; otherwise how long until the oldest counted hit leaves the window. */
  retryAfterMs: number
}

/**
 * What the HTTP layer is handed: this file's in-process limiter (one node) or the Redis one shared by
 * every node (redis-rate-limiter.ts), which answers after a round trip, so callers always await.
 */
export interface RateLimitGate {
  hit(key: string, now: number): RateLimitDecision | Promise<RateLimitDecision>
  /** Forgets a key; sign-in calls it after a success so a user's own sign-ins never lock them out. */
  reset?(key: string): void | Promise<void>
}

export interface RateLimiter {
  hit(key: string, now: number): RateLimitDecision
  /** Forgets a key, e.g. after a successful login. */
  reset(key: string): void
  /** Keys currently tracked (for tests and metrics). */
  readonly size: number
}

export interface RateLimiterOptions {
  limit: number
  windowMs: number
  /** Memory bound: past it the least recently hit keys are dropped (their counts start over). */
  maxKeys?: number
}

export function createRateLimiter({ limit, windowMs, maxKeys = 10_000 }: RateLimiterOptions): RateLimiter {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer')
  if (!(windowMs > 0)) throw new RangeError('windowMs must be positive')
  if (!Number.isInteger(maxKeys) || maxKeys < 1) throw new RangeError('maxKeys must be a positive integer')

  // Map iteration order is insertion order; re-inserting a key on every hit keeps the least recently
  // hit keys at the front, so pruning and eviction only ever look at the front.
  const hits = new Map<string, number[]>()

  function prune(now: number): void {
    for (const [key, times] of hits) {
      const newest = times[times.length - 1]
      if (newest !== undefined && newest > now - windowMs) break
      hits.delete(key)
    }
  }

  return {
    hit(key, now) {
      prune(now)
      const times = (hits.get(key) ?? []).filter((t) => t > now - windowMs)
      hits.delete(key)
      let decision: RateLimitDecision
      if (times.length < limit) {
        times.push(now)
        decision = { allowed: true, retryAfterMs: 0 }
      } else {
        // Refused hits are not recorded: a client that keeps retrying is not locked out for longer,
        // and whoever shares the key (same IP and email) gets in as soon as the window allows.
        decision = { allowed: false, retryAfterMs: Math.max(1, times[0]! + windowMs - now) }
      }
      if (times.length > 0) hits.set(key, times)
      while (hits.size > maxKeys) {
        const oldest = hits.keys().next().value
        if (oldest === undefined) break
        hits.delete(oldest)
      }
      return decision
    },

    reset(key) {
      hits.delete(key)
    },

    get size() {
      return hits.size
    },
  }
}
