// @vitest-environment happy-dom
/**
 * The widget under the line's off-hours rule (issue 4, item 2): the server says `line.offHours`
 * while the line is closed; "form" swaps chat for the off-hours form, "hide" shows no launcher.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { testConfig } from '../app/test-config.ts'
import { type BootEnv, boot } from '../boot/boot.ts'
import type { WidgetConfig } from '../host-contract.ts'
import { channelFormId, orderChannels } from './order.ts'

const closed = (offHours: 'chat' | 'form' | 'hide') => ({
  line: { open: false, nextOpening: null, estimatedWaitMinutes: null, offHours },
})

describe('orderChannels under the off-hours rule', () => {
  it.each([
    // [enabled, channel settings, expected]
    [['chat'], {}, ['callback']],
    [['chat'], { formId: 'f1' }, ['form']],
    [['chat'], { offHoursFormId: 'off' }, ['form']],
    [['chat', 'callback'], {}, ['callback']],
    [['chat', 'form'], { formId: 'f1' }, ['form']],
    [['callback', 'chat'], { offHoursFormId: 'off' }, ['callback', 'form']],
    [['chat', 'callback', 'form'], { formId: 'f1' }, ['form', 'callback']],
  ])('form: %j with %j → %j', (enabled, extra, expected) => {
    const config = testConfig({ channels: { enabled, ...extra } }, closed('form'))
    expect(orderChannels(config)).toEqual(expected)
  })

  it('chat (accept and auto-reply) and hide keep the closed-line order', () => {
    const channels = { enabled: ['chat', 'callback'] }
    expect(orderChannels(testConfig({ channels }, closed('chat')))).toEqual(['callback', 'chat'])
    expect(orderChannels(testConfig({ channels }, closed('hide')))).toEqual(['callback', 'chat'])
  })
})

describe('channelFormId', () => {
  it('is the off-hours form only while the line is closed under "form"', () => {
    const channels = { enabled: ['chat', 'form'], formId: 'f1', offHoursFormId: 'off' }
    expect(channelFormId(testConfig({ channels }))).toBe('f1')
    expect(channelFormId(testConfig({ channels }, closed('chat')))).toBe('f1')
    expect(channelFormId(testConfig({ channels }, closed('form')))).toBe('off')
  })

  it('falls back to the widget form, else none', () => {
    expect(channelFormId(testConfig({ channels: { formId: 'f1' } }, closed('form')))).toBe('f1')
    expect(channelFormId(testConfig({}, closed('form')))).toBeUndefined()
  })
})

describe('the loader under "hide the widget"', () => {
  afterEach(() => {
    document.body.innerHTML = ''
    delete (window as { Openline?: unknown }).Openline
  })

  async function booted(config: WidgetConfig): Promise<HTMLElement> {
    const env: BootEnv = {
      window: {
        setTimeout: () => 0,
        requestIdleCallback: () => 0,
        addEventListener: () => {},
      } as unknown as BootEnv['window'],
      document,
      scriptUrl: 'https://chat.example/widget/loader.js',
      locale: 'en',
      loadRules: () => import('../rules/index.ts'),
      loadApp: () => new Promise(() => {}),
      fetch: async () => ({ ok: true, status: 200, json: async () => structuredClone(config) }),
    }
    // The loader appends its host element once it has decided whether it shows.
    const appended = new Promise<HTMLElement>((resolve) => {
      const observer = new MutationObserver(() => {
        const host = document.querySelector<HTMLElement>('openline-widget')
        if (host) resolve(host)
        if (host) observer.disconnect()
      })
      observer.observe(document.documentElement, { childList: true, subtree: true })
    })
    const stub = Object.assign(() => {}, { q: [['init', { widgetId: 'w1' }]] })
    boot({ ...env, window: { ...env.window, Openline: stub } })
    return appended
  }

  it('shows no launcher while the line is closed under "hide"', async () => {
    const host = await booted(testConfig({}, closed('hide')))
    expect(host.style.getPropertyValue('display')).toBe('none')
  })

  it('shows it while open, and while closed under the other rules', async () => {
    expect((await booted(testConfig())).style.getPropertyValue('display')).toBe('block')
    document.body.innerHTML = ''
    delete (window as { Openline?: unknown }).Openline
    expect((await booted(testConfig({}, closed('form')))).style.getPropertyValue('display')).toBe('block')
  })

  it('"hide" wins over display rules that would show it', async () => {
    const host = await booted(testConfig({ displayRules: {} }, closed('hide')))
    expect(host.style.getPropertyValue('display')).toBe('none')
  })
})
