/**
 * Shared pacing across nodes (issue 6: Bitrix24 allows 2 requests/s per account, however many
 * Openline processes send). The Redis part runs against a real Redis when TEST_REDIS_URL is set.
 */
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterAll, describe, expect, it } from 'vitest'
import { memoryPaceSlots, redisPaceSlots, reserveRedisSlot } from './pace-slots.ts'
import { pacedHttp } from './paced-http.ts'

describe('memoryPaceSlots', () => {
  it('keeps one schedule per key', async () => {
    let clock = 1_000
    const slots = memoryPaceSlots(() => clock)
    expect(await slots.reserve('a', 500)).toBe(0)
    expect(await slots.reserve('a', 500)).toBe(500)
    expect(await slots.reserve('b', 500)).toBe(0)
    clock += 2_000
    expect(await slots.reserve('a', 500)).toBe(0)
  })
})

const url = process.env.TEST_REDIS_URL
describe.skipIf(!url)('redis pace slots (two nodes)', () => {
  const clients: Redis[] = []
  const connect = () => {
    const client = new Redis(url as string)
    clients.push(client)
    return client
  }
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.quit()))
  })

  it('gives two nodes one schedule: every start exactly one gap after the previous', async () => {
    const [nodeA, nodeB] = [connect(), connect()]
    const key = `test:pace:${randomUUID()}`
    // A gap far longer than the burst takes, so every reservation queues behind the previous one.
    const gap = 10_000
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) => reserveRedisSlot(i % 2 === 0 ? nodeA : nodeB, key, gap)),
    )
    const starts = burst.map((slot) => slot.start).sort((x, y) => x - y)
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBe(gap)
    expect(new Set(starts).size).toBe(20)
    // Another connection (another CRM account) is not held up by this one.
    const other = await reserveRedisSlot(nodeA, `${key}:other`, gap)
    expect(other.start).toBe(other.now)
  })

  it('paces requests of two nodes sharing a key', async () => {
    const key = randomUUID()
    const waits: number[] = []
    const send = async () => ({ status: 200, headers: new Headers(), body: '' })
    const node = (client: Redis) =>
      pacedHttp(send, {
        perSecond: 2,
        slots: redisPaceSlots(client, 'test:pace:'),
        key,
        sleep: async (ms) => {
          waits.push(ms)
        },
      })
    const [a, b] = [node(connect()), node(connect())]
    await Promise.all([a, b, a, b].map((http) => http({ method: 'POST', url: 'http://crm', timeoutMs: 1 })))
    // The first goes at once; the other three wait about 0.52 s, 1.04 s and 1.56 s (minus the burst's own ms).
    expect(waits).toHaveLength(3)
    expect(Math.max(...waits)).toBeGreaterThan(1_000)
  })
})
