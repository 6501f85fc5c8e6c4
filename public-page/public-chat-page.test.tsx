// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import type { WidgetSettings } from '../server/widgets/settings-schema.ts'
import { createChat } from '../widget/realtime/chat-client.ts'
import { fakeApi, fakeClock, fakeNetwork, fakeSockets, memoryKv } from '../widget/realtime/test-doubles.ts'
import type { ConfigResult, PublicChatConfig } from './load-config.ts'
import { PublicChatPage } from './public-chat-page.tsx'

afterEach(cleanup)

const settings: WidgetSettings = {
  color: '#1f6feb',
  position: 'bottom-right',
  title: 'Acme support',
  greeting: 'Hi! How can we help?',
  launcherLabel: 'Chat',
  showOperatorAvatar: true,
  theme: 'light',
  // Issue 5 settings (defaults).
  launcherIcon: 'chat',
  showOperatorName: true,
  language: 'auto',
  texts: {},
  channels: { enabled: ['chat'], waitThresholdMinutes: 5 },
}
const config: PublicChatConfig = {
  widgetId: 'w1',
  lineId: 'l1',
  name: 'Acme',
  publicSlug: 'acme',
  settings,
  publicUrl: 'http://x',
  wsUrl: 'ws://x/ws',
}

function page(load: (slug: string) => Promise<ConfigResult>, slug: string | null = 'acme') {
  const sockets = fakeSockets()
  const clock = fakeClock()
  const titles: string[] = []
  let id = 0
  render(
    <PublicChatPage
      slug={slug}
      load={load}
      createChat={(c) =>
        createChat({
          widgetId: c.widgetId,
          wsUrl: c.wsUrl,
          api: fakeApi().api,
          kv: memoryKv(),
          peers: null,
          WebSocket: sockets.WebSocket,
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
      setTitle={(t) => titles.push(t)}
      viewport={null}
      baseUrl="http://x/"
    />,
  )
  return { sockets, titles }
}

describe('PublicChatPage', () => {
  it('shows a friendly page for an unknown slug', async () => {
    page(async () => ({ kind: 'not-found' }))
    expect((await screen.findByTestId('public-chat-not-found')).textContent).toContain(
      'This chat link does not work',
    )
  })

  it('shows the not-found page without a slug, without calling the API', () => {
    let called = false
    page(async () => {
      called = true
      return { kind: 'not-found' }
    }, null)
    expect(screen.getByTestId('public-chat-not-found')).toBeTruthy()
    expect(called).toBe(false)
  })

  it('offers to try again after an error', async () => {
    const answers: ConfigResult[] = [
      { kind: 'error', message: 'HTTP 503' },
      { kind: 'ready', config },
    ]
    page(async () => answers.shift()!)
    fireEvent.click(await screen.findByRole('button', { name: 'Try again' }))
    expect(await screen.findByTestId('public-chat')).toBeTruthy()
  })

  it('opens the chat with the widget settings and connects as a visitor', async () => {
    const { sockets, titles } = page(async () => ({ kind: 'ready', config }))
    const panel = await screen.findByTestId('openline-panel')
    expect(panel.textContent).toContain('Acme support')
    expect(panel.textContent).toContain('Hi! How can we help?')
    expect(titles).toEqual(['Acme support'])
    await waitFor(() => expect(sockets.all.length).toBe(1))
    expect(sockets.last().url).toContain('role=visitor')
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Acme support')
  })
})
