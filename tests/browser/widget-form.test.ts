/**
 * Issue 5 item 3, done-when: "a form whose condition reveals a field → the console's submissions".
 * Real server, real Chromium: the visitor fills a form in the widget (from the launcher) and on the
 * standalone public link (keyboard only); the submissions are read back through the operator API.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { FormDefinition } from '../../server/forms/form-types.ts'
import { axeViolations, hasChromium } from '../support/browser.ts'
import { useBrowserSuite } from '../support/browser-suite.ts'
import { signIn } from '../support/http-client.ts'

const definition: FormDefinition = {
  version: 1,
  title: 'Talk to sales',
  successMessage: 'Thanks! We will be in touch.',
  sections: [
    {
      key: 'main',
      fields: [
        { key: 'name', type: 'text', label: 'Your name', required: true },
        {
          key: 'reason',
          type: 'radio',
          label: 'Reason',
          required: true,
          options: [
            { value: 'buy', label: 'Buying' },
            { value: 'help', label: 'Help' },
          ],
        },
        {
          key: 'company',
          type: 'text',
          label: 'Company',
          required: true,
          showIf: { field: 'reason', op: 'eq', value: 'buy' },
        },
        { key: 'campaign', type: 'hidden', label: 'Campaign', source: { from: 'utm', name: 'campaign' } },
        { key: 'terms', type: 'consent', label: 'I agree to be contacted', required: true },
      ],
    },
  ],
}

interface Submission {
  formId: string
  values: Record<string, unknown>
  fields: { key: string; label: string }[]
}

describe.skipIf(!hasChromium)('web form (issue 5 item 3)', () => {
  const suite = useBrowserSuite()

  async function setup(): Promise<{ formId: string; submissions(): Promise<Submission[]> }> {
    const { store, demo, url } = suite.server
    const widget = await store.findWidget(demo.widgetId)
    if (!widget) throw new Error('no demo widget')
    const form = await store.createForm({
      workspaceId: widget.workspaceId,
      name: 'Sales',
      definition,
      enabled: true,
      now: Date.now(),
    })
    const operator = await signIn(url, demo.email, demo.password)
    return {
      formId: form.id,
      async submissions() {
        const res = await fetch(`${url}/api/form-submissions?formId=${form.id}`, {
          headers: { cookie: operator.cookie },
        })
        expect(res.status).toBe(200)
        return ((await res.json()) as { submissions: Submission[] }).submissions
      },
    }
  }

  const company = (page: Page) => page.getByLabel(/^Company/)

  it('from the launcher: the condition reveals a field, the submission reaches the operators', async () => {
    const { store, demo, url } = suite.server
    const { formId, submissions } = await setup()
    const widget = await store.findWidget(demo.widgetId)
    if (!widget) throw new Error('no demo widget')
    // One channel: the launcher opens the form directly.
    await store.updateWidget(widget.workspaceId, widget.id, {
      settings: { ...widget.settings, channels: { enabled: ['form'], formId } },
      now: Date.now(),
    })
    try {
      const visitor = await (await suite.context()).newPage()
      await visitor.goto(`${url}/demo?utm_campaign=spring`)
      await visitor.getByTestId('openline-launcher').click()
      await visitor.getByLabel(/^Your name/).fill('Anna Nowak')
      expect(await company(visitor).count()).toBe(0)
      await visitor.getByLabel('Buying').check()
      await company(visitor).fill('Acme')
      await visitor.getByRole('button', { name: 'Send' }).click()
      // Consent is required and was not ticked: the server's message sits at the checkbox.
      const terms = visitor.getByRole('checkbox', { name: /^I agree/ })
      await expect.poll(() => terms.getAttribute('aria-invalid')).toBe('true')
      expect(await axeViolations(visitor, 'openline-widget')).toEqual([])
      await terms.check()
      await visitor.getByRole('button', { name: 'Send' }).click()
      await visitor.getByText('Thanks! We will be in touch.').waitFor()

      const [stored] = await submissions()
      expect(stored?.values).toEqual({
        name: 'Anna Nowak',
        reason: 'buy',
        company: 'Acme',
        campaign: 'spring',
        terms: true,
      })
      expect(stored?.fields.map((f) => f.label)).toContain('Company')
    } finally {
      await store.updateWidget(widget.workspaceId, widget.id, { settings: widget.settings, now: Date.now() })
    }
  })

  it('on the public form link, keyboard only, with no axe violations', async () => {
    const { url } = suite.server
    const { formId, submissions } = await setup()
    const page = await (await suite.context()).newPage()
    await page.goto(`${url}/form/${formId}`)
    await page.getByRole('heading', { name: 'Talk to sales' }).waitFor()
    await page.getByLabel(/^Your name/).waitFor()
    expect(await axeViolations(page)).toEqual([])

    await page.keyboard.press('Tab')
    await page.keyboard.type('Jan Kowalski')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Space') // the first radio: Buying
    await company(page).waitFor()
    await page.keyboard.press('Tab')
    await page.keyboard.type('Kowalski & Co')
    // Tab reaches the (unticked) consent box; Enter there submits the form, the server refuses the
    // missing consent and focus lands on it with its message.
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    const terms = page.getByRole('checkbox', { name: /^I agree/ })
    // Focus is on the box already (Tab put it there), so wait for the server's refusal itself.
    await expect.poll(() => terms.getAttribute('aria-invalid')).toBe('true')
    expect(await terms.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await axeViolations(page)).toEqual([])
    await page.keyboard.press('Space')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await page.getByText('Thanks! We will be in touch.').waitFor()

    const [stored] = await submissions()
    expect(stored?.values).toEqual({
      name: 'Jan Kowalski',
      reason: 'buy',
      company: 'Kowalski & Co',
      terms: true,
    })
  })
})
