import { useState } from 'preact/hooks'

/** Copied from server/protocol/messages.ts LIMITS (browser code imports no runtime values from the server). */
export const MAX_BODY_CHARS = 4000

export interface ComposerProps {
  onSend(body: string): void
  onTyping?(): void
  disabled?: boolean
  disabledReason?: string
  label?: string
}

export function Composer({ onSend, onTyping, disabled, disabledReason, label = 'Reply' }: ComposerProps) {
  const [text, setText] = useState('')

  function send() {
    const body = text.trim()
    if (!body || disabled) return
    onSend(body)
    setText('')
  }

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault()
        send()
      }}
    >
      <label for="composer-input" class="sr-only">
        {label}
      </label>
      <textarea
        id="composer-input"
        data-testid="composer-input"
        rows={2}
        maxLength={MAX_BODY_CHARS}
        placeholder={disabled ? disabledReason : 'Type a reply — Enter sends, Shift+Enter adds a line'}
        value={text}
        disabled={disabled}
        aria-describedby={disabled && disabledReason ? 'composer-disabled' : undefined}
        onInput={(event) => {
          setText(event.currentTarget.value)
          onTyping?.()
        }}
        onKeyDown={(event) => {
          // Enter sends; Shift+Enter is a newline; never while an IME is composing a character.
          if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return
          event.preventDefault()
          send()
        }}
      />
      <button type="submit" class="button primary" data-testid="composer-send" disabled={disabled}>
        Send
      </button>
      {disabled && disabledReason && (
        <p id="composer-disabled" class="hint">
          {disabledReason}
        </p>
      )}
    </form>
  )
}
