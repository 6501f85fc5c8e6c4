/**
 * Issue 5, done-when: "each channel end to end from the launcher (callback → the console's callbacks
 * queue; a form whose condition reveals a field → the console's submissions)". Two people, two
 * browser contexts: a visitor on a customer's site picks a channel in the launcher's chooser, an
 * operator signed in to the console sees the result in the Submissions page / Callbacks queue.
 * The form also carries a file field: a file whose extension lies about its content is refused by
 * content sniffing, a real one is kept and served to the operator as an attachment.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as files from '../../server/attachments/test-files.ts'
import type { FormDefinition } from '../../server/forms/form-types.ts'
import { hasChromium } from '../support/browser.ts'
import { useBrowserSuite } from '../support/browser-suite.ts'
import { signInToConsole } from '../support/console-page.ts'
import type { HostSite } from '../support/host-site.ts'
import { createTestWidget, hostWidget } from '../support/widget-fixtures.ts'

const definition: FormDefinition = {
  version: 1,
  title: 'Wholesale enquiry',
  successMessage: 'Thanks! A wholesale manager will write back.',
  sections: [
    {
      key: 'main',
      fields: [
        { key: 'name', type: 'text', label: 'Your name', required: true },
        {
          key: 'kind',
          type: 'radio',
          label: 'You are',
          required: true,
          options: [
            { value: 'shop', label: 'A shop' },
            { value: 'person', label: 'A person' },
          ],
        },
        {
          key: 'vat',
          type: 'text',
          label: 'VAT number',
          required: true,
          showIf: { field: 'kind', op: 'eq', value: 'shop' },
        },
        { key: 'price_list', type: 'file', label: 'Your price list' },
        { key: 'terms', type: 'consent', label: 'I agree to be contacted', required: true },
      ],
    },
  ],
}

describe.skipIf(!hasChromium)('from the launcher to the console (issue 5)', () => {
  const suite = useBrowserSuite()
  let site: HostSite | undefined
  afterEach(async () => {
    await site?.close()
    site = undefined
  })

  /** A three-channel widget on its own host site; the launcher opens the chooser. */
  async function setup() {
    const { store, demo } = suite.server
    const demoWidget = await store.findWidget(demo.widgetId)
    if (!demoWidget) throw new Error('no demo widget')
    const form = await store.createForm({
      workspaceId: demoWidget.workspaceId,
      name: 'Wholesale',
      definition,
      enabled: true,
      now: Date.now(),
    })
    const widgetId = await createTestWidget(suite.server, {
      channels: { enabled: ['chat', 'callback', 'form'], formId: form.id },
    })
    site = await hostWidget(suite.server, widgetId, ['/wholesale'])
    const operator = await (await suite.context()).newPage()
    await signInToConsole(operator, suite.server.url, demo.email, demo.password)
    const visitor = await (await suite.context()).newPage()
    await visitor.goto(`${site.url}/wholesale?utm_source=newsletter`)
    return { form, workspaceId: demoWidget.workspaceId, operator, visitor }
  }

  it('a form whose condition reveals a field → the Submissions page, kept after the form is switched off', async () => {
    const { form, workspaceId, operator, visitor } = await setup()
    await operator.getByTestId('nav-submissions').click()
    await operator.getByTestId('submissions-refresh').waitFor()

    await visitor.getByTestId('openline-launcher').click()
    await visitor.getByTestId('openline-chooser').getByRole('button', { name: 'Send us a message' }).click()
    await visitor.getByLabel(/^Your name/).fill('Olga Wiśniewska')
    const vat = visitor.getByLabel(/^VAT number/)
    expect(await vat.count()).toBe(0)
    await visitor.getByLabel('A shop').check()
    await vat.fill('PL5260250274')

    // An HTML page named .png and declared image/png: refused by its content (415), shown at the field.
    const file = visitor.getByLabel('Your price list')
    await file.setInputFiles({
      name: 'prices.png',
      mimeType: 'image/png',
      buffer: Buffer.from(files.HTML),
    })
    await visitor.getByText('This type of file is not accepted.').waitFor()
    expect(await file.getAttribute('aria-invalid')).toBe('true')
    // A real PDF is kept.
    const uploaded = visitor.waitForResponse(
      (r) => r.url().includes('/api/attachments') && r.request().method() === 'POST',
    )
    await file.setInputFiles({
      name: 'prices.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(files.PDF),
    })
    expect((await uploaded).status()).toBe(201)
    await visitor.getByRole('checkbox', { name: /^I agree/ }).check()
    await visitor.getByRole('button', { name: 'Send' }).click()
    await visitor.getByText('Thanks! A wholesale manager will write back.').waitFor()

    // The operator refreshes the list (submissions are not pushed live: leads in a list).
    await operator.getByTestId('submissions-refresh').click()
    const item = operator.getByTestId('submission').filter({ hasText: 'Olga Wiśniewska' })
    await item.waitFor()
    const text = (await item.textContent()) ?? ''
    expect(text).toContain('Wholesale')
    expect(text).toContain('VAT number')
    expect(text).toContain('PL5260250274')
    expect(text).toContain('A shop') // the option's label, not its value
    expect(text).toContain(`${site?.url}/wholesale`)
    expect(text).toContain('utm_source=newsletter')
    // The file: a download link the operator's session may follow; served as an attachment.
    const href = await item.getByTestId('submission-value-price_list').locator('a').getAttribute('href')
    expect(href).toMatch(/^\/api\/attachments\//)
    const download = await operator.request.get(`${suite.server.url}${href}`)
    expect(download.status()).toBe(200)
    expect(download.headers()['content-type']).toContain('application/pdf')
    expect(download.headers()['content-disposition']).toMatch(/^attachment/)
    expect(download.headers()['x-content-type-options']).toBe('nosniff')

    // Switched off later: the widget's form is gone, the submission stays in the console.
    await suite.server.store.updateForm(workspaceId, form.id, { enabled: false, now: Date.now() })
    await operator.reload()
    await operator.getByTestId('submission').filter({ hasText: 'Olga Wiśniewska' }).waitFor()
  })

  it('a callback with a chosen time slot → the Callbacks queue, live', async () => {
    const { operator, visitor } = await setup()
    await operator.getByTestId('nav-callbacks').click()
    await operator.getByRole('heading', { level: 1 }).waitFor()

    await visitor.getByTestId('openline-launcher').click()
    await visitor.getByTestId('openline-chooser').getByRole('button', { name: 'Request a call back' }).click()
    await visitor.getByLabel('Your name').fill('Piotr Zieliński')
    await visitor.getByLabel('Phone number').fill('+48 22 123 45 67')
    await visitor.getByLabel('What is it about?').fill('Wholesale prices')
    await visitor.getByRole('radio', { name: 'At a chosen time' }).check()
    const slot = visitor.getByRole('combobox', { name: 'At a chosen time' })
    // The second slot offered (a definite time, not "now").
    const value = await slot.locator('option').nth(1).getAttribute('value')
    await slot.selectOption(value ?? '')
    await visitor.getByRole('button', { name: 'Call me back' }).click()
    await visitor.getByText(/^Thank you! We will call you at /).waitFor()

    const item = operator.getByTestId('callback-item').filter({ hasText: 'Piotr Zieliński' })
    await item.waitFor()
    const text = (await item.textContent()) ?? ''
    expect(text).toContain('+48221234567')
    expect(text).toContain('Wholesale prices')
    expect(await item.locator('time').getAttribute('datetime')).toBe(new Date(Number(value)).toISOString())
  })
})
