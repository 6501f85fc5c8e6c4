/**
 * Issue "Chat end to end", isolation both ways: on host pages that do their worst — global resets
 * with !important, patched built-ins, a strict Content-Security-Policy that allows only the Openline
 * origin — the widget still opens and delivers a message, and it changes nothing of the page.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderExternalSnippet, renderSnippet } from '../../embed-snippet/index.ts'
import { hasChromium, launchBrowser } from '../support/browser.ts'
import { type HostSite, startHostSite } from '../support/host-site.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'
import { createTestWidget } from '../support/widget-fixtures.ts'
import { openWidget, sendFromWidget, widgetMessage } from '../support/widget-page.ts'

const RESETS = `<style>
  * { all: unset !important; }
  div, button, input, textarea, svg, span, ul, li, form, p, time {
    display: none !important; visibility: hidden !important; opacity: 0 !important;
    color: red !important; font-size: 3px !important; width: 1px !important; height: 1px !important;
  }
  html, body { display: block !important; }
  #page-button { display: inline-block !important; visibility: visible !important; opacity: 1 !important; }
</style>`

// What real pages do: Prototype.js' Array#toJSON, enumerable prototype extensions, a JSON.stringify
// replaced with something incompatible, a Promise library swapped in for the native one.
const PATCHES = `<script>
  Array.prototype.toJSON = function () { return 'array-mangled-by-host' };
  Array.prototype.hostHelper = function () { return 'host' };
  Object.prototype.hostObjectHelper = function () { return 'host' };
  JSON.stringify = function () { return '"stringify-replaced-by-host"' };
  var NativePromise = window.Promise;
  window.Promise = function HostPromise(executor) { return new NativePromise(executor) };
  window.Promise.resolve = function () { throw new Error('host Promise.resolve') };
  window.Promise.all = function () { throw new Error('host Promise.all') };
</script>`

function page(head: string, snippet: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>${head}</head>
<body><h1>Host page</h1><button id="page-button">Page button</button>${snippet}</body></html>`
}

describe.skipIf(!hasChromium)('the widget on hostile host pages', () => {
  let server: TestServer
  let site: HostSite
  let browser: Browser
  let panelsWidgetId: string

  beforeAll(async () => {
    server = await startTestServer()
    const options = { publicUrl: server.url, widgetId: server.demo.widgetId }
    // Issue 5: the callback and form panels post JSON too (the widget's own encoder, never the page's).
    const { workspaceId } = (await server.store.findWidget(server.demo.widgetId))!
    const form = await server.store.createForm({
      workspaceId,
      name: 'Hostile',
      enabled: true,
      now: Date.now(),
      definition: {
        version: 1,
        sections: [
          {
            key: 's',
            fields: [
              {
                key: 'topics',
                type: 'checkboxes',
                label: 'Topics',
                options: [
                  { value: 'a', label: 'Alpha' },
                  { value: 'b', label: 'Beta' },
                ],
              },
            ],
          },
        ],
      },
    })
    panelsWidgetId = await createTestWidget(server, {
      channels: { enabled: ['callback', 'form'], formId: form.id },
    })
    const openline = server.url
    const csp = [
      "default-src 'none'",
      `script-src ${openline}`,
      `connect-src ${openline} ${openline.replace(/^http/, 'ws')}`,
      `style-src ${openline}`,
      `img-src ${openline} data:`,
      `font-src ${openline}`,
    ].join('; ')
    site = await startHostSite({
      '/resets': { html: page(RESETS, renderSnippet(options)) },
      '/patched': { html: page(PATCHES, renderSnippet(options)) },
      '/patched-panels': {
        html: page(PATCHES, renderSnippet({ publicUrl: server.url, widgetId: panelsWidgetId })),
      },
      '/csp': { html: page('', renderExternalSnippet(options)), headers: { 'content-security-policy': csp } },
      '/plain': { html: page('', renderSnippet(options)) },
    })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await site?.close()
    await server?.stop()
  })

  async function visit(path: string): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext()
    context.setDefaultTimeout(8_000)
    const p = await context.newPage()
    const errors: string[] = []
    p.on('pageerror', (e) => errors.push(e.message))
    await p.addInitScript(() => {
      const seen: string[] = []
      ;(window as unknown as { __cspViolations: string[] }).__cspViolations = seen
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective} ${e.blockedURI}`),
      )
    })
    await p.goto(`${site.url}${path}`)
    return { page: p, errors }
  }

  async function chatWorks(p: Page, text: string): Promise<void> {
    await openWidget(p)
    const input = p.getByTestId('openline-input')
    const box = await input.boundingBox()
    expect(box?.width).toBeGreaterThan(100)
    expect(await input.evaluate((el) => getComputedStyle(el).color)).not.toBe('rgb(255, 0, 0)')
    await sendFromWidget(p, text)
    await widgetMessage(p, text, 'arrived').waitFor()
  }

  it('survives global resets with !important on every element', async () => {
    const { page: p, errors } = await visit('/resets')
    const launcher = await p.getByTestId('openline-launcher').boundingBox()
    expect(launcher?.width).toBeGreaterThanOrEqual(44)
    await chatWorks(p, 'Hello through the resets')
    expect(errors).toEqual([])
  })

  it('survives patched Array.prototype, JSON.stringify and Promise', async () => {
    const { page: p, errors } = await visit('/patched')
    await chatWorks(p, 'Hello despite the patches')
    // The frame went over the wire intact: the server stored exactly the text.
    const { workspaceId } = (await server.store.findWidget(server.demo.widgetId))!
    const conversations = await server.store.listConversations(workspaceId)
    const stored = await Promise.all(conversations.map((c) => server.store.listMessages(workspaceId, c.id)))
    const bodies = stored.flat().map((m) => m.body)
    expect(bodies).toContain('Hello despite the patches')
    expect(errors).toEqual([])
  })

  it('sends callback requests and forms intact under patched JSON.stringify and Array#toJSON', async () => {
    const { page: p, errors } = await visit('/patched-panels')
    await p.getByTestId('openline-launcher').click()
    await p.getByRole('button', { name: 'Request a call back' }).click()
    await p.getByLabel('Your name').fill('Anna "quoted" Nowak')
    await p.getByLabel('Phone number').fill('+48 601 234 567')
    await p.getByRole('button', { name: 'Call me back' }).click()
    await p.getByText(/^Thank you! We will call you/).waitFor()
    await p.getByRole('button', { name: 'Back' }).click()
    await p.getByRole('button', { name: 'Send us a message' }).click()
    await p.getByLabel('Alpha').check()
    await p.getByLabel('Beta').check()
    await p.getByRole('button', { name: 'Send' }).click()
    await p.getByText('Thank you! We have received your message.').waitFor()
    const { workspaceId } = (await server.store.findWidget(panelsWidgetId))!
    expect(await server.store.listCallbacks(workspaceId)).toMatchObject([
      { name: 'Anna "quoted" Nowak', phone: '+48601234567' },
    ])
    const [submission] = await server.store.listFormSubmissions(workspaceId, { limit: 5 })
    expect(submission?.values).toEqual({ topics: ['a', 'b'] })
    expect(errors).toEqual([])
  })

  it('works under a strict CSP that allows only the Openline origin, without violations', async () => {
    const { page: p, errors } = await visit('/csp')
    await chatWorks(p, 'Hello under CSP')
    const violations = await p.evaluate(
      () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
    )
    expect(violations).toEqual([])
    expect(errors).toEqual([])
  })

  it('leaves the host page as it was: styles, globals and layout', async () => {
    const context = await browser.newContext()
    const p = await context.newPage()
    // Record the page before the loader runs (it is injected after `load`, so block it first).
    await p.route('**/widget/loader.js', (route) => route.abort())
    await p.goto(`${site.url}/plain`)
    const before = await snapshotPage(p)
    await p.unroute('**/widget/loader.js')
    await p.reload()
    await p.getByTestId('openline-launcher').waitFor()
    await openWidget(p)
    const after = await snapshotPage(p)
    expect(after.buttonStyle).toEqual(before.buttonStyle)
    expect(after.bodyStyle).toEqual(before.bodyStyle)
    // The snippet itself defines `Openline` (the command queue); the loader adds nothing else.
    expect(before.globals).toContain('Openline')
    expect(after.globals.filter((g) => !before.globals.includes(g))).toEqual([])
    expect(after.headStyles).toBe(before.headStyles)
    await context.close()
  })
})

async function snapshotPage(p: Page) {
  return p.evaluate(() => {
    const pick = (el: Element) => {
      const s = getComputedStyle(el)
      return [
        s.fontFamily,
        s.fontSize,
        s.color,
        s.backgroundColor,
        s.margin,
        s.padding,
        s.display,
        s.boxSizing,
      ].join('|')
    }
    return {
      buttonStyle: pick(document.getElementById('page-button')!),
      bodyStyle: pick(document.body),
      globals: Object.keys(window),
      headStyles: document.querySelectorAll('head style, head link[rel=stylesheet]').length,
    }
  })
}
