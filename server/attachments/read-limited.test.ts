import { describe, expect, it } from 'vitest'
import { readLimited, TooLargeError } from './read-limited.ts'

/** A stream that counts how much of it was pulled, to prove the read stops early. */
function counted(chunks: number, size: number) {
  let pulled = 0
  let cancelled = false
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close()
      pulled++
      controller.enqueue(new Uint8Array(size).fill(7))
    },
    cancel() {
      cancelled = true
    },
  })
  return { stream, pulled: () => pulled, cancelled: () => cancelled }
}

describe('readLimited', () => {
  it('reads a body within the limit', async () => {
    const s = counted(3, 10)
    const bytes = await readLimited(s.stream, 30)
    expect(bytes).toHaveLength(30)
  })
  it('stops at the first chunk past the limit and cancels the stream', async () => {
    const s = counted(1000, 1024)
    await expect(readLimited(s.stream, 4096)).rejects.toBeInstanceOf(TooLargeError)
    expect(s.pulled()).toBeLessThan(10)
    expect(s.cancelled()).toBe(true)
  })
  it('refuses a declared length over the limit without reading', async () => {
    const s = counted(10, 10)
    await expect(readLimited(s.stream, 50, 100)).rejects.toBeInstanceOf(TooLargeError)
    expect(s.pulled()).toBeLessThanOrEqual(1)
  })
})
