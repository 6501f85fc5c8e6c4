// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { loaderUrl, renderExternalSnippet, renderSnippet } from './render-snippet.ts'

interface FakeScript {
  tag: string
  type?: string
  async?: boolean
  src?: string
}

type Stub = ((...args: unknown[]) => void) & { q?: ArrayLike<unknown>[] }

/** Runs the snippet's inline script against a fake page that has or has not finished loading. */
function runSnippet(html: string, readyState: DocumentReadyState) {
  const code = /<script>([\s\S]*)<\/script>/.exec(html)?.[1]
  if (!code) throw new Error('no inline script in the snippet')
  const injected: FakeScript[] = []
  const listeners: Record<string, () => void> = {}
  const fakeWindow: { Openline?: Stub; addEventListener(type: string, fn: () => void): void } = {
    addEventListener: (type, fn) => {
      listeners[type] = fn
    },
  }
  const fakeDocument = {
    readyState,
    head: { appendChild: (el: FakeScript) => injected.push(el) },
    createElement: (tag: string): FakeScript => ({ tag }),
  }
  new Function('window', 'document', code)(fakeWindow, fakeDocument)
  const queue = () =>
    Array.from(fakeWindow.Openline?.q ?? [], (args) => Array.from(args as ArrayLike<unknown>))
  return { window: fakeWindow, injected, queue, fireLoad: () => listeners.load?.() }
}

describe('renderSnippet', () => {
  const html = renderSnippet({ publicUrl: 'https://chat.example.com', widgetId: 'w_123' })

  it('queues calls before the loader arrives and injects it only after the load event', () => {
    const page = runSnippet(html, 'loading')
    expect(page.queue()).toEqual([['init', { widgetId: 'w_123' }]])
    page.window.Openline!('open')
    expect(page.queue()).toEqual([['init', { widgetId: 'w_123' }], ['open']])
    expect(page.injected).toEqual([])

    page.fireLoad()
    expect(page.injected).toEqual([
      { tag: 'script', type: 'module', async: true, src: 'https://chat.example.com/widget/loader.js' },
    ])
  })

  it('injects at once when the page has already loaded', () => {
    const page = runSnippet(html, 'complete')
    expect(page.injected).toHaveLength(1)
    expect(page.injected[0]?.src).toBe('https://chat.example.com/widget/loader.js')
  })

  it('keeps a queue that is already there (snippet pasted twice)', () => {
    const code = /<script>([\s\S]*)<\/script>/.exec(html)![1]!
    const injected: unknown[] = []
    const win: { Openline?: Stub; addEventListener(): void } = { addEventListener: () => {} }
    const doc = {
      readyState: 'loading',
      head: { appendChild: (el: unknown) => injected.push(el) },
      createElement: () => ({}),
    }
    new Function('window', 'document', code)(win, doc)
    new Function('window', 'document', code)(win, doc)
    expect(win.Openline?.q).toHaveLength(2)
  })

  it('cannot be broken out of by the values it embeds', () => {
    const evil = renderSnippet({
      publicUrl: 'https://chat.example.com/',
      widgetId: '"</script><script>alert(1)//',
    })
    expect(evil.match(/<\/script>/g)).toHaveLength(1)
    expect(runSnippet(evil, 'loading').queue()).toEqual([
      ['init', { widgetId: '"</script><script>alert(1)//' }],
    ])
  })

  it('refuses what is not a usable server URL or widget id', () => {
    expect(() => renderSnippet({ publicUrl: 'javascript:alert(1)', widgetId: 'w' })).toThrow(/http\(s\) URL/)
    expect(() => renderSnippet({ publicUrl: '/relative', widgetId: 'w' })).toThrow(/http\(s\) URL/)
    expect(() => renderSnippet({ publicUrl: 'https://chat.example.com', widgetId: '' })).toThrow(/widgetId/)
  })
})

describe('renderExternalSnippet', () => {
  it('is a single external module script carrying the widget id (no inline code for strict CSPs)', () => {
    const html = renderExternalSnippet({ publicUrl: 'https://chat.example.com/base', widgetId: 'w"1' })
    const holder = document.createElement('div')
    holder.innerHTML = html
    const scripts = holder.querySelectorAll('script')
    expect(scripts).toHaveLength(1)
    const script = scripts[0]!
    expect(script.getAttribute('type')).toBe('module')
    expect(script.getAttribute('src')).toBe('https://chat.example.com/base/widget/loader.js')
    expect(script.getAttribute('data-openline-widget')).toBe('w"1')
    expect(script.hasAttribute('async')).toBe(true)
    expect(script.textContent).toBe('')
  })
})

describe('loaderUrl', () => {
  it('keeps a path prefix and drops query and fragment', () => {
    expect(loaderUrl('https://example.com/chat?x=1#y')).toBe('https://example.com/chat/widget/loader.js')
    expect(loaderUrl('http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080/widget/loader.js')
  })
})
