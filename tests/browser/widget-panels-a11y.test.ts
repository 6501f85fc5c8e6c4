/**
 * Issue 5, done-when: "dark mode; axe-core reports no violations on every panel". Every panel the
 * visitor can reach from the launcher — the chooser, the callback form (with its slot picker, the
 * widget's own check and the server's refusal), the web form (every field type, with the server's
 * per-field errors), the chat, and the rating form under a closed conversation — in the light
 * theme, the dark theme, and 'auto' under an emulated `prefers-color-scheme: dark`. Also the
 * callback's and the form's "thank you" screens, the proactive welcome bubble next to the launcher,
 * and every panel again at a phone viewport (full screen). axe runs inside the widget's open shadow
 * root, colour contrast included; the panel's computed colours prove which theme is on screen.
 */
import type { BrowserContextOptions, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { sampleForm } from '../../server/forms/test-fixtures.ts'
import { type AxeViolation, axeViolations, hasChromium } from '../support/browser.ts'
import { useBrowserSuite } from '../support/browser-suite.ts'
import type { HostSite } from '../support/host-site.ts'
import { signIn } from '../support/http-client.ts'
import { createTestWidget, hostWidget } from '../support/widget-fixtures.ts'
import { sendFromWidget, widgetMessage } from '../support/widget-page.ts'

/** widget/chat/panel-css.ts: --ol-bg / --ol-fg of each theme. */
const LIGHT = { background: 'rgb(255, 255, 255)', color: 'rgb(27, 31, 36)' }
const DARK = { background: 'rgb(22, 25, 29)', color: 'rgb(238, 241, 244)' }

interface ThemeCase {
  name: string
  theme: 'light' | 'dark' | 'auto'
  scheme: 'light' | 'dark'
  colours: typeof LIGHT
}

/** tests/browser/widget-phone.test.ts's phone. */
const PHONE: BrowserContextOptions = {
  viewport: { width: 375, height: 667 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
}

const CASES: ThemeCase[] = [
  { name: 'light', theme: 'light', scheme: 'dark', colours: LIGHT },
  { name: 'dark', theme: 'dark', scheme: 'light', colours: DARK },
  { name: "'auto' under prefers-color-scheme: dark", theme: 'auto', scheme: 'dark', colours: DARK },
]

/** Readable failure output: rule, impact and the first offending nodes. */
const summary = (violations: AxeViolation[]) =>
  violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.html).join(' | ')}`)

/** axe-core on the whole widget (launcher and panel, inside its shadow root). */
async function expectNoViolations(page: Page, where: string): Promise<void> {
  expect(summary(await axeViolations(page, 'openline-widget')), where).toEqual([])
}

async function panelColours(page: Page) {
  return page.getByTestId('openline-panel').evaluate((el) => {
    const style = getComputedStyle(el)
    return { background: style.backgroundColor, color: style.color }
  })
}

describe.skipIf(!hasChromium)('every widget panel: dark mode and axe-core (issue 5)', () => {
  const suite = useBrowserSuite()
  let site: HostSite | undefined
  afterEach(async () => {
    await site?.close()
    site = undefined
  })

  interface VisitOptions {
    /** Extra widget settings (display rules for the proactive welcome). */
    settings?: Record<string, unknown>
    context?: BrowserContextOptions
    /** Click the launcher and wait for the chooser (default). */
    open?: boolean
  }

  async function visit(theme: ThemeCase['theme'], scheme: ThemeCase['scheme'], options: VisitOptions = {}) {
    const { store, demo } = suite.server
    const demoWidget = await store.findWidget(demo.widgetId)
    if (!demoWidget) throw new Error('no demo widget')
    const form = await store.createForm({
      workspaceId: demoWidget.workspaceId,
      name: 'Every field',
      definition: sampleForm,
      enabled: true,
      now: Date.now(),
    })
    const widgetId = await createTestWidget(suite.server, {
      theme,
      channels: { enabled: ['chat', 'callback', 'form'], formId: form.id },
      callback: { consent: true },
      ...options.settings,
    })
    site = await hostWidget(suite.server, widgetId, ['/'])
    const page = await (await suite.context(options.context)).newPage()
    await page.emulateMedia({ colorScheme: scheme })
    await page.goto(`${site.url}/`)
    if (options.open !== false) {
      await page.getByTestId('openline-launcher').click()
      await page.getByTestId('openline-chooser').waitFor()
    }
    return { page, widgetId, workspaceId: demoWidget.workspaceId }
  }

  const choose = (page: Page, name: string) =>
    page.getByTestId('openline-chooser').getByRole('button', { name }).click()
  const back = (page: Page) => page.locator('.ol-head').getByRole('button', { name: 'Back' }).click()

  describe.each(CASES)('$name', ({ theme, scheme, colours }) => {
    it('the chooser and the callback form: slot picker, its own check, the server refusing', async () => {
      const { page } = await visit(theme, scheme)
      expect(await panelColours(page)).toEqual(colours)
      await expectNoViolations(page, 'chooser')

      await choose(page, 'Request a call back')
      const submit = page.getByRole('button', { name: 'Call me back' })
      await submit.waitFor()
      expect(await panelColours(page)).toEqual(colours)
      await expectNoViolations(page, 'callback form')

      // The widget's light check: empty name, no phone, consent not ticked.
      await submit.click()
      await expect.poll(() => page.getByLabel('Your name').getAttribute('aria-invalid')).toBe('true')
      await expectNoViolations(page, 'callback form, widget check errors')

      await page.getByRole('radio', { name: 'At a chosen time' }).check()
      await page.getByRole('combobox', { name: 'At a chosen time' }).waitFor()
      await expectNoViolations(page, 'callback slot picker')

      // Passes the widget's light check, refused by libphonenumber on the server.
      await page.getByLabel('Your name').fill('Ann')
      await page.getByLabel('Phone number').fill('123456')
      await page.getByRole('checkbox', { name: /^I agree/ }).check()
      await submit.click()
      await page.getByText('Please enter a valid phone number.').waitFor()
      expect(await page.getByLabel('Phone number').getAttribute('aria-invalid')).toBe('true')
      await expectNoViolations(page, 'callback form, server error')

      // Accepted: the "thank you" with the time.
      await page.getByLabel('Phone number').fill('+48 601 234 567')
      await submit.click()
      await page
        .getByRole('status')
        .filter({ hasText: /^Thank you! We will call you/ })
        .waitFor()
      expect(await panelColours(page)).toEqual(colours)
      await expectNoViolations(page, 'callback, thank you')
    })

    it('the web form with server errors, the chat, the rating form after close', async () => {
      const { page, widgetId, workspaceId } = await visit(theme, scheme)
      await choose(page, 'Send us a message')
      const send = page.getByRole('button', { name: 'Send', exact: true })
      await send.waitFor()
      expect(await panelColours(page)).toEqual(colours)
      await expectNoViolations(page, 'web form')

      await page.getByLabel('Sales').first().check() // reveals "Company"
      await page.getByLabel(/^E-mail/).fill('not an e-mail')
      await send.click()
      await expect.poll(() => page.getByLabel(/^Company/).getAttribute('aria-invalid')).toBe('true')
      expect(await page.getByLabel(/^E-mail/).getAttribute('aria-invalid')).toBe('true')
      await expectNoViolations(page, 'web form, server errors')

      // Accepted: the "thank you".
      await page.getByLabel(/^Name/).fill('Ann')
      await page.getByLabel(/^E-mail/).fill('ann@example.com')
      await page.getByLabel(/^Company/).fill('Acme')
      await page.getByLabel(/^Seats/).fill('3')
      await page.getByRole('checkbox', { name: /^I agree/ }).check()
      await send.click()
      await page
        .getByRole('status')
        .filter({ hasText: 'Thank you! We have received your message.' })
        .waitFor()
      await expectNoViolations(page, 'web form, thank you')

      await back(page)
      await choose(page, 'Chat with us')
      await page.getByTestId('openline-input').waitFor()
      expect(await panelColours(page)).toEqual(colours)
      await sendFromWidget(page, 'Do you ship to Gdańsk?')
      await widgetMessage(page, 'Do you ship to Gdańsk?', 'arrived').waitFor()
      await expectNoViolations(page, 'chat')

      // An operator closes the conversation: the rating form appears under it.
      const { store, url, demo } = suite.server
      const conversation = (await store.listConversations(workspaceId, { status: 'open' })).find(
        (c) => c.widgetId === widgetId,
      )
      if (!conversation) throw new Error('no conversation from the test widget')
      const operator = await signIn(url, demo.email, demo.password)
      const closed = await fetch(`${url}/api/conversations/${conversation.id}/close`, {
        method: 'POST',
        headers: {
          cookie: operator.cookie,
          'X-CSRF-Token': operator.csrfToken,
          origin: new URL(url).origin,
        },
      })
      expect(closed.status).toBe(200)
      await page.getByTestId('openline-rating').waitFor()
      await expectNoViolations(page, 'rating form')
      await page.getByTestId('openline-rate-like').click()
      await page.getByTestId('openline-rate-send').click()
      await page.getByTestId('openline-rate-status').filter({ hasText: 'Thank you' }).waitFor()
      await expectNoViolations(page, 'rating form, sent')
    })
  })

  describe.each(CASES)('$name', ({ theme, scheme }) => {
    it('the proactive welcome bubble next to the launcher', async () => {
      const proactive = [{ page: '/', message: 'Need a hand choosing a size?' }]
      const { page } = await visit(theme, scheme, { settings: { displayRules: { proactive } }, open: false })
      await page.getByTestId('openline-proactive').waitFor()
      await expectNoViolations(page, 'proactive welcome')
    })

    it('every panel at a phone viewport, full screen', async () => {
      const { page } = await visit(theme, scheme, { context: PHONE })
      const panel = await page.getByTestId('openline-panel').boundingBox()
      expect(panel).toMatchObject({ x: 0, y: 0, width: 375, height: 667 })
      await expectNoViolations(page, 'phone: chooser')
      await choose(page, 'Request a call back')
      await page.getByRole('button', { name: 'Call me back' }).waitFor()
      await expectNoViolations(page, 'phone: callback form')
      await back(page)
      await choose(page, 'Send us a message')
      await page.getByRole('button', { name: 'Send', exact: true }).waitFor()
      await expectNoViolations(page, 'phone: web form')
      await back(page)
      await choose(page, 'Chat with us')
      await page.getByTestId('openline-input').waitFor()
      await expectNoViolations(page, 'phone: chat')
    })
  })

  it("'auto' under prefers-color-scheme: light is light", async () => {
    const { page } = await visit('auto', 'light')
    expect(await panelColours(page)).toEqual(LIGHT)
  })
})
