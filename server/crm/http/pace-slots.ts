/**
 * Where paced requests reserve their start times (issue 6: "rate-limits per connection (Bitrix24:
 * 2 requests/s)"). A vendor's limit is per CRM account, not per Openline process, so with several
 * nodes the slots must be shared: `redisPaceSlots` keeps one "next free start" per connection in
 * Redis; `memoryPaceSlots` is the single-node default.
 */
import type { Redis } from 'ioredis'

export interface PaceSlots {
  /**
   * Reserves the next start for `key`, at least `gapMs` after the previously reserved one; resolves
   * with how many milliseconds the caller must wait before starting (0 = now).
   */
  reserve(key: string, gapMs: number): Promise<number>
}

export function memoryPaceSlots(now: () => number = Date.now): PaceSlots {
  const next = new Map<string, number>()
  return {
    async reserve(key, gapMs) {
      const current = now()
      const start = Math.max(current, next.get(key) ?? 0)
      next.set(key, start + gapMs)
      return start - current
    },
  }
}

/**
 * One atomic script per reservation. It reads Redis's own clock (TIME), so nodes whose clocks
 * disagree still share one schedule; the key expires shortly after its last slot so idle
 * connections leave nothing behind.
 */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local gap = tonumber(ARGV[1])
local start = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
redis.call('SET', KEYS[1], tostring(start + gap), 'PX', math.ceil(start + gap - now) + 60000)
return { tostring(start), tostring(now) }
`

type EvalClient = Pick<Redis, 'eval'>

/** One reservation: the reserved start and Redis's clock at the time, both in ms. */
export async function reserveRedisSlot(
  redis: EvalClient,
  key: string,
  gapMs: number,
): Promise<{ start: number; now: number }> {
  const reply = (await redis.eval(RESERVE, 1, key, String(Math.ceil(gapMs)))) as [string, string]
  return { start: Number(reply[0]), now: Number(reply[1]) }
}

export function redisPaceSlots(redis: EvalClient, prefix = 'openline:crm-pace:'): PaceSlots {
  return {
    async reserve(key, gapMs) {
      const { start, now } = await reserveRedisSlot(redis, `${prefix}${key}`, gapMs)
      return Math.max(0, start - now)
    },
  }
}
