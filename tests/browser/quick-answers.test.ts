/**
 * Issue "Open lines", items 4 and 6, end to end: an operator saves a personal quick answer on the
 * console's quick-answers page, then inserts it in a conversation with `/` + its shortcut and sends
 * it; the visitor's widget shows the text.
 */
import { describe, expect, it } from 'vitest'
import { hasChromium } from '../support/browser.ts'
import { useBrowserSuite } from '../support/browser-suite.ts'
import { openConversationWith, signInToConsole } from '../support/console-page.ts'
import { openWidget, sendFromWidget, widgetMessage } from '../support/widget-page.ts'

const ANSWER = 'Thanks for waiting — your parcel leaves the warehouse today.'

describe.skipIf(!hasChromium)('quick answers', () => {
  const suite = useBrowserSuite()

  it('are created on their page and sent from the composer with / + shortcut', async () => {
    const visitor = await (await suite.context()).newPage()
    await visitor.goto(`${suite.server.url}/demo`)
    await openWidget(visitor)
    await sendFromWidget(visitor, 'Where is my parcel?')
    await widgetMessage(visitor, 'Where is my parcel?', 'arrived').waitFor()

    const operator = await (await suite.context()).newPage()
    await signInToConsole(operator, suite.server.url, suite.server.demo.email, suite.server.demo.password)
    await operator.getByTestId('nav-quick-answers').click()
    await operator.getByTestId('qa-add').click()
    await operator.getByTestId('qa-scope-personal').check()
    await operator.getByTestId('qa-shortcut').fill('/parcel-today')
    await operator.getByTestId('qa-title').fill('Parcel ships today')
    await operator.getByTestId('qa-text').fill(ANSWER)
    await operator.getByTestId('qa-save').click()
    const row = operator.locator('[data-testid="qa-row"][data-shortcut="/parcel-today"]')
    await row.waitFor()
    expect(await row.getByTestId('qa-scope').textContent()).toBe('Only me')

    await operator.getByTestId('nav-inbox').click()
    await openConversationWith(operator, 'Where is my parcel?')
    const composer = operator.getByTestId('composer-input')
    await composer.pressSequentially('/parcel')
    await operator.getByTestId('quick-answer').filter({ hasText: '/parcel-today' }).waitFor()
    await composer.press('Enter')
    expect(await composer.inputValue()).toBe(ANSWER)
    await composer.press('Enter')
    await operator.locator('[data-testid="message"][data-status="delivered"]', { hasText: ANSWER }).waitFor()

    await widgetMessage(visitor, ANSWER).waitFor()
  })
})
