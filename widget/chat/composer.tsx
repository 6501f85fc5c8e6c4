import { useEffect, useRef, useState } from 'preact/hooks'
import { MAX_BODY_CHARS } from '../realtime/limits.ts'
import type { ChatController } from '../realtime/types.ts'
import { AttachButton } from './attachments/index.ts'
import { SendIcon } from './icons.tsx'
import type { ChatTexts } from './texts.ts'

interface ComposerProps {
  chat: ChatController
  texts: ChatTexts
  autoFocus: boolean
  /** Issue 5, item 4: the Openline server; without it there is no attach button. */
  baseUrl?: string | undefined
}

const MAX_ROWS = 5

export function Composer({ chat, texts, autoFocus, baseUrl }: ComposerProps) {
  const [text, setText] = useState('')
  const input = useRef<HTMLTextAreaElement>(null)

  useEffect(() => {
    if (autoFocus) input.current?.focus()
  }, [autoFocus])

  const submit = () => {
    if (chat.send(text)) setText('')
    input.current?.focus()
  }

  return (
    <form
      class="ol-composer"
      onSubmit={(event) => {
        event.preventDefault()
        submit()
      }}
    >
      <textarea
        ref={input}
        class="ol-input"
        rows={Math.min(MAX_ROWS, text.split('\n').length)}
        aria-label={texts.composerLabel}
        placeholder={texts.composerPlaceholder}
        maxLength={MAX_BODY_CHARS}
        value={text}
        data-testid="openline-input"
        onInput={(event) => {
          setText(event.currentTarget.value)
          chat.typing()
        }}
        onKeyDown={(event) => {
          // Enter sends, Shift+Enter is a new line; never while an IME is composing a character.
          if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return
          event.preventDefault()
          submit()
        }}
      />
      {baseUrl && <AttachButton chat={chat} baseUrl={baseUrl} texts={texts} />}
      <button type="submit" class="ol-send" aria-label={texts.send} data-testid="openline-send">
        <SendIcon />
      </button>
    </form>
  )
}
