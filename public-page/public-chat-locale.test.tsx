// @vitest-environment happy-dom
/** Issue 5, item 7: the public chat page shows the catalog texts of the language the server chose. */
import { cleanup, render, screen } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { testConfig } from '../widget/app/test-config.ts'
import { createChat } from '../widget/realtime/chat-client.ts'
import { fakeApi, fakeClock, fakeNetwork, fakeSockets, memoryKv } from '../widget/realtime/test-doubles.ts'
import type { PublicChatConfig } from './load-config.ts'
import { PublicChatPage } from './public-chat-page.tsx'

afterEach(cleanup)

function page(config: PublicChatConfig) {
  const clock = fakeClock()
  const langs: string[] = []
  let id = 0
  render(
    <PublicChatPage
      slug="acme"
      load={async () => ({ kind: 'ready', config })}
      createChat={(c) =>
        createChat({
          widgetId: c.widgetId,
          wsUrl: c.wsUrl,
          api: fakeApi().api,
          kv: memoryKv(),
          peers: null,
          WebSocket: fakeSockets().WebSocket,
          timers: clock,
          network: fakeNetwork(),
          random: () => 0,
          now: clock.now,
          newId: () => `id-${++id}`,
          context: () => ({}),
          reportError: (error) => {
            throw error
          },
        })
      }
      setTitle={() => {}}
      setLang={(l) => langs.push(l)}
      viewport={null}
      baseUrl="http://x/"
    />,
  )
  return { langs }
}

describe('PublicChatPage in the visitor language', () => {
  it('a Russian browser gets the Russian texts and lang="ru"', async () => {
    const { langs } = page(testConfig({}, { locale: 'ru-RU' }))
    const input = await screen.findByPlaceholderText('Напишите сообщение…')
    expect(input).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Отправить сообщение' })).toBeTruthy()
    expect(screen.getByTestId('openline-panel').textContent).toContain('Напишите нам')
    expect(langs).toEqual(['ru'])
  })

  it("the business's own title and greeting win over the catalog's", async () => {
    page(testConfig({ title: 'Acme', greeting: 'Witamy w Acme!' }, { locale: 'pl-PL' }))
    const panel = await screen.findByTestId('openline-panel')
    expect(panel.textContent).toContain('Acme')
    expect(panel.textContent).toContain('Witamy w Acme!')
    expect(screen.getByPlaceholderText('Napisz wiadomość…')).toBeTruthy()
  })
})
