/**
 * Issue "Chat end to end", done-when: axe-core reports no violations for the widget (closed, open,
 * with messages), the public page, and the console's inbox and conversation view; issue 5 adds the
 * console's form builder, submissions, widget settings, QR code and Callbacks queue (the widget's
 * own panels are in widget-panels-a11y.test.ts).
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { type AxeViolation, axeViolations, hasChromium } from '../support/browser.ts'
import { useBrowserSuite } from '../support/browser-suite.ts'
import { buildFormWithCondition } from '../support/console-forms-page.ts'
import { openConversationWith, reply, signInToConsole } from '../support/console-page.ts'
import { createTestWidget } from '../support/widget-fixtures.ts'
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

  // Issue "Leads to CRM", item 5: the CRM page with its editor, maps and delivery log.
  it("the console's CRM page with the connection editor open", async () => {
    const page = await newPage()
    await signInToConsole(page, suite.server.url, suite.server.demo.email, suite.server.demo.password)
    await page.goto(`${suite.server.url}/console/crm`)
    await page.getByTestId('crm-add').click()
    await page.getByTestId('crm-map-add').click()
    await page.getByTestId('crm-deliveries').waitFor()
    expect(summary(await axeViolations(page))).toEqual([])
  })

  // Issue 5: the form builder (with a condition), submissions, widget settings, the QR code.
  it("the console's form builder, submissions, widget settings and QR code", async () => {
    const page = await newPage()
    await signInToConsole(page, suite.server.url, suite.server.demo.email, suite.server.demo.password)
    const formId = await buildFormWithCondition(page)
    await page.getByTestId('form-preview-field-field_1-input').selectOption('order')
    expect(summary(await axeViolations(page))).toEqual([])
    await page.getByTestId('form-save').click()
    await page.getByTestId('form-save-status').filter({ hasText: 'Saved.' }).waitFor()
    await fetch(`${suite.server.url}/api/forms/${formId}/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        values: { name: 'Iga', email: 'iga@example.com', field_1: 'order', order_number: 'A1' },
      }),
    })
    await page.getByTestId('nav-submissions').click()
    await page.getByTestId('submission').first().waitFor()
    expect(summary(await axeViolations(page))).toEqual([])
    await page.getByTestId('nav-widgets').click()
    await page.getByTestId('widget-link').first().click()
    await page.getByTestId('widget-rules-on').check()
    await page.getByTestId('widget-proactive-add').click()
    await page.getByTestId('widget-texts-toggle').click()
    await page.getByTestId('widget-settings-texts-chat.title').waitFor()
    expect(summary(await axeViolations(page))).toEqual([])
    await page.getByTestId('nav-install').click()
    await page.getByTestId('qr-svg').first().locator('svg').waitFor()
    expect(summary(await axeViolations(page))).toEqual([])
  })

  // Issue 5 item 2: the callbacks queue with due times, and the reschedule form open.
  it("the console's Callbacks queue with the reschedule form open", async () => {
    const { url } = suite.server
    const widgetId = await createTestWidget(suite.server, { channels: { enabled: ['callback'] } })
    const visitor = await (
      await fetch(`${url}/api/visitors`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ widgetId }),
      })
    ).json()
    const requested = await fetch(`${url}/api/callback-requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${visitor.token}` },
      body: JSON.stringify({
        name: 'Zofia Nowak',
        phone: '+48 601 234 567',
        topic: 'Delivery times',
        slot: null,
      }),
    })
    expect(requested.status).toBe(201)

    const page = await newPage()
    await signInToConsole(page, url, suite.server.demo.email, suite.server.demo.password)
    await page.getByTestId('nav-callbacks').click()
    const item = page.getByTestId('callback-item').filter({ hasText: 'Zofia Nowak' })
    await item.waitFor()
    expect(summary(await axeViolations(page))).toEqual([])
    await item.getByRole('button', { name: 'Reschedule' }).click()
    await item.locator('input[type="datetime-local"]').waitFor()
    expect(summary(await axeViolations(page))).toEqual([])
  })

  // Issue "Open lines", items 4 and 6: the quick-answers page — editor with server errors, the
  // list, and the delete confirmation.
  it("the console's quick-answers page", async () => {
    const page = await newPage()
    await signInToConsole(page, suite.server.url, suite.server.demo.email, suite.server.demo.password)
    await page.getByTestId('nav-quick-answers').click()
    await page.getByTestId('qa-add').click()
    await page.getByTestId('qa-shortcut').fill('/two words')
    await page.getByTestId('qa-title').fill('Greeting')
    await page.getByTestId('qa-text').fill('Hello, how can we help?')
    await page.getByTestId('qa-save').click()
    await page.getByTestId('qa-shortcut-error').waitFor()
    expect(summary(await axeViolations(page))).toEqual([])
    await page.getByTestId('qa-shortcut').fill('/hello-a11y')
    await page.getByTestId('qa-save').click()
    await page.locator('[data-testid="qa-row"][data-shortcut="/hello-a11y"]').waitFor()
    expect(summary(await axeViolations(page))).toEqual([])
    await page.getByRole('button', { name: 'Delete /hello-a11y' }).click()
    await page.getByRole('dialog', { name: 'Delete /hello-a11y?' }).waitFor()
    expect(summary(await axeViolations(page))).toEqual([])
  })
})
