import type { ComponentChildren } from 'preact'
import { useState } from 'preact/hooks'
import { useT } from '../i18n/index.ts'
import { filterQuickAnswers, moveActive, type QuickAnswerItem, quickAnswerQuery } from '../state/index.ts'

/** Copied from server/protocol/messages.ts LIMITS (browser code imports no runtime values from the server). */
export const MAX_BODY_CHARS = 4000

export type ComposerMode = 'reply' | 'note'

export interface ComposerProps {
  onSend(body: string): void
  /** Given: the composer offers "Private note" beside "Reply" (issue "Open lines", item 4). */
  onNote?(body: string): void
  onTyping?(): void
  disabled?: boolean
  disabledReason?: string
  label?: string
  /** Offered on `/` at the start of the text. */
  quickAnswers?: readonly QuickAnswerItem[]
  /** Why there are no quick answers to offer (the list failed to load). */
  quickAnswersError?: string | null
  /** Issue 5, item 4: the attach control, shown beside Send in reply mode. */
  attach?: ComponentChildren
}

const LISTBOX_ID = 'quick-answers'

export function Composer(props: ComposerProps) {
  const t = useT()
  const { onSend, onNote, onTyping, disabled, disabledReason, label, quickAnswers = [] } = props
  const [text, setText] = useState('')
  const [mode, setMode] = useState<ComposerMode>('reply')
  const [active, setActive] = useState(-1)
  /** The text the listbox was dismissed at (Escape): it stays shut until the text changes. */
  const [dismissedAt, setDismissedAt] = useState<string | null>(null)
  const note = mode === 'note' && onNote !== undefined
  // Notes are never blocked by a closed conversation: colleagues may still comment on it.
  const blocked = disabled && !note

  const query = quickAnswerQuery(text)
  const options = query === null || dismissedAt === text ? [] : filterQuickAnswers(quickAnswers, query)
  const open = options.length > 0
  const activeOption = open && active >= 0 ? options[active] : undefined

  function send() {
    const body = text.trim()
    if (!body || blocked) return
    if (note) onNote(body)
    else onSend(body)
    setText('')
  }

  function insert(answer: QuickAnswerItem) {
    setText(answer.text)
    setActive(-1)
  }

  return (
    <form
      class={`composer${note ? ' note-mode' : ''}`}
      onSubmit={(event) => {
        event.preventDefault()
        send()
      }}
    >
      {onNote && (
        <fieldset class="composer-modes">
          <legend class="sr-only">{t('composer.write')}</legend>
          <button
            type="button"
            class="mode-button"
            aria-pressed={!note}
            data-testid="composer-mode-reply"
            onClick={() => setMode('reply')}
          >
            {t('composer.reply')}
          </button>
          <button
            type="button"
            class="mode-button"
            aria-pressed={note}
            data-testid="composer-mode-note"
            onClick={() => setMode('note')}
          >
            {t('composer.privateNote')}
          </button>
        </fieldset>
      )}
      <label for="composer-input" class="sr-only">
        {note ? t('composer.noteLegend') : (label ?? t('composer.reply'))}
      </label>
      <textarea
        id="composer-input"
        data-testid="composer-input"
        rows={2}
        maxLength={MAX_BODY_CHARS}
        placeholder={
          blocked ? disabledReason : note ? t('composer.notePlaceholder') : t('composer.replyPlaceholder')
        }
        value={text}
        disabled={blocked}
        // A textarea may not take role=combobox (ARIA in HTML; axe "aria-allowed-role"), so this is
        // the textbox-with-autocomplete variant: the list is announced through the status below.
        aria-autocomplete="list"
        aria-controls={LISTBOX_ID}
        aria-activedescendant={activeOption ? `quick-answer-${activeOption.id}` : undefined}
        aria-describedby={blocked && disabledReason ? 'composer-disabled' : undefined}
        onInput={(event) => {
          setText(event.currentTarget.value)
          setActive(-1)
          setDismissedAt(null)
          // A private note is not the visitor's business: no "typing…" for it.
          if (!note) onTyping?.()
        }}
        onKeyDown={(event) => {
          if (open && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
            event.preventDefault()
            setActive(moveActive(active, options.length, event.key))
            return
          }
          if (open && event.key === 'Escape') {
            event.preventDefault()
            setDismissedAt(text)
            return
          }
          // Enter sends; Shift+Enter is a newline; never while an IME is composing a character.
          if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return
          event.preventDefault()
          if (activeOption) insert(activeOption)
          else if (!open) send()
          else insert(options[0]!)
        }}
      />
      <div
        id={LISTBOX_ID}
        role="listbox"
        aria-label={t('composer.quickAnswers')}
        class="quick-answers"
        hidden={!open}
      >
        {options.map((a, i) => (
          <div
            key={a.id}
            tabIndex={-1}
            id={`quick-answer-${a.id}`}
            role="option"
            aria-selected={i === active}
            class="quick-answer"
            data-testid="quick-answer"
            onMouseDown={(event) => {
              // Keep focus in the textarea.
              event.preventDefault()
              insert(a)
            }}
          >
            <span class="quick-answer-shortcut">{a.shortcut}</span> <span>{a.title}</span>
          </div>
        ))}
      </div>
      <p class="sr-only" role="status" aria-live="polite">
        {open ? t('composer.quickAnswersHelp', { count: options.length }) : ''}
      </p>
      {query !== null && props.quickAnswersError && (
        <p class="form-error" role="status">
          {t('composer.quickAnswersCouldNot')} {props.quickAnswersError}
        </p>
      )}
      {!note && props.attach}
      <button type="submit" class="button primary" data-testid="composer-send" disabled={blocked}>
        {note ? t('composer.addNote') : t('composer.send')}
      </button>
      {blocked && disabledReason && (
        <p id="composer-disabled" class="hint">
          {disabledReason}
        </p>
      )}
    </form>
  )
}
