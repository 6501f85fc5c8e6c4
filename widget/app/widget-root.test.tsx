// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/preact'
import { render } from 'preact'
import { afterEach, describe, expect, it } from 'vitest'
import type { WidgetConfig, WidgetEvent } from '../host-contract.ts'
import { connectedTestChat } from '../realtime/test-chat.ts'
import { wireMessage } from '../realtime/test-doubles.ts'
import { testConfig } from './test-config.ts'
import { mountWidget, type RootHost } from './widget-root.tsx'

const config: WidgetConfig = testConfig({ title: 'Acme support', greeting: 'Hi!' })

function fakeHost(hostConfig: WidgetConfig = config) {
  const launcher = document.createElement('button')
  launcher.textContent = 'Chat'
  const mount = document.createElement('div')
  document.body.append(launcher, mount)
  const badge: number[] = []
  const expanded: boolean[] = []
  const events: [WidgetEvent, unknown][] = []
  const labels: [string, string][] = []
  const host: RootHost = {
    baseUrl: 'https://chat.example/',
    config: hostConfig,
    mount,
    launcher,
    setUnread: (n) => badge.push(n),
    setLabel: (text, aria) => labels.push([text, aria]),
    setExpanded: (open) => expanded.push(open),
    emit: (event, data) => events.push([event, data]),
    activeElement: () => document.activeElement,
  }
  return { host, launcher, mount, badge, expanded, events, labels }
}

/** Mounted inside act() so the first render's effects (the store subscription) have run. */
async function mounted(chat: Parameters<typeof mountWidget>[0], host: RootHost) {
  let app: ReturnType<typeof mountWidget> | undefined
  await act(() => {
    app = mountWidget(chat, host)
  })
  return app!
}

afterEach(() => {
  cleanup()
  document.body.innerHTML = ''
})

describe('mountWidget', () => {
  it('shows unread operator messages on the launcher badge while closed, and clears it when opened', async () => {
    const { chat, socket } = await connectedTestChat()
    const { host, badge, events, mount } = fakeHost()
    const app = await mounted(chat, host)
    await act(() => socket.receive({ type: 'message.created', message: wireMessage({ seq: 1 }) }))
    await act(() => socket.receive({ type: 'message.created', message: wireMessage({ seq: 2 }) }))
    expect(badge.at(-1)).toBe(2)
    expect(events).toContainEqual(['unread', 2])

    await act(() => app.open())
    expect(badge.at(-1)).toBe(0)
    expect(socket.sentOfType('message.read')).toMatchObject([{ seq: 2 }])
    await act(() => app.close())
    expect(badge.at(-1)).toBe(0)
    render(null, mount)
  })

  it('moves focus into the panel on open; Escape closes it and focus returns to the launcher', async () => {
    const { chat } = await connectedTestChat()
    const { host, launcher, expanded, events, mount } = fakeHost()
    const app = await mounted(chat, host)
    launcher.focus()
    await act(() => app.toggle())
    const input = screen.getByTestId('openline-input')
    expect(document.activeElement).toBe(input)
    expect(screen.getByRole('dialog', { name: 'Acme support' })).toBeTruthy()
    expect(expanded.at(-1)).toBe(true)

    await act(() => {
      fireEvent.keyDown(input, { key: 'Escape' })
    })
    expect(screen.queryByTestId('openline-panel')).toBeNull()
    expect(document.activeElement).toBe(launcher)
    expect(expanded.at(-1)).toBe(false)
    expect(events.filter(([e]) => e === 'open' || e === 'close').map(([e]) => e)).toEqual(['open', 'close'])
    render(null, mount)
  })

  it('returns focus from the close button, but not when the page closes a panel it had no focus in', async () => {
    const { chat } = await connectedTestChat()
    const { host, launcher, mount } = fakeHost()
    const app = await mounted(chat, host)
    await act(() => app.open())
    await act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Close chat' }))
    })
    expect(document.activeElement).toBe(launcher)

    const elsewhere = document.createElement('input')
    document.body.append(elsewhere)
    await act(() => app.open())
    elsewhere.focus()
    await act(() => app.close())
    expect(document.activeElement).toBe(elsewhere)
    render(null, mount)
  })

  it('restores an open panel after a reload without stealing focus', async () => {
    const { chat } = await connectedTestChat()
    const { host, mount } = fakeHost()
    await mounted(chat, host)
    await act(() => chat.setOpen(true))
    expect(screen.getByTestId('openline-panel')).toBeTruthy()
    expect(document.activeElement).toBe(document.body)
    render(null, mount)
  })
})
