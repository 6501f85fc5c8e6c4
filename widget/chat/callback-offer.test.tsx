// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { connectedTestChat } from '../realtime/test-chat.ts'
import { callbackOfferMessage } from '../realtime/test-doubles.ts'
import { ChatPanel } from './chat-panel.tsx'

afterEach(cleanup)

/** Issue "Open lines": "nobody answered within N minutes → offer a callback". */
const offer = callbackOfferMessage()

describe('ChatPanel: a no-answer reply offering a callback', () => {
  it('shows a button that opens the callback channel', async () => {
    const { chat, socket } = await connectedTestChat()
    let opened = 0
    render(<ChatPanel chat={chat} onCallback={() => opened++} />)
    act(() => socket.receive({ type: 'message.created', message: offer }))
    const button = screen.getByTestId('openline-callback-offer')
    expect(button.textContent).toBe('Call me back')
    fireEvent.click(button)
    expect(opened).toBe(1)
  })

  it('is text only when the callback channel is off', async () => {
    const { chat, socket } = await connectedTestChat()
    render(<ChatPanel chat={chat} />)
    act(() => socket.receive({ type: 'message.created', message: offer }))
    expect(screen.getByTestId('openline-message').textContent).toContain('Shall we call you back?')
    expect(screen.queryByTestId('openline-callback-offer')).toBeNull()
  })
})
