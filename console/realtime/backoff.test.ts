import { describe, expect, it } from 'vitest'
import { backoffDelay } from './backoff.ts'

const policy = { baseMs: 100, maxMs: 1000 }

describe('backoffDelay', () => {
  it('doubles per attempt between half and all of the ceiling', () => {
    expect(backoffDelay(0, () => 0, policy)).toBe(50)
    expect(backoffDelay(0, () => 1, policy)).toBe(100)
    expect(backoffDelay(2, () => 0, policy)).toBe(200)
    expect(backoffDelay(2, () => 1, policy)).toBe(400)
  })

  it('is capped', () => {
    expect(backoffDelay(50, () => 1, policy)).toBe(1000)
    expect(backoffDelay(50, () => 0, policy)).toBe(500)
  })
})
