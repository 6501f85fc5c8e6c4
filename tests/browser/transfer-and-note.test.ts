/**
 * Issue "Open lines", items 4 and 5, end to end: an operator writes a hidden note and transfers the
 * conversation to a colleague. The colleague sees the conversation and the note; the visitor sees
 * the transfer but never the note — neither on the page nor on their WebSocket.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hashPassword } from '../../server/auth/index.ts'
import { axeViolations, hasChromium } from '../support/browser.ts'
import { useBrowserSuite } from '../support/browser-suite.ts'
import { openConversationWith, signInToConsole } from '../support/console-page.ts'
import { openWidget, sendFromWidget, widgetMessage } from '../support/widget-page.ts'

const SECRET = 'secret-note-text-123'

/** Every text node of the page, including the widget's (open) shadow root. */
function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = []
    const walk = (root: Node) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT)
      for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
        if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '')
        const shadow = node instanceof Element ? node.shadowRoot : null
        if (shadow) walk(shadow)
      }
    }
    walk(document.documentElement)
    return parts.join(' ')
  })
}

describe.skipIf(!hasChromium)('hidden notes and transfer', () => {
  const suite = useBrowserSuite()

  it('shows a note to operators only and hands the conversation to a colleague', async () => {
    const { store } = suite.server
    const widget = await store.findWidgetBySlug(suite.server.demo.slug)
    if (!widget) throw new Error('the demo widget is missing')
    const colleague = { email: `bob-${Date.now()}@example.com`, password: 'correct horse battery 9' }
    await store.createOperator({
      workspaceId: widget.workspaceId,
      email: colleague.email,
      name: 'Bob Colleague',
      passwordHash: await hashPassword(colleague.password),
      role: 'operator',
      now: Date.now(),
    })

    const operator = await (await suite.context()).newPage()
    await signInToConsole(operator, suite.server.url, suite.server.demo.email, suite.server.demo.password)
    const bob = await (await suite.context()).newPage()
    await signInToConsole(bob, suite.server.url, colleague.email, colleague.password)

    const visitor = await (await suite.context()).newPage()
    const received: string[] = []
    // Registered before the page loads: every frame the widget's socket ever gets is recorded.
    visitor.on('websocket', (ws) => {
      ws.on('framereceived', (frame) => received.push(String(frame.payload)))
    })
    await visitor.goto(`${suite.server.url}/demo`)
    await openWidget(visitor)
    await sendFromWidget(visitor, 'Can someone from billing help?')
    await widgetMessage(visitor, 'Can someone from billing help?', 'arrived').waitFor()

    await openConversationWith(operator, 'Can someone from billing help?')
    await operator.getByTestId('composer-mode-note').click()
    await operator.getByTestId('composer-input').fill(SECRET)
    await operator.getByTestId('composer-send').click()
    await operator.locator('[data-testid="note"][data-status="saved"]', { hasText: SECRET }).waitFor()

    await operator.getByTestId('transfer-open').click()
    const dialog = operator.getByRole('dialog', { name: 'Transfer conversation' })
    await dialog.waitFor()
    // The note in the thread and the open dialog pass axe like the rest of the console.
    const violations = await axeViolations(operator)
    expect(violations.map((v) => `${v.id}: ${v.help} — ${v.nodes[0]?.html}`)).toEqual([])
    await dialog.getByTestId('transfer-target').selectOption({ label: 'Bob Colleague' })
    await dialog.getByTestId('transfer-submit').click()
    await operator.getByTestId('team-status').filter({ hasText: 'Transferred to Bob Colleague.' }).waitFor()
    expect(await operator.getByRole('dialog').count()).toBe(0)

    // The visitor is told; the colleague has it under "Mine", note included.
    await widgetMessage(visitor, 'You are now talking to Bob Colleague').waitFor()
    await bob.getByTestId('tab-mine').click()
    // The inbox previews the latest message: now the transfer's system message.
    await openConversationWith(bob, 'You are now talking to Bob Colleague')
    await bob.getByTestId('message').filter({ hasText: 'Can someone from billing help?' }).waitFor()
    const note = bob.locator('[data-testid="note"]', { hasText: SECRET })
    await note.waitFor()
    expect(await note.textContent()).toContain('Only operators see this')

    expect(await pageText(visitor)).toContain('You are now talking to Bob Colleague')
    expect(await pageText(visitor)).not.toContain(SECRET)
    expect(received.some((f) => f.includes('You are now talking to Bob Colleague'))).toBe(true)
    expect(received.filter((f) => f.includes(SECRET))).toEqual([])
  })
})
