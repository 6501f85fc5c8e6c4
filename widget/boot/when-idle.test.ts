import { describe, expect, it } from 'vitest'
import { type LoaderWindow, whenIdle } from './when-idle.ts'

function fakeWindow(withIdleCallback: boolean) {
  const log: string[] = []
  let onLoad: (() => void) | undefined
  const win: LoaderWindow = {
    setTimeout: (fn, ms) => log.push(`timeout ${ms}`) && fn,
    addEventListener: (_type, listener) => {
      onLoad = listener
    },
  }
  if (withIdleCallback) win.requestIdleCallback = (fn, options) => log.push(`idle ${options?.timeout}`) && fn
  return { win, log, load: () => onLoad?.() }
}

describe('whenIdle', () => {
  it('waits for the load event, then for an idle period', () => {
    const { win, log, load } = fakeWindow(true)
    whenIdle(win, { readyState: 'interactive' }, () => {})
    expect(log).toEqual([])
    load()
    expect(log).toEqual(['idle 4000'])
  })

  it('falls back to a timeout where requestIdleCallback is missing', () => {
    const { win, log } = fakeWindow(false)
    whenIdle(win, { readyState: 'complete' }, () => {})
    expect(log).toEqual(['timeout 1500'])
  })
})
