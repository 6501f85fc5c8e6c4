// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { Composer } from './composer.tsx'

afterEach(cleanup)

function setup(disabled = false) {
  const sent: string[] = []
  let typed = 0
  render(
    <Composer
      onSend={(b) => sent.push(b)}
      onTyping={() => typed++}
      disabled={disabled}
      disabledReason="Closed"
    />,
  )
  const input = screen.getByTestId('composer-input') as HTMLTextAreaElement
  return { sent, input, typed: () => typed }
}

describe('Composer', () => {
  it('sends on Enter and clears the field', () => {
    const { sent, input, typed } = setup()
    fireEvent.input(input, { target: { value: 'Hello there' } })
    fireEvent.keyDown(input, { key: 'Enter' })
    expect(sent).toEqual(['Hello there'])
    expect(input.value).toBe('')
    expect(typed()).toBe(1)
  })

  it('does not send on Shift+Enter (a newline) nor an empty message', () => {
    const { sent, input } = setup()
    fireEvent.keyDown(input, { key: 'Enter' })
    fireEvent.input(input, { target: { value: 'line one' } })
    fireEvent.keyDown(input, { key: 'Enter', shiftKey: true })
    expect(sent).toEqual([])
  })

  it('sends with the Send button', () => {
    const { sent, input } = setup()
    fireEvent.input(input, { target: { value: '  trimmed  ' } })
    fireEvent.click(screen.getByTestId('composer-send'))
    expect(sent).toEqual(['trimmed'])
  })

  it('sends nothing when disabled', () => {
    const { sent, input } = setup(true)
    fireEvent.keyDown(input, { key: 'Enter' })
    expect(sent).toEqual([])
    expect(input.disabled).toBe(true)
  })
})
