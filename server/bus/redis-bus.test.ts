import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { collector, errorCollector, runBusContract } from './bus.contract.ts'
import { openBus } from './index.ts'
import { createRedisBus } from './redis-bus.ts'
import type { Bus } from './types.ts'

const url = process.env.TEST_REDIS_URL
const runId = randomUUID()
let backends = 0
const uniquePrefix = () => `openline-test:${runId}:${backends++}:`

describe.skipIf(!url)('createRedisBus', () => {
  runBusContract('redis', () => {
    const prefix = uniquePrefix()
    return (options) => createRedisBus({ url: url!, prefix, ...options })
  })

  let admin: Redis
  let prefix: string
  let opened: Bus[]

  beforeEach(() => {
    admin = new Redis(url!)
    prefix = uniquePrefix()
    opened = []
  })

  afterEach(async () => {
    await Promise.all(opened.map((bus) => bus.close()))
    await admin.quit()
  })

  const open = (options: Omit<Parameters<typeof createRedisBus>[0], 'url' | 'prefix'> = {}) => {
    const bus = createRedisBus({ url: url!, prefix, ...options })
    opened.push(bus)
    return bus
  }

  const subscribers = async (channel: string): Promise<number> => {
    const [, count] = (await admin.pubsub('NUMSUB', prefix + channel)) as [string, number]
    return Number(count)
  }

  it('sends malformed payloads on the wire to onError and keeps delivering', async () => {
    const failures = errorCollector()
    const bus = open({ onError: failures.onError })
    const inbox = collector()
    await bus.subscribe('room', inbox.handler)
    for (const raw of ['not json', '[1,2]', 'null', '"text"']) await admin.publish(`${prefix}room`, raw)
    await admin.publish(`${prefix}room`, '{"ok":true}')
    await Promise.all([inbox.until(1), failures.until(4)])
    expect(inbox.received).toEqual([{ payload: { ok: true }, channel: 'room' }])
    expect(failures.errors.map((e) => [e.source, e.channel])).toEqual(Array(4).fill(['payload', 'room']))
  })

  it('holds one Redis subscription per channel however many handlers share it', async () => {
    const bus = open()
    const offFirst = await bus.subscribe('room', () => {})
    const offSecond = await bus.subscribe('room', () => {})
    expect(await subscribers('room')).toBe(1)
    await offFirst()
    expect(await subscribers('room')).toBe(1)
    await offSecond()
    expect(await subscribers('room')).toBe(0)
  })

  it('subscribes again while the UNSUBSCRIBE of the last handler is still in flight', async () => {
    const bus = open()
    const inbox = collector()
    const off = await bus.subscribe('room', () => {})
    // Same tick: UNSUBSCRIBE then SUBSCRIBE go out back to back on the subscriber connection.
    const [, again] = await Promise.all([off(), bus.subscribe('room', inbox.handler)])
    await bus.publish('room', { n: 1 })
    await inbox.until(1)
    expect(await subscribers('room')).toBe(1)
    await again()
    expect(await subscribers('room')).toBe(0)
  })

  it('resubscribes after the subscriber connection is dropped', async () => {
    const connectionName = `openline-test-${randomUUID()}`
    const bus = open({ connectionName })
    const inbox = collector()
    await bus.subscribe('room', inbox.handler)
    const subscriberId = async (): Promise<string | undefined> => {
      const list = (await admin.client('LIST')) as string
      const line = list
        .split('\n')
        .find((l) => l.includes(` name=${connectionName}:sub `) && l.includes(' sub=1 '))
      return line?.match(/^id=(\d+) /)?.[1]
    }
    const killed = await subscriberId()
    expect(killed).toBeDefined()
    await admin.client('KILL', 'ID', killed!)
    // ioredis exposes no event for "resubscribed", so poll Redis itself; each round trip paces the loop.
    let current = await subscriberId()
    while (current === undefined || current === killed) current = await subscriberId()
    await bus.publish('room', { n: 1 })
    await inbox.until(1)
    expect(inbox.payloads()).toEqual([{ n: 1 }])
  })

  it('reports a connection it cannot open to onError, and closes anyway', async () => {
    const failures = errorCollector()
    const bus = createRedisBus({ url: 'redis://127.0.0.1:1', onError: failures.onError })
    try {
      await failures.until(1)
      expect(failures.errors[0]?.source).toBe('connection')
    } finally {
      await bus.close()
    }
  })

  it('is what openBus returns with a Redis URL', async () => {
    const bus = openBus({ redisUrl: url! })
    opened.push(bus)
    expect(bus.kind).toBe('redis')
    await bus.ping()
  })
})
