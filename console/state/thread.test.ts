import { describe, expect, it } from 'vitest'
import { wireMessage } from './test-fixtures.ts'
import { addMessages, emptyThread, hasGap, highestContiguousSeq, mergeMessages } from './thread.ts'

describe('message merge', () => {
  it('sorts by seq and keeps each seq once', () => {
    const merged = mergeMessages(
      [wireMessage({ seq: 3 })],
      [wireMessage({ seq: 1 }), wireMessage({ seq: 3 })],
    )
    expect(merged.map((m) => m.seq)).toEqual([1, 3])
  })

  it('returns the same array when nothing is new', () => {
    const current = [wireMessage({ seq: 1 })]
    expect(mergeMessages(current, [wireMessage({ seq: 1 })])).toBe(current)
  })

  it('tracks the highest contiguous seq and reports gaps', () => {
    let thread = addMessages(emptyThread, [wireMessage({ seq: 1 }), wireMessage({ seq: 2 })], true)
    expect(thread.contiguousSeq).toBe(2)
    thread = addMessages(thread, [wireMessage({ seq: 4 })])
    expect(thread.contiguousSeq).toBe(2)
    expect(hasGap(thread)).toBe(true)
    thread = addMessages(thread, [wireMessage({ seq: 3 })])
    expect(thread.contiguousSeq).toBe(4)
    expect(hasGap(thread)).toBe(false)
    expect(thread.loaded).toBe(true)
  })

  it('counts contiguity from seq 1', () => {
    expect(highestContiguousSeq([wireMessage({ seq: 2 }), wireMessage({ seq: 3 })])).toBe(0)
  })
})
