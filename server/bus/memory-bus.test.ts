import { describe, expect, it } from 'vitest'
import { collector, runBusContract } from './bus.contract.ts'
import { openBus } from './index.ts'
import { createMemoryBus, createMemoryHub } from './memory-bus.ts'

runBusContract('memory', () => {
  const hub = createMemoryHub()
  return (options) => createMemoryBus({ hub, ...options })
})

describe('createMemoryBus', () => {
  it('keeps buses without a shared hub apart', async () => {
    const a = createMemoryBus()
    const b = createMemoryBus()
    try {
      const [mine, theirs] = [collector(), collector()]
      await a.subscribe('room', mine.handler)
      await b.subscribe('room', theirs.handler)
      await a.publish('room', { n: 1 })
      // One microtask delivers to every subscriber of a hub, so b's handler would have run by now.
      await mine.until(1)
      expect(theirs.payloads()).toEqual([])
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })

  it('delivers after publish returns, never on the publisher stack', async () => {
    const bus = createMemoryBus()
    try {
      const inbox = collector()
      await bus.subscribe('room', inbox.handler)
      const publishing = bus.publish('room', { n: 1 })
      expect(inbox.payloads()).toEqual([])
      await publishing
      await inbox.until(1)
    } finally {
      await bus.close()
    }
  })

  it('is what openBus returns without a Redis URL', async () => {
    const bus = openBus({})
    try {
      expect(bus.kind).toBe('memory')
    } finally {
      await bus.close()
    }
  })
})
