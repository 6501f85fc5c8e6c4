/**
 * Issue "Chat end to end", done-when: a visitor on the demo host page chats through the widget with
 * an operator in the console (another browser context); history survives a reload; messages written
 * offline arrive exactly once when the connection returns.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hasChromium } from '../support/browser.ts'
import { useBrowserSuite } from '../support/browser-suite.ts'
import { openConversationWith, reply, signInToConsole } from '../support/console-page.ts'
import { openWidget, sendFromWidget, widgetMessage } from '../support/widget-page.ts'

describe.skipIf(!hasChromium)('widget on the demo host page', () => {
  const suite = useBrowserSuite()
  const context = () => suite.context()

  async function operatorConsole(): Promise<Page> {
    const page = await (await context()).newPage()
    await signInToConsole(page, suite.server.url, suite.server.demo.email, suite.server.demo.password)
    return page
  }

  it('carries a conversation between the widget and the console, and keeps it across a reload', async () => {
    const operator = await operatorConsole()
    const visitor = await (await context()).newPage()
    await visitor.goto(`${suite.server.url}/demo`)
    await openWidget(visitor)
    await sendFromWidget(visitor, 'Do you ship to Poland?')
    await widgetMessage(visitor, 'Do you ship to Poland?', 'arrived').waitFor()
    // The console was already open: the new conversation must appear in real time.
    await operator
      .getByTestId('inbox-item')
      .filter({ hasText: 'Do you ship to Poland?' })
      .waitFor({ timeout: 1_000 })

    await openConversationWith(operator, 'Do you ship to Poland?')
    await reply(operator, 'Yes, in 3 days.')
    await widgetMessage(visitor, 'Yes, in 3 days.').waitFor()

    await visitor.reload()
    // The panel was open when the page went away: the widget reopens it by itself, history first.
    await widgetMessage(visitor, 'Yes, in 3 days.').waitFor()
    const texts = await visitor.getByTestId('openline-message').allInnerTexts()
    expect(texts).toEqual([
      expect.stringContaining('Do you ship to Poland?'),
      expect.stringContaining('Yes, in 3 days.'),
    ])
  })

  it('queues messages written offline and delivers each exactly once on reconnect', async () => {
    const operator = await operatorConsole()
    const visitorContext = await context()
    const visitor = await visitorContext.newPage()
    await visitor.goto(`${suite.server.url}/demo`)
    await openWidget(visitor)
    await sendFromWidget(visitor, 'Before going offline')
    await widgetMessage(visitor, 'Before going offline', 'arrived').waitFor()
    await openConversationWith(operator, 'Before going offline')

    // Chromium fires the page's `offline`/`online` events itself when the context's network changes.
    await visitorContext.setOffline(true)
    await sendFromWidget(visitor, 'Written offline one')
    await sendFromWidget(visitor, 'Written offline two')
    await widgetMessage(visitor, 'Written offline one', 'pending').waitFor()
    await widgetMessage(visitor, 'Written offline two', 'pending').waitFor()

    await visitorContext.setOffline(false)
    await widgetMessage(visitor, 'Written offline one', 'arrived').waitFor({ timeout: 15_000 })
    await widgetMessage(visitor, 'Written offline two', 'arrived').waitFor({ timeout: 15_000 })

    const thread = operator.getByTestId('message')
    await thread.filter({ hasText: 'Written offline two' }).waitFor()
    const bodies = await thread.allInnerTexts()
    expect(bodies.filter((t) => t.includes('Written offline one'))).toHaveLength(1)
    expect(bodies.filter((t) => t.includes('Written offline two'))).toHaveLength(1)
    // And the server stored each once.
    const conversations = await suite.server.store.listConversations(
      (await suite.server.store.findWidgetBySlug('demo'))!.workspaceId,
    )
    const stored = await Promise.all(
      conversations.map((c) => suite.server.store.listMessages(c.workspaceId, c.id)),
    )
    const offline = stored.flat().filter((m) => m.body.startsWith('Written offline'))
    expect(offline.map((m) => m.body).sort()).toEqual(['Written offline one', 'Written offline two'])
  })
})
