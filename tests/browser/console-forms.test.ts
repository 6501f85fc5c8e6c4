/**
 * Issue 5, done-when: "a form whose condition reveals a field → the console's submissions" — here
 * from the console side: the admin builds a form with a condition in the builder, saves it, a
 * submission posted through the public API appears in the submissions view with the labels. Also
 * the widget settings page (preview and PATCH) and the QR code on the Install page.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hasChromium } from '../support/browser.ts'
import { useBrowserSuite } from '../support/browser-suite.ts'
import { buildFormWithCondition } from '../support/console-forms-page.ts'
import { signInToConsole } from '../support/console-page.ts'

describe.skipIf(!hasChromium)('console: form builder, submissions, widget settings, QR code', () => {
  const suite = useBrowserSuite()

  async function admin(): Promise<Page> {
    const page = await (await suite.context()).newPage()
    await signInToConsole(page, suite.server.url, suite.server.demo.email, suite.server.demo.password)
    return page
  }

  it('an admin builds a form with a condition; a public submission appears in the submissions', async () => {
    const page = await admin()
    const formId = await buildFormWithCondition(page)

    // The live preview applies the condition.
    const preview = page.getByTestId('form-preview')
    await expect(preview.getByLabel('Order number').count()).resolves.toBe(0)
    await page.getByTestId('form-preview-field-field_1-input').selectOption('order')
    await preview.getByLabel('Order number').waitFor()

    await page.getByTestId('form-save').click()
    await page.getByTestId('form-save-status').filter({ hasText: 'Saved.' }).waitFor()

    // A visitor submits through the public API (the public form link posts the same).
    const res = await fetch(`${suite.server.url}/api/forms/${encodeURIComponent(formId)}/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        values: { name: 'Iga', email: 'iga@example.com', field_1: 'order', order_number: 'A-1001' },
        pageUrl: 'https://shop.example/help',
      }),
    })
    expect(res.status).toBe(201)

    await page.getByTestId('nav-submissions').click()
    const item = page.getByTestId('submission').filter({ hasText: 'A-1001' })
    await item.waitFor()
    const text = await item.textContent()
    expect(text).toContain('Order questions')
    expect(text).toContain('Order number')
    expect(text).toContain('Topic')
    expect(text).toContain('https://shop.example/help')
  })

  it('the server refuses an invalid form and the builder shows why', async () => {
    const page = await admin()
    await buildFormWithCondition(page)
    await page.getByTestId('form-definition-sections-0-fields-3-key').fill('has space')
    await page.getByTestId('form-save').click()
    await page.getByTestId('form-save-error').waitFor()
    await page.getByTestId('form-definition-sections-0-fields-3-key-error').waitFor()
  })

  it('widget settings: contrast, live preview, saved with PATCH', async () => {
    const page = await admin()
    await page.getByTestId('nav-widgets').click()
    await page.getByTestId('widget-link').first().click()
    await page.getByTestId('widget-settings-form').waitFor()
    await page.getByTestId('widget-settings-color').fill('#ffcc00')
    await expect(page.getByTestId('widget-contrast-ratio').textContent()).resolves.toMatch(/^1\d\.\d:1$/)
    // The preview is the widget's own stylesheet in a shadow root: the header takes the colour.
    const header = page.getByTestId('widget-preview').locator('.ol-head')
    await expect(header.evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe(
      'rgb(255, 204, 0)',
    )
    await expect(header.evaluate((el) => getComputedStyle(el).color)).resolves.toBe('rgb(0, 0, 0)')
    await page.getByTestId('widget-position-top-left').check()
    await page.getByTestId('widget-settings-launcherLabel').fill('Ask us')
    await expect(
      page.getByTestId('widget-preview').getByTestId('preview-launcher').textContent(),
    ).resolves.toBe('Ask us')
    await page.getByTestId('widget-save').click()
    await page.getByTestId('widget-save-status').filter({ hasText: 'Saved.' }).waitFor()

    const config = (await (
      await fetch(`${suite.server.url}/api/widgets/${suite.server.demo.widgetId}/config`)
    ).json()) as { settings: { color: string; position: string; launcherLabel: string } }
    expect(config.settings).toMatchObject({ color: '#ffcc00', position: 'top-left', launcherLabel: 'Ask us' })
  })

  it('the Install page shows a printable QR code of the public chat link', async () => {
    const page = await admin()
    await page.getByTestId('nav-install').click()
    const svg = page.getByTestId('qr-svg').first().locator('svg')
    await svg.waitFor()
    const link = await page.getByTestId('public-chat-url').first().inputValue()
    await expect(page.getByTestId('qr-svg').first().getAttribute('aria-label')).resolves.toBe(
      `QR code of ${link}`,
    )
    const href = await page.getByTestId('qr-download').first().getAttribute('href')
    expect(href?.startsWith('data:image/svg+xml')).toBe(true)
    // Printing: only the sheet with the code, the link and the business name is visible.
    await page.evaluate(() => {
      window.print = () => {
        const sheet = document.querySelector('[data-printing=true]')
        document.body.dataset.printed = sheet ? 'sheet' : 'none'
      }
    })
    await page.getByTestId('qr-print').first().click()
    await expect(page.evaluate(() => document.body.dataset.printed)).resolves.toBe('sheet')
    await page.evaluate(() => {
      document.documentElement.classList.add('printing-qr')
      document.querySelector('.qr-sheet')?.setAttribute('data-printing', 'true')
    })
    await page.emulateMedia({ media: 'print' })
    await expect(page.getByTestId('nav-inbox').isVisible()).resolves.toBe(false)
    await expect(page.getByTestId('install-snippet').first().isVisible()).resolves.toBe(false)
    await expect(svg.isVisible()).resolves.toBe(true)
  })
})
