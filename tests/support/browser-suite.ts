/**
 * The common frame of a browser test file: one Openline server (demo seeded) and one Chromium for
 * the file, contexts closed after each test. Call inside a `describe`.
 */
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { launchBrowser } from './browser.ts'
import { startTestServer, type TestServer } from './test-server.ts'

export interface BrowserSuite {
  readonly server: TestServer
  readonly browser: Browser
  /** A fresh browser context (its own cookies and storage: another person), closed after the test. */
  context(options?: BrowserContextOptions): Promise<BrowserContext>
}

export function useBrowserSuite(): BrowserSuite {
  let server: TestServer | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startTestServer(), launchBrowser()])
  })
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()))
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })
  return {
    get server() {
      if (!server) throw new Error('the browser suite has not started')
      return server
    },
    get browser() {
      if (!browser) throw new Error('the browser suite has not started')
      return browser
    },
    async context(options) {
      if (!browser) throw new Error('the browser suite has not started')
      const created = await browser.newContext(options)
      created.setDefaultTimeout(8_000)
      contexts.push(created)
      return created
    },
  }
}
