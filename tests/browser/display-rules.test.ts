/**
 * Issue 5, item 5: display rules in a real browser — an excluded page shows nothing, the delay, a
 * phone-only rule, and an SPA's `Openline('page', url)` re-evaluating the rules (nothing polls).
 */
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { hasChromium } from '../support/browser.ts'
import { useBrowserSuite } from '../support/browser-suite.ts'
import type { HostSite } from '../support/host-site.ts'
import { createTestWidget, hostWidget } from '../support/widget-fixtures.ts'

/** The loader appends its element only after the rules ran: from then on, "hidden" is a decision. */
async function widgetDecided(page: Page) {
  await page.locator('openline-widget').waitFor({ state: 'attached' })
  return page.getByTestId('openline-launcher')
}

describe.skipIf(!hasChromium)('display rules', () => {
  const suite = useBrowserSuite()
  let site: HostSite | undefined
  afterEach(async () => {
    await site?.close()
    site = undefined
  })

  async function visit(rules: object, path: string, options = {}) {
    const widgetId = await createTestWidget(suite.server, { displayRules: rules })
    site = await hostWidget(suite.server, widgetId, ['/shop', '/private/account', '/cart'])
    const page = await (await suite.context(options)).newPage()
    await page.goto(`${site.url}${path}`)
    return page
  }

  it('an excluded page shows nothing; an included one shows the launcher', async () => {
    const page = await visit({ exclude: ['/private/*'] }, '/private/account')
    const launcher = await widgetDecided(page)
    expect(await launcher.isVisible()).toBe(false)
    await page.goto(`${site!.url}/shop`)
    await (await widgetDecided(page)).waitFor({ state: 'visible' })
  })

  it('waits for the delay before showing the launcher', async () => {
    const page = await visit({ delaySeconds: 1 }, '/shop')
    const launcher = await widgetDecided(page)
    expect(await launcher.isVisible()).toBe(false)
    await launcher.waitFor({ state: 'visible' })
  })

  it('a phone-only rule: hidden on a desktop, shown in a phone viewport', async () => {
    const desktop = await visit({ device: 'phone' }, '/shop')
    expect(await (await widgetDecided(desktop)).isVisible()).toBe(false)
    const phone = await (
      await suite.context({ viewport: { width: 375, height: 667 }, isMobile: true })
    ).newPage()
    await phone.goto(`${site!.url}/shop`)
    await (await widgetDecided(phone)).waitFor({ state: 'visible' })
  })

  it("an SPA's page call re-evaluates the rules; the proactive welcome opens the chat", async () => {
    const page = await visit(
      { exclude: ['/private/*'], proactive: [{ page: '/shop', message: 'Need a hand with sizes?' }] },
      '/shop',
    )
    const launcher = await widgetDecided(page)
    await launcher.waitFor({ state: 'visible' })
    await page.getByText('Need a hand with sizes?').waitFor()
    const navigate = (path: string) =>
      page.evaluate((p) => {
        history.pushState({}, '', p)
        ;(window as unknown as { Openline: (...a: unknown[]) => void }).Openline('page', p)
      }, path)
    await navigate('/private/account')
    await launcher.waitFor({ state: 'hidden' })
    await navigate('/cart')
    await launcher.waitFor({ state: 'visible' })
    expect(await page.getByText('Need a hand with sizes?').count()).toBe(0)
    await navigate('/shop')
    await page.getByText('Need a hand with sizes?').click()
    await page.getByTestId('openline-input').waitFor()
  })
})
