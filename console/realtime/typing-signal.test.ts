import { describe, expect, it } from 'vitest'
import { idleTyping, nextTypingSignal, TYPING_RESEND_MS } from './typing-signal.ts'

describe('typing signal', () => {
  it('sends true once per interval while typing, false on stop', () => {
    const first = nextTypingSignal(idleTyping, { kind: 'input', now: 1000 })
    expect(first.send).toBe(true)
    const again = nextTypingSignal(first.state, { kind: 'input', now: 1000 + TYPING_RESEND_MS - 1 })
    expect(again.send).toBeNull()
    const later = nextTypingSignal(again.state, { kind: 'input', now: 1000 + TYPING_RESEND_MS })
    expect(later.send).toBe(true)
    const stop = nextTypingSignal(later.state, { kind: 'stop' })
    expect(stop.send).toBe(false)
    expect(nextTypingSignal(stop.state, { kind: 'stop' }).send).toBeNull()
  })
})
