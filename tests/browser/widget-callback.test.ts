/**
 * Issue 5, item 2, done-when: a visitor requests a callback from the launcher → it appears in the
 * console's callbacks queue in real time → the operator marks it called.
 */
import { describe, expect, it } from 'vitest'
import { hasChromium } from '../support/browser.ts'
import { useBrowserSuite } from '../support/browser-suite.ts'
import { signInToConsole } from '../support/console-page.ts'

describe.skipIf(!hasChromium)('callback request from the widget', () => {
  const suite = useBrowserSuite()

  it('reaches the console queue live and is marked called', async () => {
    const { store } = suite.server
    const widget = await store.findWidget(suite.server.demo.widgetId)
    if (!widget) throw new Error('no demo widget')
    // One channel: the launcher opens the callback form directly.
    await store.updateWidget(widget.workspaceId, widget.id, {
      settings: { ...widget.settings, channels: { enabled: ['callback'] }, callback: { consent: true } },
      now: Date.now(),
    })

    const operator = await (await suite.context()).newPage()
    await signInToConsole(operator, suite.server.url, suite.server.demo.email, suite.server.demo.password)
    await operator.getByTestId('nav-callbacks').click()
    await operator.getByText('No callbacks here.').waitFor()

    const visitor = await (await suite.context()).newPage()
    await visitor.goto(`${suite.server.url}/demo`)
    await visitor.getByTestId('openline-launcher').click()
    await visitor.getByLabel('Your name').fill('Anna Nowak')
    await visitor.getByLabel('Phone number').fill('+48 601 234 567')
    await visitor.getByLabel('What is it about?').fill('Delivery to Poland')
    await visitor.getByRole('button', { name: 'Call me back' }).click()
    // Consent is configured and was not ticked: the error sits at the checkbox, focused.
    const consent = visitor.getByRole('checkbox', { name: 'I agree to be contacted about my request.' })
    await expect.poll(() => consent.getAttribute('aria-invalid')).toBe('true')
    await consent.check()
    await visitor.getByRole('button', { name: 'Call me back' }).click()
    await visitor.getByText(/^Thank you! We will call you/).waitFor()

    // The console was already open: the request arrives over the operator socket.
    const item = operator.getByTestId('callback-item').filter({ hasText: 'Anna Nowak' })
    await item.waitFor({ timeout: 2_000 })
    expect(await item.textContent()).toContain('+48601234567')
    await item.getByRole('button', { name: 'Called' }).click()
    await item.waitFor({ state: 'detached' })
    await operator.getByRole('button', { name: 'Called', pressed: false }).first().click()
    await operator.getByTestId('callback-item').filter({ hasText: 'Anna Nowak' }).waitFor()

    const [stored] = await store.listCallbacks(widget.workspaceId)
    expect(stored).toMatchObject({ name: 'Anna Nowak', phone: '+48601234567', status: 'called' })
    expect(stored?.consentText).toBe('I agree to be contacted about my request.')
  })
})
