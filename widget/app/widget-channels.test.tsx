// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/preact'
import { render } from 'preact'
import { afterEach, describe, expect, it } from 'vitest'
import { orderChannels } from '../channels/order.ts'
import type { WidgetConfig, WidgetEvent } from '../host-contract.ts'
import { connectedTestChat } from '../realtime/test-chat.ts'
import { callbackOfferMessage } from '../realtime/test-doubles.ts'
import { testConfig } from './test-config.ts'
import { mountWidget, type RootHost } from './widget-root.tsx'

function fakeHost(config: WidgetConfig) {
  const launcher = document.createElement('button')
  const mount = document.createElement('div')
  document.body.append(launcher, mount)
  const events: [WidgetEvent, unknown][] = []
  const labels: [string, string][] = []
  const host: RootHost = {
    baseUrl: 'https://chat.example/',
    config,
    mount,
    launcher,
    setUnread: () => {},
    setExpanded: () => {},
    setLabel: (text, aria) => labels.push([text, aria]),
    emit: (event, data) => events.push([event, data]),
    activeElement: () => document.activeElement,
  }
  return { host, mount, events, labels }
}

async function mounted(config: WidgetConfig) {
  const { chat, socket } = await connectedTestChat()
  const h = fakeHost(config)
  let app: ReturnType<typeof mountWidget> | undefined
  await act(() => {
    app = mountWidget(chat, h.host)
  })
  return { ...h, chat, socket, app: app! }
}

afterEach(() => {
  cleanup()
  document.body.innerHTML = ''
})

const three = { channels: { enabled: ['chat', 'callback', 'form'], formId: 'f1' } }
const choices = () => screen.queryAllByRole('button').filter((b) => b.classList.contains('ol-choice'))

describe('orderChannels', () => {
  it.each([
    [{ open: true, estimatedWaitMinutes: 0 }, ['chat', 'callback', 'form']],
    [{ open: true, estimatedWaitMinutes: 5 }, ['chat', 'callback', 'form']],
    [{ open: true, estimatedWaitMinutes: 6 }, ['callback', 'form', 'chat']],
    [{ open: false, estimatedWaitMinutes: null }, ['callback', 'form', 'chat']],
  ])('line %j → %j', (line, order) => {
    expect(orderChannels(testConfig(three, { line }))).toEqual(order)
  })

  it('keeps the configured order of callback and form', () => {
    const config = testConfig(
      { channels: { enabled: ['form', 'chat', 'callback'] } },
      { line: { open: false } },
    )
    expect(orderChannels(config)).toEqual(['form', 'callback', 'chat'])
  })
})

describe('combined launcher', () => {
  it('with one channel the launcher opens it directly', async () => {
    const { app, mount } = await mounted(testConfig())
    await act(() => app.open())
    expect(screen.getByTestId('openline-input')).toBeTruthy()
    expect(screen.queryByTestId('openline-chooser')).toBeNull()
    render(null, mount)
  })

  it('with several, a chooser in the panel; the first choice has focus; back returns to it', async () => {
    const { app, mount } = await mounted(testConfig(three))
    await act(() => app.open())
    expect(choices().map((b) => b.textContent)).toEqual([
      'Chat with us',
      'Request a call back',
      'Send us a message',
    ])
    expect(document.activeElement).toBe(choices()[0])
    await act(() => {
      fireEvent.click(choices()[0]!)
    })
    expect(screen.getByTestId('openline-input')).toBeTruthy()
    await act(() => app.close())
    await act(() => app.open())
    expect(screen.getByTestId('openline-chooser')).toBeTruthy()
    render(null, mount)
  })

  it('puts callback and form first when the line is closed, and says so', async () => {
    const { app, mount } = await mounted(
      testConfig(three, { line: { open: false, estimatedWaitMinutes: null } }),
    )
    await act(() => app.open())
    expect(choices().map((b) => b.dataset.channel)).toEqual(['callback', 'form', 'chat'])
    expect(screen.getByText(/We are closed right now/)).toBeTruthy()
    render(null, mount)
  })

  it('show(channel) opens that channel with a back button and a title; Escape closes', async () => {
    const { app, mount, events } = await mounted(testConfig(three))
    await act(() => app.show('callback'))
    const panel = screen.getByRole('dialog', { name: 'Request a call back' })
    expect(screen.getByRole('button', { name: 'Back' })).toBeTruthy()
    await act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Back' }))
    })
    expect(screen.getByTestId('openline-chooser')).toBeTruthy()
    await act(() => {
      fireEvent.keyDown(screen.getByTestId('openline-chooser'), { key: 'Escape' })
    })
    expect(panel.isConnected).toBe(false)
    expect(events.filter(([e]) => e === 'open' || e === 'close').map(([e]) => e)).toEqual(['open', 'close'])
    render(null, mount)
  })

  it('texts come from the config: a Russian config gives a Russian panel and launcher', async () => {
    const { app, mount, labels } = await mounted(testConfig(three, { locale: 'ru-RU' }))
    expect(labels.at(-1)).toEqual(['Чат', 'Чат'])
    await act(() => app.open())
    expect(screen.getByText('Чем мы можем помочь?')).toBeTruthy()
    await act(() => app.setConfig(testConfig(three, { locale: 'pl' })))
    expect(screen.getByText('Jak możemy pomóc?')).toBeTruthy()
    expect(labels.at(-1)).toEqual(['Czat', 'Czat'])
    await act(() => app.show('chat'))
    expect(screen.getByLabelText('Twoja wiadomość')).toBeTruthy()
    render(null, mount)
  })

  it("the no-answer reply's call-me-back opens the callback channel, only while it is on", async () => {
    const offer = callbackOfferMessage()
    const withCallback = await mounted(testConfig(three))
    await act(() => withCallback.app.show('chat'))
    await act(() => withCallback.socket.receive({ type: 'message.created', message: offer }))
    await act(() => {
      fireEvent.click(screen.getByTestId('openline-callback-offer'))
    })
    expect(screen.getByRole('dialog', { name: 'Request a call back' })).toBeTruthy()
    render(null, withCallback.mount)

    const chatOnly = await mounted(testConfig({ channels: { enabled: ['chat', 'form'], formId: 'f1' } }))
    await act(() => chatOnly.app.show('chat'))
    await act(() => chatOnly.socket.receive({ type: 'message.created', message: offer }))
    expect(screen.getByText(/Shall we call you back/)).toBeTruthy()
    expect(screen.queryByTestId('openline-callback-offer')).toBeNull()
    render(null, chatOnly.mount)
  })
})
