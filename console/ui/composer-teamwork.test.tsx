// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { Composer } from './composer.tsx'

afterEach(cleanup)

const answers = [
  {
    id: 'a',
    scope: 'workspace' as const,
    shortcut: '/hello',
    title: 'Greeting',
    text: 'Hello! How can I help?',
  },
  { id: 'b', scope: 'personal' as const, shortcut: '/ship', title: 'Shipping', text: 'We ship in 3 days.' },
]

function setup(closed = false) {
  const sent: string[] = []
  const notes: string[] = []
  let typed = 0
  render(
    <Composer
      onSend={(b) => sent.push(b)}
      onNote={(b) => notes.push(b)}
      onTyping={() => typed++}
      quickAnswers={answers}
      disabled={closed}
      disabledReason="Closed"
    />,
  )
  const input = screen.getByTestId('composer-input') as HTMLTextAreaElement
  return { sent, notes, input, typed: () => typed }
}

describe('Composer: private notes', () => {
  it('sends a note in note mode, without a typing signal, and replies again after switching back', () => {
    const { sent, notes, input, typed } = setup()
    fireEvent.click(screen.getByTestId('composer-mode-note'))
    expect(screen.getByTestId('composer-mode-note').getAttribute('aria-pressed')).toBe('true')
    expect(screen.getByLabelText('Private note, only operators see this')).toBe(input)
    fireEvent.input(input, { target: { value: 'VIP, be nice' } })
    fireEvent.keyDown(input, { key: 'Enter' })
    expect(notes).toEqual(['VIP, be nice'])
    expect(sent).toEqual([])
    expect(typed()).toBe(0)

    fireEvent.click(screen.getByTestId('composer-mode-reply'))
    fireEvent.input(input, { target: { value: 'Hi!' } })
    fireEvent.click(screen.getByTestId('composer-send'))
    expect(sent).toEqual(['Hi!'])
  })

  it('still takes notes on a closed conversation', () => {
    const { notes, input } = setup(true)
    expect(input.disabled).toBe(true)
    fireEvent.click(screen.getByTestId('composer-mode-note'))
    expect(input.disabled).toBe(false)
    fireEvent.input(input, { target: { value: 'Follow up by email' } })
    fireEvent.click(screen.getByTestId('composer-send'))
    expect(notes).toEqual(['Follow up by email'])
  })
})

describe('Composer: quick answers on /', () => {
  it('opens a filtered listbox, moves with the arrows and inserts with Enter without sending', () => {
    const { sent, input } = setup()
    expect(screen.queryAllByRole('option')).toHaveLength(0)
    fireEvent.input(input, { target: { value: '/' } })
    expect(screen.getAllByRole('option')).toHaveLength(2)
    expect(screen.getByRole('status').textContent).toContain('2 quick answers')

    fireEvent.input(input, { target: { value: '/sh' } })
    const options = screen.getAllByRole('option')
    expect(options.map((o) => o.textContent)).toEqual(['/ship Shipping'])
    fireEvent.keyDown(input, { key: 'ArrowDown' })
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]!.id)
    expect(options[0]!.getAttribute('aria-selected')).toBe('true')
    fireEvent.keyDown(input, { key: 'Enter' })
    expect(input.value).toBe('We ship in 3 days.')
    expect(sent).toEqual([])
    expect(screen.queryAllByRole('option')).toHaveLength(0)

    fireEvent.keyDown(input, { key: 'Enter' })
    expect(sent).toEqual(['We ship in 3 days.'])
  })

  it('closes on Escape and reopens when the text changes', () => {
    const { input } = setup()
    fireEvent.input(input, { target: { value: '/he' } })
    fireEvent.keyDown(input, { key: 'Escape' })
    expect(screen.queryAllByRole('option')).toHaveLength(0)
    fireEvent.input(input, { target: { value: '/hel' } })
    expect(screen.getAllByRole('option')).toHaveLength(1)
  })

  it('inserts an option on click', () => {
    const { input } = setup()
    fireEvent.input(input, { target: { value: '/' } })
    fireEvent.mouseDown(screen.getAllByRole('option')[0]!)
    expect(input.value).toBe('Hello! How can I help?')
  })
})
