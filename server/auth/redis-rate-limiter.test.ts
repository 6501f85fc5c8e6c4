import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runRateLimiterContract } from './rate-limiter.contract.ts'
import { createRedisRateLimiter } from './redis-rate-limiter.ts'

const url = process.env.TEST_REDIS_URL

describe.skipIf(!url)('createRedisRateLimiter', () => {
  let redis: Redis
  let other: Redis
  beforeAll(() => {
    redis = new Redis(url!)
    other = new Redis(url!)
  })
  afterAll(async () => {
    await redis.quit()
    await other.quit()
  })

  runRateLimiterContract((options) => createRedisRateLimiter(redis, `test-${randomUUID()}`, options))

  it("is one limit for every node: two processes' clients share the count", async () => {
    const name = `test-${randomUUID()}`
    const nodeA = createRedisRateLimiter(redis, name, { limit: 3, windowMs: 60_000 })
    const nodeB = createRedisRateLimiter(other, name, { limit: 3, windowMs: 60_000 })
    const answers = await Promise.all([
      nodeA.hit('203.0.113.7', 1_000),
      nodeB.hit('203.0.113.7', 1_001),
      nodeA.hit('203.0.113.7', 1_002),
      nodeB.hit('203.0.113.7', 1_003),
      nodeA.hit('203.0.113.7', 1_004),
    ])
    expect(answers.filter((a) => a.allowed)).toHaveLength(3)
    expect(await redis.pttl(`openline:rate:${name}:203.0.113.7`)).toBeGreaterThan(0)
  })
})
