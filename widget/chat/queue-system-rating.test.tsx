// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { connectedTestChat } from '../realtime/test-chat.ts'
import { wireConversation, wireMessage } from '../realtime/test-doubles.ts'
import { ChatPanel } from './chat-panel.tsx'

afterEach(cleanup)

const queueLine = () => screen.getByTestId('openline-queue')

describe('ChatPanel: queue position', () => {
  it('says where the visitor is in the queue, politely, until an operator answers', async () => {
    const { chat, socket } = await connectedTestChat()
    render(<ChatPanel chat={chat} />)
    expect(queueLine().getAttribute('aria-live')).toBe('polite')
    expect(queueLine().textContent).toBe('')

    act(() => socket.receive({ type: 'queue.position', conversationId: 'c1', position: 3 }))
    expect(queueLine().textContent).toBe('You are number 3 in the queue')
    act(() => socket.receive({ type: 'queue.position', conversationId: 'c1', position: 1 }))
    expect(queueLine().textContent).toBe('You are number 1 in the queue')

    act(() =>
      socket.receive({ type: 'message.created', message: wireMessage({ seq: 1, body: 'Hi, Anna here' }) }),
    )
    expect(queueLine().textContent).toBe('')
  })

  it('clears when the conversation is assigned', async () => {
    const { chat, socket } = await connectedTestChat()
    render(<ChatPanel chat={chat} />)
    act(() => socket.receive({ type: 'queue.position', conversationId: 'c1', position: 2 }))
    act(() =>
      socket.receive({ type: 'conversation.updated', conversation: wireConversation({ assigneeId: 'op1' }) }),
    )
    expect(queueLine().textContent).toBe('')
  })
})

describe('ChatPanel: system messages', () => {
  it('shows them without an author and announces them as notices', async () => {
    const { chat, socket } = await connectedTestChat()
    render(<ChatPanel chat={chat} />)
    act(() => {
      socket.receive({
        type: 'message.created',
        message: wireMessage({
          seq: 1,
          authorKind: 'system',
          authorId: null,
          authorName: null,
          body: 'You are now talking to Ann',
        }),
      })
      socket.receive({
        type: 'message.created',
        message: wireMessage({ seq: 2, authorName: 'Ann', body: 'Hello!' }),
      })
    })
    const [system, operator] = screen.getAllByTestId('openline-message')
    expect(system!.dataset.author).toBe('system')
    expect(system!.textContent).toContain('Notice: You are now talking to Ann')
    expect(system!.querySelector('.ol-who, .ol-avatar, .ol-status')).toBeNull()
    // The operator's first line after the notice still says who is writing.
    expect(operator!.querySelector('.ol-who')?.textContent).toContain('Ann')
  })
})

async function closedChat() {
  const setup = await connectedTestChat()
  render(<ChatPanel chat={setup.chat} />)
  expect(screen.queryByTestId('openline-rating')).toBeNull()
  act(() =>
    setup.socket.receive({
      type: 'conversation.updated',
      conversation: wireConversation({ status: 'closed' }),
    }),
  )
  return setup
}

const good = () => screen.getByRole('button', { name: 'Good answer' })
const bad = () => screen.getByRole('button', { name: 'Bad answer' })
const status = () => screen.getByTestId('openline-rate-status').textContent

describe('ChatPanel: rating', () => {
  it('asks once the conversation is closed, sends the rating with the comment, thanks on the ack', async () => {
    const { socket } = await closedChat()
    expect(screen.getByRole('form', { name: 'How did we do?' })).toBeTruthy()
    expect(good().getAttribute('aria-pressed')).toBe('false')

    // Send without a choice sends nothing.
    fireEvent.click(screen.getByRole('button', { name: 'Send' }))
    expect(socket.sentOfType('conversation.rate')).toEqual([])

    fireEvent.click(good())
    expect(good().getAttribute('aria-pressed')).toBe('true')
    expect(bad().getAttribute('aria-pressed')).toBe('false')
    fireEvent.input(screen.getByRole('textbox', { name: 'Comment (optional)' }), {
      target: { value: ' Fast and kind ' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Send' }))
    const [frame] = socket.sentOfType('conversation.rate')
    expect(frame).toEqual({
      type: 'conversation.rate',
      id: expect.any(String),
      conversationId: 'c1',
      rating: 'like',
      comment: 'Fast and kind',
    })
    expect(status()).toBe('Sending…')
    act(() => socket.receive({ type: 'frame.ack', ref: frame!.id }))
    expect(status()).toBe('Thank you')
    expect(screen.getByRole('status').textContent).toBe('Thank you')
  })

  it('lets the visitor change the rating while the panel is open', async () => {
    const { socket } = await closedChat()
    fireEvent.click(good())
    fireEvent.click(screen.getByRole('button', { name: 'Send' }))
    act(() => socket.receive({ type: 'frame.ack', ref: socket.sentOfType('conversation.rate')[0]!.id }))

    fireEvent.click(bad())
    expect(bad().getAttribute('aria-pressed')).toBe('true')
    expect(good().getAttribute('aria-pressed')).toBe('false')
    fireEvent.submit(screen.getByRole('form', { name: 'How did we do?' }))
    const frames = socket.sentOfType('conversation.rate')
    expect(frames.map((f) => f.rating)).toEqual(['like', 'dislike'])
    expect(frames[1]).not.toHaveProperty('comment')
    act(() => socket.receive({ type: 'frame.ack', ref: frames[1]!.id }))
    expect(status()).toBe('Thank you')
  })

  it('says so when the server refuses the rating', async () => {
    const { socket } = await closedChat()
    fireEvent.click(bad())
    fireEvent.click(screen.getByRole('button', { name: 'Send' }))
    const [frame] = socket.sentOfType('conversation.rate')
    act(() =>
      socket.receive({ type: 'frame.error', ref: frame!.id, code: 'forbidden', message: 'window passed' }),
    )
    expect(status()).toBe('Your rating was not sent. Please try again.')
  })

  it('fails at once while offline, without sending', async () => {
    const { socket, network } = await closedChat()
    act(() => {
      network.set(false)
      socket.serverClose(1006)
    })
    fireEvent.click(good())
    fireEvent.click(screen.getByRole('button', { name: 'Send' }))
    expect(socket.sentOfType('conversation.rate')).toEqual([])
    expect(status()).toBe('Your rating was not sent. Please try again.')
  })

  it('still lets the visitor start a new conversation by writing', async () => {
    const { socket } = await closedChat()
    fireEvent.input(screen.getByTestId('openline-input'), { target: { value: 'One more thing' } })
    fireEvent.keyDown(screen.getByTestId('openline-input'), { key: 'Enter' })
    const [send] = socket.sentOfType('message.send')
    expect(send).toEqual({ type: 'message.send', id: expect.any(String), body: 'One more thing' })
    act(() =>
      socket.receive({
        type: 'frame.ack',
        ref: send!.id,
        message: wireMessage({
          seq: 1,
          conversationId: 'c2',
          clientId: send!.id,
          authorKind: 'visitor',
          authorId: 'v1',
          authorName: null,
          body: 'One more thing',
        }),
      }),
    )
    expect(screen.queryByTestId('openline-rating')).toBeNull()
    expect(screen.getAllByTestId('openline-message')).toHaveLength(1)
  })
})
