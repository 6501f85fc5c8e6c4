/**
 * The sign-in and new-visitor limits shared by every node (issue "Server core": several nodes
 * behind a load balancer). Each process counting on its own multiplied every limit by the node
 * count. Same sliding window as `createRateLimiter`: a sorted set of the allowed hits per key,
 * trimmed, counted and added to in one atomic script; refused hits are not recorded.
 */
import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { RateLimitDecision, RateLimiterOptions, RateLimitGate } from './rate-limiter.ts'

// KEYS[1] the key; ARGV: now, window, limit, a unique member for this hit. Returns {allowed, retryAfterMs}.
const HIT = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('ZADD', KEYS[1], now, ARGV[4])
  redis.call('PEXPIRE', KEYS[1], window)
  return {1, 0}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, math.max(1, tonumber(oldest[2]) + window - now)}
`

type RedisClient = Pick<Redis, 'eval' | 'del'>

export function createRedisRateLimiter(
  redis: RedisClient,
  name: string,
  { limit, windowMs }: Pick<RateLimiterOptions, 'limit' | 'windowMs'>,
): RateLimitGate {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer')
  if (!(windowMs > 0)) throw new RangeError('windowMs must be positive')
  const keyOf = (key: string) => `openline:rate:${name}:${key}`
  return {
    async hit(key, now): Promise<RateLimitDecision> {
      const [allowed, retryAfterMs] = (await redis.eval(
        HIT,
        1,
        keyOf(key),
        String(now),
        String(windowMs),
        String(limit),
        `${now}:${randomUUID()}`,
      )) as [number, number]
      return { allowed: allowed === 1, retryAfterMs: Number(retryAfterMs) }
    },
    async reset(key) {
      await redis.del(keyOf(key))
    },
  }
}
