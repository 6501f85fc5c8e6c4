/**
 * Issue "Chat end to end", item 4: on a phone the widget's panel takes the whole screen, keeps clear
 * of the safe areas, its input is large enough that iOS does not zoom in on focus, and the on-screen
 * keyboard never hides the input.
 */
import { describe, expect, it } from 'vitest'
import { hasChromium } from '../support/browser.ts'
import { useBrowserSuite } from '../support/browser-suite.ts'
import { openWidget, sendFromWidget, widgetMessage } from '../support/widget-page.ts'

/** An iPhone SE–sized touch screen. */
const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }

describe.skipIf(!hasChromium)('the widget on a phone', () => {
  const suite = useBrowserSuite()

  it('opens full screen with a 16px input and chats', async () => {
    const context = await suite.context(PHONE)
    const page = await context.newPage()
    await page.goto(`${suite.server.url}/demo`)
    await openWidget(page)
    const panel = await page.getByTestId('openline-panel').boundingBox()
    expect(panel).toMatchObject({ x: 0, y: 0, width: 375, height: 667 })
    const input = page.getByTestId('openline-input')
    expect(
      await input.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize)),
    ).toBeGreaterThanOrEqual(16)
    const inputBox = await input.boundingBox()
    expect((inputBox?.y ?? 0) + (inputBox?.height ?? 0)).toBeLessThanOrEqual(667)
    await sendFromWidget(page, 'Hello from a phone')
    await widgetMessage(page, 'Hello from a phone', 'arrived').waitFor()
  })

  it('keeps the input above the on-screen keyboard', async () => {
    const context = await suite.context(PHONE)
    // Headless Chromium has no on-screen keyboard. What a phone's keyboard does to the page is shrink
    // the visual viewport and fire its resize event, so the page gets a visual viewport that can do so.
    await context.addInitScript(() => {
      const real = window.visualViewport
      if (!real) return
      const fake = new EventTarget()
      let keyboard = 0
      for (const key of ['width', 'offsetLeft', 'offsetTop', 'pageLeft', 'pageTop', 'scale'] as const)
        Object.defineProperty(fake, key, { get: () => real[key] })
      Object.defineProperty(fake, 'height', { get: () => real.height - keyboard })
      Object.defineProperty(window, 'visualViewport', { value: fake, configurable: true })
      Object.defineProperty(window, 'showTestKeyboard', {
        value: (height: number) => {
          keyboard = height
          fake.dispatchEvent(new Event('resize'))
        },
      })
    })
    const page = await context.newPage()
    await page.goto(`${suite.server.url}/demo`)
    await openWidget(page)
    const input = page.getByTestId('openline-input')
    await input.focus()
    await page.evaluate(() =>
      (window as unknown as { showTestKeyboard(h: number): void }).showTestKeyboard(300),
    )
    await expect
      .poll(async () => {
        const box = await input.boundingBox()
        return (box?.y ?? 0) + (box?.height ?? 0)
      })
      .toBeLessThanOrEqual(667 - 300)
    const panel = await page.getByTestId('openline-panel').boundingBox()
    expect(panel?.height).toBe(667 - 300)
    await sendFromWidget(page, 'Typed above the keyboard')
    await widgetMessage(page, 'Typed above the keyboard', 'arrived').waitFor()
  })
})
