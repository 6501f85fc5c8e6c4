/**
 * Issue 5, items 1, 7 and 8: the combined launcher (a chooser for several channels, straight into
 * the only one otherwise), the JS API's `show` and its misuse, and `setLocale` switching the texts.
 */
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { hasChromium } from '../support/browser.ts'
import { useBrowserSuite } from '../support/browser-suite.ts'
import type { HostSite } from '../support/host-site.ts'
import { createTestWidget, hostWidget } from '../support/widget-fixtures.ts'

type Openline = (...args: unknown[]) => unknown

/** Resolves once the widget's app chunk is running (`ready`), so commands run synchronously. */
function widgetReady(page: Page) {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        ;(window as unknown as { Openline: Openline }).Openline('on', 'ready', () => resolve())
      }),
  )
}

describe.skipIf(!hasChromium)('channels and languages', () => {
  const suite = useBrowserSuite()
  let site: HostSite | undefined
  afterEach(async () => {
    await site?.close()
    site = undefined
  })

  async function visit(settings: Record<string, unknown>) {
    const widgetId = await createTestWidget(suite.server, settings)
    site = await hostWidget(suite.server, widgetId, ['/'])
    const page = await (await suite.context()).newPage()
    await page.goto(`${site.url}/`)
    return page
  }

  it('with three channels the launcher opens a chooser; choosing chat opens the chat', async () => {
    const page = await visit({ channels: { enabled: ['chat', 'callback', 'form'], formId: 'f1' } })
    await page.getByTestId('openline-launcher').click()
    const chooser = page.getByTestId('openline-chooser')
    await chooser.waitFor()
    expect(await chooser.getByRole('button').allTextContents()).toEqual([
      'Chat with us',
      'Request a call back',
      'Send us a message',
    ])
    await chooser.getByRole('button', { name: 'Request a call back' }).click()
    await page.getByRole('dialog', { name: 'Request a call back' }).waitFor()
    await page.locator('.ol-head').getByRole('button', { name: 'Back' }).click()
    await chooser.getByRole('button', { name: 'Chat with us' }).click()
    await page.getByTestId('openline-input').waitFor()
  })

  it('with one channel the launcher opens it directly; show() and its misuse', async () => {
    const page = await visit({ channels: { enabled: ['chat'] } })
    await page.getByTestId('openline-launcher').click()
    await page.getByTestId('openline-input').waitFor()
    expect(await page.getByTestId('openline-chooser').count()).toBe(0)
    await widgetReady(page)
    const errors = await page.evaluate(() => {
      const api = (window as unknown as { Openline: Openline }).Openline
      const messages: string[] = []
      for (const call of [
        ['show', 'foo'],
        ['show', 'form'],
        ['setLocale', 'de'],
        ['prefill', 'x'],
        ['page', 5],
      ]) {
        try {
          api(...call)
        } catch (error) {
          messages.push((error as Error).message)
        }
      }
      return messages
    })
    expect(errors).toEqual([
      "Openline('show', channel): channel must be 'chat', 'callback' or 'form', got 'foo'",
      "Openline('show', 'form'): this widget does not offer form; it offers 'chat'",
      "Openline('setLocale', code): code must be 'en', 'ru' or 'pl', got 'de'",
      "Openline('prefill', values): values must be an object such as { name: 'Ada' }, got 'x'",
      "Openline('page', url): url must be the new page address as a string, got number",
    ])
  })

  it("setLocale('ru') shows Russian texts on the launcher and in the panel", async () => {
    const page = await visit({})
    const launcher = page.getByTestId('openline-launcher')
    await launcher.waitFor()
    expect(await launcher.textContent()).toContain('Chat')
    await page.evaluate(() => (window as unknown as { Openline: Openline }).Openline('setLocale', 'ru'))
    await page.getByRole('button', { name: 'Чат' }).waitFor()
    await launcher.click()
    await page.getByPlaceholder('Напишите сообщение…').waitFor()
    await page.getByRole('dialog', { name: 'Напишите нам' }).waitFor()
  })

  it("setLocale('pl') switches the launcher, the chooser and a lazily loaded panel to Polish", async () => {
    const page = await visit({ channels: { enabled: ['chat', 'callback', 'form'], formId: 'f1' } })
    await page.getByTestId('openline-launcher').waitFor()
    await widgetReady(page)
    await page.evaluate(() => (window as unknown as { Openline: Openline }).Openline('setLocale', 'pl'))
    await page.getByRole('button', { name: 'Czat' }).click()
    const chooser = page.getByTestId('openline-chooser')
    await chooser.getByText('Jak możemy pomóc?').waitFor()
    expect(await chooser.getByRole('button').allTextContents()).toEqual([
      'Napisz na czacie',
      'Zamów rozmowę zwrotną',
      'Wyślij wiadomość',
    ])
    await chooser.getByRole('button', { name: 'Zamów rozmowę zwrotną' }).click()
    await page.getByRole('dialog', { name: 'Zamów rozmowę zwrotną' }).waitFor()
    await page.getByLabel('Numer telefonu').waitFor()
    await page.getByRole('button', { name: 'Zadzwońcie do mnie' }).waitFor()
    // The form chunk speaks Polish too (here: its "not available" text, the form id being unknown).
    await page.locator('.ol-head').getByRole('button', { name: 'Wstecz' }).click()
    await chooser.getByRole('button', { name: 'Wyślij wiadomość' }).click()
    await page.getByText('Ten formularz jest niedostępny.').waitFor()
    // And on to Russian while the panel is open.
    await page.evaluate(() => (window as unknown as { Openline: Openline }).Openline('setLocale', 'ru'))
    await page.getByRole('dialog', { name: 'Оставить сообщение' }).waitFor()
    await page.getByText('Эта форма недоступна.').waitFor()
  })

  it('the language comes from the widget setting, else from the browser', async () => {
    const byBrowser = await (await suite.context({ locale: 'pl-PL' })).newPage()
    const widgetId = await createTestWidget(suite.server, {})
    site = await hostWidget(suite.server, widgetId, ['/'])
    await byBrowser.goto(`${site.url}/`)
    await byBrowser.getByRole('button', { name: 'Czat' }).waitFor()

    const bySetting = await (await suite.context({ locale: 'pl-PL' })).newPage()
    const ruWidget = await createTestWidget(suite.server, { language: 'ru' })
    const ruSite = await hostWidget(suite.server, ruWidget, ['/'])
    try {
      await bySetting.goto(`${ruSite.url}/`)
      await bySetting.getByRole('button', { name: 'Чат' }).click()
      await bySetting.getByPlaceholder('Напишите сообщение…').waitFor()
    } finally {
      await ruSite.close()
    }
  })
})
