/**
 * Issue "Leads to CRM", items 2, 5 and 6, in a real browser: an admin connects a signed webhook that
 * points at a local receiver, tests it, and after a reload sees its secrets only masked; a lead that
 * a Bitrix24 portal refused (401: dead at once) shows in the delivery log with its last error, and
 * after the admin fixes the connection, Replay delivers it.
 */
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { type Bitrix24Fake, startBitrix24Fake } from '../../server/crm/fakes/index.ts'
import { startWebhookReceiver, type WebhookReceiver } from '../../server/crm/fakes/webhook-receiver.ts'
import { generateWebhookSecret } from '../../server/crm/webhook/index.ts'
import { contactForm } from '../../server/forms/test-fixtures.ts'
import { axeViolations, hasChromium } from '../support/browser.ts'
import { useBrowserSuite } from '../support/browser-suite.ts'
import { signInToConsole } from '../support/console-page.ts'

const SECRET = generateWebhookSecret()

/** Everything a person (or a script on the page) could read: text and every form value. */
function pageContents(page: Page): Promise<string> {
  return page.evaluate(() => {
    const values = [...document.querySelectorAll('input, textarea, select')].map(
      (el) => (el as HTMLInputElement).value,
    )
    return `${document.documentElement.outerHTML} ${values.join(' ')}`
  })
}

describe.skipIf(!hasChromium)('CRM connections in the console', () => {
  const suite = useBrowserSuite()
  let receiver: WebhookReceiver | undefined
  let bitrix: Bitrix24Fake | undefined
  afterEach(async () => {
    await receiver?.close()
    await bitrix?.close()
    receiver = undefined
    bitrix = undefined
  })

  it('adds a webhook connection, tests it, and shows its secrets masked after a reload', async () => {
    receiver = await startWebhookReceiver({ secrets: [SECRET] })
    const key = new URL(receiver.endpoint).searchParams.get('key')!
    const hookPath = new URL(receiver.endpoint).pathname.split('/').at(-1)!

    const page = await (await suite.context()).newPage()
    await signInToConsole(page, suite.server.url, suite.server.demo.email, suite.server.demo.password)
    await page.getByTestId('nav-crm').click()
    await page.getByRole('heading', { name: 'CRM', level: 1 }).waitFor()

    await page.getByTestId('crm-add').click()
    await page.getByLabel('Name').fill('Our n8n')
    await page.getByLabel('CRM system').selectOption('webhook')
    await page.getByLabel('Receiver URL').fill(receiver.endpoint)
    await page.getByLabel('Signing secret (optional)').fill(SECRET)
    await page.getByTestId('crm-save').click()

    const row = page.getByTestId('crm-connection-row').filter({ hasText: 'Our n8n' })
    await row.getByRole('button', { name: 'Test Our n8n' }).click()
    await row.getByText('Connection works.').waitFor()
    expect(receiver.events().map((e) => e.payload.type)).toEqual(['webhook.test'])

    await page.reload()
    await row.waitFor()
    expect(await row.getByTestId('crm-connection-address').textContent()).toMatch(/\/hooks\/••••\?key=••••$/)
    await row.getByRole('button', { name: 'Edit Our n8n' }).click()
    expect(await page.getByLabel('Signing secret (optional)').inputValue()).toBe(`••••${SECRET.slice(-4)}`)
    const contents = await pageContents(page)
    for (const secret of [SECRET, key, hookPath, receiver.endpoint]) expect(contents).not.toContain(secret)

    // Saving the form unchanged sends the masked values back: the stored secret must still work.
    await page.getByTestId('crm-save').click()
    await page.getByText('Our n8n saved.').waitFor()
    await row.getByRole('button', { name: 'Test Our n8n' }).click()
    await row.getByText('Connection works.').waitFor()
    expect(receiver.events()).toHaveLength(2)

    expect(await axeViolations(page)).toEqual([])
  })

  it('shows a dead delivery with its last error, and Replay delivers it once the connection is fixed', async () => {
    bitrix = await startBitrix24Fake()
    const { store, demo, url } = suite.server
    const workspaceId = (await store.findWidget(demo.widgetId))!.workspaceId
    // A webhook address with a revoked key: Bitrix24 answers 401 INVALID_CREDENTIALS, which waiting
    // cannot fix, so the relay dead-letters the lead at once (server/outbox/failure.ts).
    const revoked = bitrix.webhookUrl.replace(bitrix.token, 'revokedkey0000')
    const connection = await store.createCrmConnection({
      workspaceId,
      name: 'Portal',
      connection: { kind: 'bitrix24', webhookUrl: revoked },
      now: Date.now(),
    })
    const form = await store.createForm({
      workspaceId,
      name: 'Quote',
      enabled: true,
      definition: contactForm(),
      now: Date.now(),
    })
    const sent = await fetch(`${url}/api/forms/${form.id}/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ values: { name: 'Dora', email: 'dora@example.com' } }),
    })
    expect(sent.status).toBe(201)
    const deliveryTo = async () =>
      (await store.listCrmDeliveries(workspaceId, { limit: 100 })).find(
        (d) => d.connectionId === connection.id,
      )
    await expect.poll(async () => (await deliveryTo())?.status, { timeout: 10_000 }).toBe('dead')

    const page = await (await suite.context()).newPage()
    await signInToConsole(page, url, demo.email, demo.password)
    await page.getByTestId('nav-crm').click()
    const row = page.getByTestId('crm-delivery-row').filter({ hasText: 'Portal' })
    await row.and(page.locator('[data-status="dead"]')).waitFor()
    expect(await row.textContent()).toContain('Failed for good')
    expect(await row.locator('.crm-error-cell').textContent()).toMatch(/unauthorized|credentials/i)
    expect(await pageContents(page)).not.toContain(bitrix.token)

    // The admin pastes the portal's current webhook address into the connection.
    const connectionRow = page.getByTestId('crm-connection-row').filter({ hasText: 'Portal' })
    await connectionRow.getByRole('button', { name: 'Edit Portal' }).click()
    await page.getByLabel('Incoming webhook URL').fill(bitrix.webhookUrl)
    await page.getByTestId('crm-save').click()
    await page.getByText('Portal saved.').waitFor()

    await row.getByRole('button', { name: 'Replay form to Portal' }).click()
    await page.getByTestId('crm-delivery-notice').getByText('Delivery to Portal queued again.').waitFor()
    await expect.poll(async () => (await deliveryTo())?.status, { timeout: 10_000 }).toBe('delivered')
    await page.getByTestId('crm-deliveries-refresh').click()
    await row.and(page.locator('[data-status="delivered"]')).waitFor()
    const delivered = (await deliveryTo())!
    expect(bitrix.leads().filter((l) => l.ORIGIN_ID === delivered.id)).toEqual([
      expect.objectContaining({ ID: delivered.crmId, NAME: 'Dora', SOURCE_ID: 'WEBFORM' }),
    ])
    expect(await axeViolations(page)).toEqual([])
  })
})
