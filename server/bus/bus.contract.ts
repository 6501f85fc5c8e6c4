import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BusErrorHandler, BusErrorSource } from './report-error.ts'
import type { Bus, BusHandler, BusPayload } from './types.ts'

/** Builds one node; every node from the same factory shares one backend (one hub, one Redis prefix). */
export type BusNodeFactory = (options: { onError?: BusErrorHandler }) => Bus

/** Called once per test, so each test gets a backend no other test can see. */
export type MakeBus = () => BusNodeFactory

interface Received {
  payload: BusPayload
  channel: string
}

/** Records deliveries and lets a test await the n-th one instead of sleeping. */
export function collector() {
  const received: Received[] = []
  const waiters: Array<{ count: number; resolve: () => void }> = []
  const handler: BusHandler = (payload, channel) => {
    received.push({ payload, channel })
    for (const waiter of waiters.filter((w) => received.length >= w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1)
      waiter.resolve()
    }
  }
  const until = (count: number): Promise<void> =>
    received.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }))
  const payloads = () => received.map((r) => r.payload)
  return { received, handler, until, payloads }
}

export function errorCollector() {
  const errors: Array<{ error: unknown; source: BusErrorSource; channel?: string }> = []
  const deliveries = collector()
  const onError: BusErrorHandler = (error, context) => {
    errors.push({ error, ...context })
    deliveries.handler({}, context.channel ?? '')
  }
  return { errors, onError, until: deliveries.until }
}

export function runBusContract(name: string, makeBus: MakeBus): void {
  describe(`Bus contract: ${name}`, () => {
    let opened: Bus[] = []
    let node: (options?: { onError?: BusErrorHandler }) => Bus

    beforeEach(() => {
      const factory = makeBus()
      node = (options = {}) => {
        const bus = factory(options)
        opened.push(bus)
        return bus
      }
    })

    afterEach(async () => {
      await Promise.all(opened.map((bus) => bus.close()))
      opened = []
    })

    it('answers ping while open', async () => {
      await expect(node().ping()).resolves.toBeUndefined()
    })

    it('delivers a published payload to a subscriber with the channel name', async () => {
      const bus = node()
      const inbox = collector()
      await bus.subscribe('room', inbox.handler)
      await bus.publish('room', { text: 'hi', n: 1, nested: { ok: true, list: [1, 'two'] } })
      await inbox.until(1)
      expect(inbox.received).toEqual([
        { payload: { text: 'hi', n: 1, nested: { ok: true, list: [1, 'two'] } }, channel: 'room' },
      ])
    })

    it('delivers what JSON carries: dates become strings, undefined fields vanish', async () => {
      const bus = node()
      const inbox = collector()
      await bus.subscribe('room', inbox.handler)
      await bus.publish('room', { at: new Date(0), gone: undefined, kept: null })
      await inbox.until(1)
      expect(inbox.payloads()).toEqual([{ at: '1970-01-01T00:00:00.000Z', kept: null }])
    })

    it('rejects a payload that cannot be serialised, and keeps working', async () => {
      const bus = node()
      const inbox = collector()
      await bus.subscribe('room', inbox.handler)
      await expect(bus.publish('room', { big: 10n })).rejects.toThrow()
      await bus.publish('room', { ok: true })
      await inbox.until(1)
      expect(inbox.payloads()).toEqual([{ ok: true }])
    })

    it('delivers to every handler on every node sharing the backend', async () => {
      const a = node()
      const b = node()
      const [a1, a2, b1] = [collector(), collector(), collector()]
      await a.subscribe('room', a1.handler)
      await a.subscribe('room', a2.handler)
      await b.subscribe('room', b1.handler)
      await a.publish('room', { from: 'a' })
      await b.publish('room', { from: 'b' })
      await Promise.all([a1.until(2), a2.until(2), b1.until(2)])
      // A last message from `a` is a barrier: a duplicate of a's first one would arrive before it.
      await a.publish('room', { from: 'a', last: true })
      await Promise.all([a1.until(3), a2.until(3), b1.until(3)])
      for (const inbox of [a1, a2, b1]) {
        expect(inbox.payloads()).toHaveLength(3)
        expect(inbox.payloads()).toEqual(expect.arrayContaining([{ from: 'a' }, { from: 'b' }]))
        expect(inbox.payloads()[2]).toEqual({ from: 'a', last: true })
      }
    })

    it('treats the same handler subscribed twice as two subscriptions', async () => {
      const bus = node()
      const inbox = collector()
      const off = await bus.subscribe('room', inbox.handler)
      await bus.subscribe('room', inbox.handler)
      await bus.publish('room', { n: 1 })
      await inbox.until(2)
      await off()
      await bus.publish('room', { n: 2 })
      await inbox.until(3)
      expect(inbox.payloads()).toEqual([{ n: 1 }, { n: 1 }, { n: 2 }])
    })

    it('preserves publish order for 200 messages on a channel, across nodes', async () => {
      const a = node()
      const b = node()
      const inbox = collector()
      await b.subscribe('room', inbox.handler)
      await Promise.all(Array.from({ length: 200 }, (_, seq) => a.publish('room', { seq })))
      await inbox.until(200)
      expect(inbox.payloads().map((p) => p.seq)).toEqual(Array.from({ length: 200 }, (_, seq) => seq))
    })

    it('stops delivering to a handler once it unsubscribed, down to the last one on a node', async () => {
      const a = node()
      const b = node()
      const [first, second, witness] = [collector(), collector(), collector()]
      const offFirst = await a.subscribe('room', first.handler)
      const offSecond = await a.subscribe('room', second.handler)
      await b.subscribe('room', witness.handler)

      await offFirst()
      await b.publish('room', { n: 1 })
      await Promise.all([second.until(1), witness.until(1)])

      await offSecond()
      await offSecond()
      await b.publish('room', { n: 2 })
      await witness.until(2)

      const again = collector()
      await a.subscribe('room', again.handler)
      await b.publish('room', { n: 3 })
      await Promise.all([again.until(1), witness.until(3)])

      expect(first.payloads()).toEqual([])
      expect(second.payloads()).toEqual([{ n: 1 }])
      expect(again.payloads()).toEqual([{ n: 3 }])
    })

    it('keeps channels apart, including names that share a prefix', async () => {
      const a = node()
      const b = node()
      const [room, sub, other] = [collector(), collector(), collector()]
      await b.subscribe('room', room.handler)
      await b.subscribe('room:sub', sub.handler)
      await b.subscribe('Room', other.handler)
      await a.publish('room', { to: 'room', n: 1 })
      await a.publish('room:sub', { to: 'room:sub' })
      await a.publish('Room', { to: 'Room' })
      await a.publish('room', { to: 'room', n: 2 })
      await Promise.all([room.until(2), sub.until(1), other.until(1)])
      expect(room.received.map((r) => r.channel)).toEqual(['room', 'room'])
      expect(room.payloads()).toEqual([
        { to: 'room', n: 1 },
        { to: 'room', n: 2 },
      ])
      expect(sub.received).toEqual([{ payload: { to: 'room:sub' }, channel: 'room:sub' }])
      expect(other.received).toEqual([{ payload: { to: 'Room' }, channel: 'Room' }])
    })

    it('reports a throwing handler to onError and still delivers to the others', async () => {
      const failures = errorCollector()
      const a = node()
      const b = node({ onError: failures.onError })
      const inbox = collector()
      await b.subscribe('room', () => {
        throw new Error('boom')
      })
      await b.subscribe('room', inbox.handler)
      await a.publish('room', { n: 1 })
      await b.publish('room', { n: 2 })
      await Promise.all([inbox.until(2), failures.until(2)])
      expect(inbox.payloads()).toEqual([{ n: 1 }, { n: 2 }])
      expect(failures.errors).toEqual([
        { error: new Error('boom'), source: 'handler', channel: 'room' },
        { error: new Error('boom'), source: 'handler', channel: 'room' },
      ])
    })

    it('closes idempotently, refuses work afterwards and leaves other nodes working', async () => {
      const a = node()
      const b = node()
      const [closedInbox, witness] = [collector(), collector()]
      await a.subscribe('room', closedInbox.handler)
      await b.subscribe('room', witness.handler)

      await Promise.all([a.close(), a.close()])
      await a.close()
      await expect(a.publish('room', { n: 0 })).rejects.toThrow()
      await expect(a.subscribe('room', () => {})).rejects.toThrow()
      await expect(a.ping()).rejects.toThrow()

      await b.publish('room', { n: 1 })
      await witness.until(1)
      expect(closedInbox.payloads()).toEqual([])
      expect(witness.payloads()).toEqual([{ n: 1 }])
    })
  })
}
