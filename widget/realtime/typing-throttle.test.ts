import { describe, expect, it } from 'vitest'
import { fakeClock } from './test-doubles.ts'
import { createTypingThrottle } from './typing-throttle.ts'

function setup() {
  const clock = fakeClock()
  const sent: boolean[] = []
  const throttle = createTypingThrottle({ timers: clock, now: clock.now, send: (t) => sent.push(t) })
  return { clock, sent, throttle }
}

describe('createTypingThrottle', () => {
  it('sends "typing" at most every 3 s while keys keep coming', () => {
    const { clock, sent, throttle } = setup()
    for (let i = 0; i < 10; i++) {
      throttle.input()
      clock.advance(500)
    }
    expect(sent).toEqual([true, true])
  })

  it('sends "stopped" after a 4 s pause, once', () => {
    const { clock, sent, throttle } = setup()
    throttle.input()
    clock.advance(3999)
    expect(sent).toEqual([true])
    clock.advance(1)
    expect(sent).toEqual([true, false])
    clock.advance(10_000)
    expect(sent).toEqual([true, false])
  })

  it('stops at once on stop() and stays quiet after reset()', () => {
    const { clock, sent, throttle } = setup()
    throttle.input()
    throttle.stop()
    throttle.stop()
    expect(sent).toEqual([true, false])
    throttle.input()
    throttle.reset()
    clock.advance(10_000)
    expect(sent).toEqual([true, false, true])
  })
})
