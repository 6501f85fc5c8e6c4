// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { connectedTestChat } from '../realtime/test-chat.ts'
import { wireConversation, wireMessage } from '../realtime/test-doubles.ts'
import { ChatPanel } from './chat-panel.tsx'

afterEach(cleanup)

const mine = (clientId: string, seq: number, body: string) =>
  wireMessage({ seq, clientId, body, authorKind: 'visitor', authorName: null, authorId: 'v1' })

describe('ChatPanel', () => {
  it('sends on Enter, keeps Shift+Enter as a new line', async () => {
    const { chat, socket } = await connectedTestChat()
    render(<ChatPanel chat={chat} />)
    const input = screen.getByTestId('openline-input') as HTMLTextAreaElement

    fireEvent.input(input, { target: { value: 'Hello' } })
    fireEvent.keyDown(input, { key: 'Enter', shiftKey: true })
    expect(socket.sentOfType('message.send')).toEqual([])

    fireEvent.keyDown(input, { key: 'Enter' })
    expect(socket.sentOfType('message.send')).toEqual([
      { type: 'message.send', id: expect.any(String), conversationId: 'c1', body: 'Hello' },
    ])
    expect(input.value).toBe('')
    expect(screen.getAllByTestId('openline-message').map((el) => el.textContent)).toEqual([
      expect.stringContaining('Hello'),
    ])
  })

  it('sends with the send button too, and ignores an empty message', async () => {
    const { chat, socket } = await connectedTestChat()
    render(<ChatPanel chat={chat} />)
    fireEvent.click(screen.getByRole('button', { name: 'Send message' }))
    expect(socket.sentOfType('message.send')).toEqual([])
    fireEvent.input(screen.getByRole('textbox', { name: 'Your message' }), { target: { value: 'Hi there' } })
    fireEvent.click(screen.getByRole('button', { name: 'Send message' }))
    expect(socket.sentOfType('message.send')).toHaveLength(1)
  })

  it('renders pending → sent → delivered → read, one item throughout', async () => {
    const { chat, sockets, network } = await connectedTestChat()
    render(<ChatPanel chat={chat} />)
    act(() => network.set(false))
    expect(screen.getByRole('status').textContent).toContain('offline')

    fireEvent.input(screen.getByTestId('openline-input'), { target: { value: 'Are you there?' } })
    fireEvent.keyDown(screen.getByTestId('openline-input'), { key: 'Enter' })
    const item = () => screen.getByTestId('openline-message')
    expect(item().dataset.status).toBe('pending')
    expect(item().textContent).toContain('Sending…')

    act(() => network.set(true))
    const socket = sockets.last()
    act(() => {
      socket.open()
      socket.receive({
        type: 'session.ready',
        role: 'visitor',
        subjectId: 'v1',
        conversations: [],
        serverTime: 1,
      })
    })
    expect(item().dataset.status).toBe('sent')

    const [frame] = socket.sentOfType('message.send')
    act(() =>
      socket.receive({ type: 'frame.ack', ref: frame!.id, message: mine(frame!.id, 1, 'Are you there?') }),
    )
    expect(item().dataset.status).toBe('delivered')
    expect(item().textContent).toContain('Delivered')

    act(() => socket.receive({ type: 'read.updated', conversationId: 'c1', reader: 'operator', seq: 1 }))
    expect(item().dataset.status).toBe('read')
    expect(screen.getAllByTestId('openline-message')).toHaveLength(1)
  })

  it('shows the operator, the greeting and the typing indicator', async () => {
    const { chat, socket } = await connectedTestChat()
    render(<ChatPanel chat={chat} settings={{ greeting: 'Welcome to Acme!', title: 'Acme' }} />)
    expect(screen.getByRole('dialog', { name: 'Acme' })).toBeTruthy()
    expect(screen.getByRole('log').textContent).toContain('Welcome to Acme!')
    act(() =>
      socket.receive({
        type: 'typing.updated',
        conversationId: 'c1',
        authorKind: 'operator',
        authorId: 'op1',
        authorName: 'Anna',
        typing: true,
      }),
    )
    expect(screen.getByTestId('openline-typing').textContent).toBe('Anna is typing…')
    act(() =>
      socket.receive({ type: 'message.created', message: wireMessage({ seq: 1, body: 'How can I help?' }) }),
    )
    expect(screen.getByTestId('openline-typing').textContent).toBe('')
    const item = screen.getByTestId('openline-message')
    expect(item.dataset.author).toBe('operator')
    expect(item.textContent).toContain('Anna')
    expect(item.textContent).toContain('How can I help?')
  })

  it('marks what it shows as read while the page is visible', async () => {
    const { chat, socket } = await connectedTestChat({ unreadSeqs: [1, 2] })
    render(<ChatPanel chat={chat} />)
    expect(socket.sentOfType('message.read')).toEqual([
      { type: 'message.read', id: expect.any(String), conversationId: 'c1', seq: 2 },
    ])
  })

  it('labels every control and closes on Escape', async () => {
    const { chat } = await connectedTestChat()
    let closed = 0
    render(<ChatPanel chat={chat} onClose={() => closed++} />)
    for (const button of screen.getAllByRole('button'))
      expect(button.getAttribute('aria-label') || button.textContent?.trim()).toBeTruthy()
    fireEvent.keyDown(screen.getByTestId('openline-input'), { key: 'Escape' })
    expect(closed).toBe(1)
  })

  it('lets the visitor end the conversation after a confirmation, then asks for a rating', async () => {
    const { chat, socket } = await connectedTestChat()
    render(<ChatPanel chat={chat} />)
    fireEvent.click(screen.getByRole('button', { name: 'End chat' }))
    expect(screen.getByText('End this conversation?')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Keep chatting' }))
    expect(screen.queryByText('End this conversation?')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'End chat' }))
    fireEvent.click(screen.getByTestId('openline-end-confirm'))
    expect(socket.sentOfType('conversation.close')).toEqual([
      { type: 'conversation.close', id: expect.any(String), conversationId: 'c1' },
    ])
    act(() =>
      socket.receive({
        type: 'conversation.updated',
        conversation: wireConversation({ status: 'closed', closedAt: 1_700_000_000_001 }),
      }),
    )
    expect(screen.queryByRole('button', { name: 'End chat' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Good answer' })).toBeTruthy()
  })

  it('says so when the line is closed and offers the callback instead', async () => {
    const { chat, socket } = await connectedTestChat()
    let callbacks = 0
    render(<ChatPanel chat={chat} onCallback={() => callbacks++} />)
    fireEvent.input(screen.getByTestId('openline-input'), { target: { value: 'Anyone there?' } })
    fireEvent.keyDown(screen.getByTestId('openline-input'), { key: 'Enter' })
    const [sent] = socket.sentOfType('message.send') as { id: string }[]
    expect(screen.queryByText(/We are closed now/)).toBeNull()
    act(() =>
      socket.receive({
        type: 'frame.error',
        ref: sent!.id,
        code: 'line_closed',
        message: 'The line is closed now',
      }),
    )
    expect(screen.getByTestId('openline-message').dataset.status).toBe('failed')
    expect(screen.getByRole('status').textContent).toContain('We are closed now')
    fireEvent.click(screen.getByRole('button', { name: 'Call me back' }))
    expect(callbacks).toBe(1)
  })
})
