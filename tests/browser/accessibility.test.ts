/**
 * Issue "Chat end to end", done-when: axe-core reports no violations for the widget (closed, open,
 * with messages), the public page, and the console's inbox and conversation view.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { type AxeViolation, axeViolations, hasChromium } from '../support/browser.ts'
import { useBrowserSuite } from '../support/browser-suite.ts'
import { openConversationWith, reply, signInToConsole } from '../support/console-page.ts'
import { openWidget, sendFromWidget, widgetMessage } from '../support/widget-page.ts'

/** Readable failure output: rule, impact and the first offending nodes. */
function summary(violations: AxeViolation[]): string[] {
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.html)
        .join(' | ')}`,
  )
}

describe.skipIf(!hasChromium)('accessibility (axe-core)', () => {
  const suite = useBrowserSuite()
  const newPage = async (): Promise<Page> => (await suite.context()).newPage()

  it('the widget: closed, open, and with messages', async () => {
    const page = await newPage()
    await page.goto(`${suite.server.url}/demo`)
    await page.getByTestId('openline-launcher').waitFor()
    expect(summary(await axeViolations(page, 'openline-widget'))).toEqual([])
    await openWidget(page)
    expect(summary(await axeViolations(page, 'openline-widget'))).toEqual([])
    await sendFromWidget(page, 'Is the mug dishwasher-safe?')
    await widgetMessage(page, 'Is the mug dishwasher-safe?', 'arrived').waitFor()
    expect(summary(await axeViolations(page, 'openline-widget'))).toEqual([])
  })

  it('the public chat page, empty and with messages', async () => {
    const page = await newPage()
    await page.goto(`${suite.server.url}/chat/${suite.server.demo.slug}`)
    await page.getByTestId('openline-input').waitFor()
    expect(summary(await axeViolations(page))).toEqual([])
    await sendFromWidget(page, 'Hello from the public page')
    await widgetMessage(page, 'Hello from the public page', 'arrived').waitFor()
    expect(summary(await axeViolations(page))).toEqual([])
  })

  it("the console's sign-in, inbox and conversation view", async () => {
    const visitor = await newPage()
    await visitor.goto(`${suite.server.url}/chat/${suite.server.demo.slug}`)
    await sendFromWidget(visitor, 'Need help with my order')
    await widgetMessage(visitor, 'Need help with my order', 'arrived').waitFor()

    const page = await newPage()
    await page.goto(`${suite.server.url}/console/`)
    await page.getByTestId('login-email').waitFor()
    expect(summary(await axeViolations(page))).toEqual([])
    await signInToConsole(page, suite.server.url, suite.server.demo.email, suite.server.demo.password)
    await page.getByTestId('inbox-item').first().waitFor()
    expect(summary(await axeViolations(page))).toEqual([])
    await openConversationWith(page, 'Need help with my order')
    await reply(page, 'Sure — what is the order number?')
    expect(summary(await axeViolations(page))).toEqual([])
  })
})
