import { describe, expect, it } from 'vitest'
import type { WidgetConfig } from '../host-contract.ts'
import { createChat } from '../realtime/chat-client.ts'
import { fakeApi, fakeClock, fakeNetwork, fakeSockets, memoryKv, settle } from '../realtime/test-doubles.ts'
import { setLocale } from './set-locale.ts'
import { testConfig } from './test-config.ts'

function deps(status = 200) {
  const calls = { urls: [] as string[], configs: [] as WidgetConfig[], identified: [] as unknown[] }
  const config = testConfig({}, { locale: 'ru' })
  return {
    calls,
    deps: {
      baseUrl: 'https://chat.example/',
      widgetId: 'w 1',
      fetch: async (url: string) => {
        calls.urls.push(url)
        return { ok: status === 200, status, json: async () => config }
      },
      setConfig: (c: WidgetConfig) => calls.configs.push(c),
      identify: async (traits: unknown) => {
        calls.identified.push(traits)
      },
    },
  }
}

describe("Openline('setLocale', code) (issue 5 items 7 and 8)", () => {
  it("loads that language's texts and reports the choice in the visitor context", async () => {
    const { deps: d, calls } = deps()
    await setLocale('ru', d)
    expect(calls.urls).toEqual(['https://chat.example/api/widgets/w%201/config?lang=ru'])
    expect(calls.configs.map((c) => c.locale)).toEqual(['ru'])
    expect(calls.identified).toEqual([{ context: { locale: 'ru' } }])
  })

  it('throws at the caller on misuse, and rejects on an HTTP failure without reporting a locale', async () => {
    const { deps: d, calls } = deps(503)
    expect(() => setLocale('de', d)).toThrow("code must be 'en', 'ru' or 'pl', got 'de'")
    await expect(setLocale('pl', d)).rejects.toThrow('HTTP 503')
    expect(calls.identified).toEqual([])
  })

  it('the chat client PATCHes the context now, or once the visitor exists', async () => {
    const { api, calls } = fakeApi()
    const chat = createChat({
      widgetId: 'w1',
      wsUrl: 'wss://chat.example/ws',
      api,
      kv: memoryKv(),
      peers: null,
      WebSocket: fakeSockets().WebSocket,
      timers: fakeClock(),
      network: fakeNetwork(),
      random: () => 0.5,
      now: () => 1,
      newId: () => 'id',
      context: () => ({}),
      reportError: (e) => {
        throw e
      },
    })
    await chat.start()
    await chat.identify({ context: { locale: 'pl' } })
    expect(calls.update).toEqual([])
    chat.setOpen(true)
    await settle()
    expect(calls.update).toEqual([{ token: 'token-1', patch: { context: { locale: 'pl' } } }])
    chat.stop()
  })
})
