/**
 * Issue 5, item 4, end to end in a real Chromium: the visitor attaches a file in the widget (through
 * the keyboard-reachable attach button), the operator sees it in the console and downloads exactly
 * those bytes; the operator sends a file back, the visitor sees it and downloads it through a
 * signed link.
 */
import { readFile } from 'node:fs/promises'
import type { Download, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hasChromium } from '../support/browser.ts'
import { useBrowserSuite } from '../support/browser-suite.ts'
import { openConversationWith, signInToConsole } from '../support/console-page.ts'
import { openWidget, sendFromWidget, widgetMessage } from '../support/widget-page.ts'

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n')
const NOTE = Buffer.from('Your order #42 ships on Monday.\nСпасибо!\n')

async function bytesOf(download: Download): Promise<Buffer> {
  const path = await download.path()
  if (!path) throw new Error(`download failed: ${await download.failure()}`)
  return readFile(path)
}

async function chooseFile(
  page: Page,
  open: () => Promise<void>,
  file: { name: string; mimeType: string; buffer: Buffer },
) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), open()])
  await chooser.setFiles(file)
}

describe.skipIf(!hasChromium)('attachments between the widget and the console', () => {
  const suite = useBrowserSuite()

  it('carry files both ways with the exact bytes', async () => {
    const operator = await (await suite.context()).newPage()
    await signInToConsole(operator, suite.server.url, suite.server.demo.email, suite.server.demo.password)
    const visitor = await (await suite.context()).newPage()
    await visitor.goto(`${suite.server.url}/demo`)
    await openWidget(visitor)
    await sendFromWidget(visitor, 'Here is my invoice')
    await widgetMessage(visitor, 'Here is my invoice', 'arrived').waitFor()
    await openConversationWith(operator, 'Here is my invoice')

    // Keyboard: focus the attach button and press Enter; the file picker opens.
    await chooseFile(
      visitor,
      async () => {
        await visitor.getByTestId('openline-attach').focus()
        await visitor.keyboard.press('Enter')
      },
      { name: 'invoice.pdf', mimeType: 'application/pdf', buffer: PDF },
    )
    await widgetMessage(visitor, 'invoice.pdf', 'arrived').waitFor()
    expect(await visitor.getByTestId('openline-file').textContent()).toBe(`invoice.pdf (${PDF.length} B)`)

    const link = operator.getByTestId('message-file').filter({ hasText: 'invoice.pdf' })
    await link.waitFor()
    const [download] = await Promise.all([operator.waitForEvent('download'), link.click()])
    expect(download.suggestedFilename()).toBe('invoice.pdf')
    expect(await bytesOf(download)).toEqual(PDF)

    await chooseFile(operator, () => operator.getByTestId('composer-attach').click(), {
      name: 'delivery.txt',
      mimeType: 'text/plain',
      buffer: NOTE,
    })
    await operator
      .getByTestId('message')
      .filter({ hasText: 'delivery.txt' })
      .and(operator.locator('[data-status="delivered"]'))
      .waitFor()

    const visitorLink = visitor.getByTestId('openline-file').filter({ hasText: 'delivery.txt' })
    await visitorLink.waitFor()
    const [back] = await Promise.all([visitor.waitForEvent('download'), visitorLink.click()])
    expect(back.suggestedFilename()).toBe('delivery.txt')
    expect(await bytesOf(back)).toEqual(NOTE)
    // The host page did not navigate away: the download came as an attachment.
    expect(new URL(visitor.url()).pathname).toBe('/demo')
  })

  it('tells the visitor when a file is refused (HTML posing as an image)', async () => {
    const visitor = await (await suite.context()).newPage()
    await visitor.goto(`${suite.server.url}/demo`)
    await openWidget(visitor)
    await chooseFile(visitor, () => visitor.getByTestId('openline-attach').click(), {
      name: 'cat.png',
      mimeType: 'image/png',
      buffer: Buffer.from('<html><script>alert(1)</script></html>'),
    })
    await visitor.getByRole('alert').filter({ hasText: 'The file was not sent' }).waitFor()
    expect(await visitor.getByTestId('openline-file').count()).toBe(0)
  })
})
