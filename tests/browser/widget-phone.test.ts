/**
 * Issue "Chat end to end", item 4: on a phone the widget's panel takes the whole screen, keeps clear
 * of the safe areas, and its input is large enough that iOS does not zoom in on focus.
 */
import { describe, expect, it } from 'vitest'
import { hasChromium } from '../support/browser.ts'
import { useBrowserSuite } from '../support/browser-suite.ts'
import { openWidget, sendFromWidget, widgetMessage } from '../support/widget-page.ts'

describe.skipIf(!hasChromium)('the widget on a phone', () => {
  const suite = useBrowserSuite()

  it('opens full screen with a 16px input and chats', async () => {
    const context = await suite.context({
      viewport: { width: 375, height: 667 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    })
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
})
