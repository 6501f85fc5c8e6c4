/**
 * Issue "Chat end to end": the public chat page at a phone viewport, end to end with the operator
 * console in another browser context — real server, real Chromium.
 */
import { describe, expect, it } from 'vitest'
import { hasChromium } from '../support/browser.ts'
import { useBrowserSuite } from '../support/browser-suite.ts'
import { openConversationWith, reply, signInToConsole } from '../support/console-page.ts'

const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }

describe.skipIf(!hasChromium)('public chat page on a phone', () => {
  const suite = useBrowserSuite()

  it('lets a visitor on a phone chat with an operator in the console', async () => {
    const { server } = suite
    const visitor = await (await suite.context(PHONE)).newPage()
    await visitor.goto(`${server.url}/chat/${server.demo.slug}`)
    const input = visitor.getByTestId('openline-input')
    await input.fill('Hello from my phone')
    await visitor.getByTestId('openline-send').click()
    await visitor.locator('[data-testid="openline-message"][data-status="delivered"]').waitFor()

    // Phone layout: the chat fills the screen, and the input does not make iOS zoom in on focus.
    const box = await visitor.getByTestId('public-chat').boundingBox()
    expect(box?.width).toBe(375)
    expect(
      await input.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize)),
    ).toBeGreaterThanOrEqual(16)

    const operator = await (await suite.context()).newPage()
    await signInToConsole(operator, server.url, server.demo.email, server.demo.password)
    await openConversationWith(operator, 'Hello from my phone')
    await reply(operator, 'Hi! How can I help?')

    await visitor
      .locator('[data-testid="openline-message"][data-author="operator"]', { hasText: 'Hi! How can I help?' })
      .waitFor()
    await visitor.reload()
    const history = visitor.getByTestId('openline-message')
    await history.nth(1).waitFor()
    expect(await history.allInnerTexts()).toEqual([
      expect.stringContaining('Hello from my phone'),
      expect.stringContaining('Hi! How can I help?'),
    ])
  })
})
