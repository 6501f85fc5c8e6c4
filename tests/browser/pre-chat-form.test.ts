/**
 * Issue 5 item 3: "the same form engine serves as the pre-chat form". Real server, real Chromium:
 * a new visitor fills the pre-chat form, the chat opens, their first message reaches the operators,
 * and the operator API shows the visitor's name and e-mail on the conversation.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { FormDefinition } from '../../server/forms/form-types.ts'
import { axeViolations, hasChromium } from '../support/browser.ts'
import { useBrowserSuite } from '../support/browser-suite.ts'
import type { HostSite } from '../support/host-site.ts'
import { signIn } from '../support/http-client.ts'
import { createTestWidget, hostWidget } from '../support/widget-fixtures.ts'
import { sendFromWidget, widgetMessage } from '../support/widget-page.ts'

const definition: FormDefinition = {
  version: 1,
  sections: [
    {
      key: 'you',
      fields: [
        { key: 'name', type: 'text', label: 'Your name', required: true },
        { key: 'email', type: 'email', label: 'E-mail', required: true },
      ],
    },
  ],
}

interface Conversation {
  id: string
  visitorId: string
  visitorName: string | null
}

describe.skipIf(!hasChromium)('pre-chat form (issue 5 item 3)', () => {
  const suite = useBrowserSuite()
  let site: HostSite | undefined
  afterEach(async () => {
    await site?.close()
    site = undefined
  })

  it('pre-chat form → chat → the operator sees who is writing', async () => {
    const { store, demo, url } = suite.server
    const demoWidget = await store.findWidget(demo.widgetId)
    if (!demoWidget) throw new Error('no demo widget')
    const form = await store.createForm({
      workspaceId: demoWidget.workspaceId,
      name: 'Pre-chat',
      definition,
      enabled: true,
      now: Date.now(),
    })
    const widgetId = await createTestWidget(suite.server, { channels: { preChatFormId: form.id } })
    site = await hostWidget(suite.server, widgetId, ['/'])
    const page = await (await suite.context()).newPage()
    await page.goto(site.url)
    await page.getByTestId('openline-launcher').click()

    // The form comes first; the server's refusal sits at the field it names.
    await page.getByLabel(/^Your name/).fill('Ada Lovelace')
    await page.getByRole('button', { name: 'Send' }).click()
    const email = page.getByLabel(/^E-mail/)
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true')
    expect(await axeViolations(page, 'openline-widget')).toEqual([])
    await email.fill('Ada@Example.com')
    await page.getByRole('button', { name: 'Send' }).click()

    // Then the chat, with the focus in the composer.
    const input = page.getByTestId('openline-input')
    await expect
      .poll(() => input.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement))
      .toBe(true)
    await sendFromWidget(page, 'Hello, is my order on its way?')
    await widgetMessage(page, 'Hello, is my order on its way?', 'arrived').waitFor()

    const operator = await signIn(url, demo.email, demo.password)
    const headers = { cookie: operator.cookie }
    const list = (await (await fetch(`${url}/api/conversations`, { headers })).json()) as {
      conversations: Conversation[]
    }
    const conversation = list.conversations.find((c) => c.visitorName === 'Ada Lovelace')
    expect(conversation).toBeDefined()
    const detail = await (await fetch(`${url}/api/conversations/${conversation!.id}`, { headers })).json()
    expect(detail.visitor).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com' })
    expect(detail.messages.map((m: { body: string }) => m.body)).toContain('Hello, is my order on its way?')

    // After a reload (the panel reopens by itself, as it was open): the chat, not the form again.
    await page.reload()
    await widgetMessage(page, 'Hello, is my order on its way?').waitFor()
    expect(await page.getByLabel(/^Your name/).count()).toBe(0)
  })
})
