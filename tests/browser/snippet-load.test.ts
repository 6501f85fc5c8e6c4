/**
 * Issue "Chat end to end", item 1: "the loader never delays the host page's load event and replays
 * the queued calls when ready". The loader's response is held back until the test lets it go: if the
 * snippet put the loader on the page's load path, the `load` wait below could never finish.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loaderUrl, renderSnippet } from '../../embed-snippet/index.ts'
import { hasChromium } from '../support/browser.ts'
import { useBrowserSuite } from '../support/browser-suite.ts'
import { type HostSite, startHostSite } from '../support/host-site.ts'

describe.skipIf(!hasChromium)('the embed snippet in a real browser', () => {
  const suite = useBrowserSuite()
  let site: HostSite

  beforeAll(async () => {
    const snippet = renderSnippet({ publicUrl: suite.server.url, widgetId: suite.server.demo.widgetId })
    // The page calls the API before the loader can exist: the call waits in the snippet's queue.
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head>
<body><h1>Shop</h1>${snippet}<script>Openline('open')</script></body></html>`
    site = await startHostSite({ '/': { html } })
  })
  afterAll(async () => {
    await site?.close()
  })

  it('lets the page finish loading while the loader is still on its way, then replays the queued calls', async () => {
    const page = await (await suite.context()).newPage()
    const loader = loaderUrl(suite.server.url)
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    let requested = false
    await page.route(loader, async (route) => {
      requested = true
      await held
      await route.continue()
    })

    await page.goto(site.url, { waitUntil: 'load' })
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
      return {
        loadEventStart: nav.loadEventStart,
        queued: (window as { Openline?: { q?: unknown[] } }).Openline?.q?.length,
      }
    })
    expect(timing.loadEventStart).toBeGreaterThan(0)
    // init + open, both waiting for the loader.
    expect(timing.queued).toBe(2)

    release()
    await page.getByTestId('openline-input').waitFor()
    expect(requested).toBe(true)
    const loaderStart = await page.evaluate(
      (url) =>
        (performance.getEntriesByName(url)[0] as PerformanceResourceTiming | undefined)?.startTime ?? -1,
      loader,
    )
    expect(loaderStart).toBeGreaterThanOrEqual(timing.loadEventStart)
  })
})
