import { describe, expect, it } from 'vitest'
import { mapLimit } from './concurrency.ts'

describe('mapLimit', () => {
  it('keeps at most `limit` tasks in flight and returns results in order', async () => {
    let running = 0
    let peak = 0
    const results = await mapLimit(20, 3, async (i) => {
      running++
      peak = Math.max(peak, running)
      await new Promise((resolve) => setImmediate(resolve))
      running--
      return i * 2
    })
    expect(peak).toBe(3)
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i * 2))
  })

  it('starts nothing after a failure and rejects once the running tasks are done', async () => {
    const started: number[] = []
    const finished: number[] = []
    const run = mapLimit(10, 2, async (i) => {
      started.push(i)
      await new Promise((resolve) => setImmediate(resolve))
      if (i === 1) throw new Error('boom')
      finished.push(i)
      return i
    })
    await expect(run).rejects.toThrow('boom')
    expect(started).toEqual([0, 1, 2])
    expect(finished).toEqual([0, 2])
  })
})
