// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testConfig } from '../app/test-config.ts'
import type { WidgetApp, WidgetConfig, WidgetHost } from '../host-contract.ts'
import { settle } from '../realtime/test-doubles.ts'
import { type BootEnv, boot, type OpenlineFunction } from './boot.ts'

const config: WidgetConfig = testConfig({
  color: '#ffcc00',
  position: 'bottom-left',
  launcherLabel: 'Talk to us',
})

/** What the inline snippet leaves behind before the loader arrives. */
function snippetStub(...calls: unknown[][]): OpenlineFunction {
  const queue: unknown[][] = []
  const stub: OpenlineFunction = (...args: unknown[]) => void queue.push(args)
  stub.q = queue
  for (const call of calls) stub(call[0], ...call.slice(1))
  return stub
}

function setup(stub?: OpenlineFunction) {
  const idle: (() => void)[] = []
  const timeouts: (() => void)[] = []
  const win: BootEnv['window'] = {
    Openline: stub,
    setTimeout: (fn: () => void) => timeouts.push(fn),
    requestIdleCallback: (fn: () => void) => idle.push(fn),
    addEventListener: () => {
      throw new Error('happy-dom reports readyState "complete": no load listener expected')
    },
  }
  const calls: unknown[][] = []
  const fetched: string[] = []
  let host: WidgetHost | undefined
  let imports = 0
  const app: WidgetApp = {
    open: () => calls.push(['open']),
    close: () => calls.push(['close']),
    toggle: () => calls.push(['toggle']),
    on: (event) => calls.push(['on', event]),
    identify: async (traits) => void calls.push(['identify', traits]),
    show: (channel) => calls.push(['show', channel]),
    prefill: (values) => calls.push(['prefill', values]),
    setLocale: async (code) => void calls.push(['setLocale', code]),
    page: (url) => calls.push(['page', url]),
  }
  const env: BootEnv = {
    window: win,
    document,
    scriptUrl: 'https://chat.example/widget/loader.js',
    locale: 'pl-PL',
    loadRules: () => import('../rules/index.ts'),
    loadApp: async () => {
      imports++
      return {
        start(h) {
          host = h
          return app
        },
      }
    },
    fetch: async (url) => {
      fetched.push(url)
      return { ok: true, status: 200, json: async () => structuredClone(config) }
    },
  }
  return { env, win, idle, timeouts, calls, fetched, host: () => host, imports: () => imports }
}

/** Observe attachShadow to see every shadow root the loader creates, and with which options. */
const shadows: ShadowRoot[] = []
const originalAttachShadow = Element.prototype.attachShadow
beforeEach(() => {
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = originalAttachShadow.call(this, init)
    shadows.push(root)
    return root
  }
})
afterEach(() => {
  Element.prototype.attachShadow = originalAttachShadow
  shadows.length = 0
  document.body.innerHTML = ''
})

describe('boot', () => {
  it('replays the queued commands once the panel chunk is ready', async () => {
    const t = setup(snippetStub(['init', { widgetId: 'w1' }], ['open'], ['on', 'message', () => {}]))
    boot(t.env)
    expect(t.win.Openline?.loaded).toBe(true)
    await settle()
    expect(t.fetched).toEqual(['https://chat.example/api/widgets/w1/config?locale=pl-PL'])
    expect(t.calls).toEqual([['open'], ['on', 'message']])
    t.win.Openline!('identify', { name: 'Ada' })
    await settle()
    expect(t.calls.at(-1)).toEqual(['identify', { name: 'Ada' }])
    expect(t.imports()).toBe(1)
  })

  it('builds one host element with an open shadow root, reset and on top of the page', async () => {
    const t = setup(snippetStub(['init', { widgetId: 'w1' }]))
    boot(t.env)
    await settle()
    const hosts = document.querySelectorAll('openline-widget')
    expect(hosts).toHaveLength(1)
    const host = hosts[0] as HTMLElement
    expect(host.shadowRoot).toBe(shadows[0])
    expect(shadows).toHaveLength(1)
    const style = host.getAttribute('style')
    expect(style).toContain('all: initial !important')
    expect(style).toContain('position: fixed !important')
    expect(style).toContain('z-index: 2147483647 !important')
    expect(style).toContain('--ol-color: #ffcc00')
    expect(style).toContain('--ol-on-color: #000000')
    const [shadow] = shadows
    expect(shadow?.adoptedStyleSheets.length).toBe(1)
    expect(shadow?.querySelector('style')).toBeNull()
    expect(shadow?.querySelector('[data-pos="bottom-left"]')).not.toBeNull()
  })

  it("is out of reach of the host page's styles", async () => {
    const pageStyle = document.createElement('style')
    pageStyle.textContent =
      'openline-widget { display: none !important; position: static !important } * { all: unset } button { display: none !important }'
    document.head.append(pageStyle)
    try {
      const t = setup(snippetStub(['init', { widgetId: 'w1' }]))
      boot(t.env)
      await settle()
      const host = document.querySelector('openline-widget')!
      expect(getComputedStyle(host).display).toBe('block')
      expect(getComputedStyle(host).position).toBe('fixed')
      const launcher = shadows[0]!.querySelector('button')!
      expect(getComputedStyle(launcher).display).toBe('flex')
    } finally {
      pageStyle.remove()
    }
  })

  it('renders an accessible launcher and imports the panel on the first click', async () => {
    const t = setup(snippetStub(['init', { widgetId: 'w1' }]))
    boot(t.env)
    await settle()
    const launcher = shadows[0]!.querySelector('button')!
    expect(launcher.getAttribute('aria-label')).toBe('Talk to us')
    expect(launcher.getAttribute('aria-expanded')).toBe('false')
    expect(launcher.type).toBe('button')
    expect(t.imports()).toBe(0)
    launcher.click()
    await settle()
    expect(t.imports()).toBe(1)
    expect(t.calls).toEqual([['toggle']])
    expect(t.host()?.launcher).toBe(launcher)
  })

  it('imports the panel when the browser is idle after load', async () => {
    const t = setup(snippetStub(['init', { widgetId: 'w1' }]))
    boot(t.env)
    expect(t.idle).toHaveLength(1)
    t.idle[0]!()
    await settle()
    expect(t.imports()).toBe(1)
    t.host()!.setUnread(3)
    t.host()!.setLabel('Napisz', 'Napisz (3)')
    const launcher = shadows[0]!.querySelector('button')!
    expect(launcher.getAttribute('aria-label')).toBe('Napisz (3)')
    expect(launcher.querySelector('.t')?.textContent).toBe('Napisz')
    expect(shadows[0]!.querySelector('[data-testid="openline-unread"]')?.textContent).toBe('3')
  })

  it('throws on an unknown command, saying what it expected', () => {
    const t = setup(snippetStub(['init', { widgetId: 'w1' }], ['explode'], ['open']))
    boot(t.env)
    expect(() => t.win.Openline!('shout')).toThrow(
      'Openline: unknown command shout; expected init,open,close,toggle,on,identify,show,prefill,setLocale,page',
    )
    // A queued mistake is reported without stopping the calls after it.
    expect(t.timeouts).toHaveLength(1)
    expect(t.timeouts[0]!).toThrow('unknown command explode')
  })

  it('reads the widget id from the script tag when there is no inline snippet (strict CSP)', async () => {
    const tag = document.createElement('script')
    tag.setAttribute('data-openline-widget', 'w9')
    document.body.append(tag)
    const t = setup()
    boot(t.env)
    await settle()
    expect(t.fetched).toEqual(['https://chat.example/api/widgets/w9/config?locale=pl-PL'])
    expect(typeof t.win.Openline).toBe('function')
  })

  it('refuses to start without a widget id', () => {
    expect(() => boot(setup().env)).toThrow(/no widget id/)
  })

  it('runs once even if the loader is included twice, and defines no other globals', async () => {
    const before = Object.keys(globalThis)
    const t = setup(snippetStub(['init', { widgetId: 'w1' }]))
    boot(t.env)
    const api = t.win.Openline
    boot(t.env)
    await settle()
    expect(t.win.Openline).toBe(api)
    expect(document.querySelectorAll('openline-widget')).toHaveLength(1)
    expect(Object.keys(globalThis)).toEqual(before)
    expect(Object.keys(t.win).sort()).toEqual([
      'Openline',
      'addEventListener',
      'requestIdleCallback',
      'setTimeout',
    ])
  })

  it('forwards the issue-5 commands, and runs them synchronously once the app is there', async () => {
    const t = setup(
      snippetStub(['init', { widgetId: 'w1' }], ['show', 'callback'], ['prefill', { name: 'Ada' }]),
    )
    boot(t.env)
    await settle()
    expect(t.calls).toEqual([
      ['show', 'callback'],
      ['prefill', { name: 'Ada' }],
    ])
    t.win.Openline!('setLocale', 'ru')
    t.win.Openline!('page', '/cart')
    expect(t.calls.slice(2)).toEqual([
      ['setLocale', 'ru'],
      ['page', '/cart'],
    ])
  })

  it('passes the colours and icon the server chose; "none" leaves the icon out', async () => {
    const t = setup(snippetStub(['init', { widgetId: 'w1' }]))
    t.env.fetch = async () => ({
      ok: true,
      status: 200,
      json: async () => testConfig({ launcherIcon: 'none' }),
    })
    boot(t.env)
    await settle()
    const host = document.querySelector('openline-widget') as HTMLElement
    expect(host.style.getPropertyValue('--ol-on-color')).toBe('#ffffff')
    expect(shadows[0]!.querySelector('svg')).toBeNull()
    expect(shadows[0]!.querySelector('.t')?.textContent).toBe('Chat')
  })

  it('with display rules, shows nothing until the rules chunk decides; the host page reaches it through page()', async () => {
    const t = setup(snippetStub(['init', { widgetId: 'w1' }]))
    let rulesLoaded = 0
    const pages: string[] = []
    const shown: boolean[] = []
    t.env.fetch = async () => ({
      ok: true,
      status: 200,
      json: async () => testConfig({ displayRules: { exclude: ['/secret'] } }),
    })
    t.env.loadRules = async () => {
      rulesLoaded++
      return {
        startRules: (h) => {
          expect(h.root.isConnected).toBe(false)
          return (url) => {
            pages.push(url)
            h.show(!url.endsWith('/secret'))
            shown.push(!url.endsWith('/secret'))
          }
        },
      }
    }
    boot(t.env)
    await settle()
    expect(rulesLoaded).toBe(1)
    expect(pages).toEqual([document.URL])
    const host = document.querySelector('openline-widget') as HTMLElement
    expect(host.style.getPropertyValue('display')).toBe('block')
    t.idle[0]!()
    await settle()
    t.host()!.page('https://shop.example/secret')
    expect(host.style.getPropertyValue('display')).toBe('none')
  })
})
