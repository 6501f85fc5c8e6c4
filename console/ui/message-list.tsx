import { useEffect, useRef } from 'preact/hooks'
import { type MessageKey, useI18n } from '../i18n/index.ts'
import type { DisplayMessage, DisplayNote } from '../state/index.ts'
import { timeline } from '../state/index.ts'
import { FileLinks } from './attachments/file-links.tsx'

export interface MessageListProps {
  messages: readonly DisplayMessage[]
  /** The author kind whose messages are "ours" (right-aligned, with a delivery status). */
  ownKind: 'visitor' | 'operator'
  onRetry(clientId: string): void
  label: string
  /** Hidden notes, shown where they were written (operators only). */
  notes?: readonly DisplayNote[]
}

const STATUS_TEXT = {
  pending: 'messageList.sending',
  failed: 'messageList.notSent',
  delivered: 'messageList.delivered',
} as const satisfies Record<string, MessageKey>

export function MessageList({ messages, ownKind, onRetry, label, notes = [] }: MessageListProps) {
  const i18n = useI18n()
  const { t } = i18n
  const end = useRef<HTMLLIElement>(null)
  const count = messages.length + notes.length
  // Keep the newest message in view whenever one is added.
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'end' })
  }, [count])

  return (
    // The live region wraps the list: a role on the <ol> itself would strip its list semantics.
    <div class="messages-log" role="log" aria-live="polite" aria-label={label}>
      <ol class="messages" data-testid="message-list">
        {timeline(messages, notes).map((item) => {
          if (item.kind === 'note') return <NoteItem key={`note-${item.note.key}`} note={item.note} />
          const m = item.message
          const own = m.authorKind === ownKind
          return (
            <li
              key={m.key}
              class={`message ${own ? 'own' : 'theirs'} ${m.authorKind}`}
              data-testid="message"
              data-status={m.status}
              data-read={m.read ? 'true' : 'false'}
              data-client-id={m.clientId}
              data-seq={m.seq ?? undefined}
            >
              <span class="message-meta">
                <span class="message-author">
                  {m.authorName ??
                    (m.authorKind === 'visitor' ? t('messageList.visitor') : t('messageList.operator'))}
                </span>{' '}
                <time dateTime={new Date(m.createdAt).toISOString()}>{i18n.time(m.createdAt)}</time>
              </span>
              <span class="message-body">{m.body}</span>
              {m.attachments && <FileLinks files={m.attachments} />}
              {own && (
                <span class={`message-status ${m.status}`}>
                  {m.status === 'delivered' && m.read ? t('messageList.read') : t(STATUS_TEXT[m.status])}
                  {m.status === 'failed' && (
                    <>
                      {m.error ? `: ${m.error}` : ''}{' '}
                      <button type="button" class="link-button" onClick={() => onRetry(m.clientId)}>
                        {t('messageList.retry')}
                      </button>
                    </>
                  )}
                </span>
              )}
            </li>
          )
        })}
        <li ref={end} class="messages-end" aria-hidden="true" />
      </ol>
    </div>
  )
}

function NoteItem({ note }: { note: DisplayNote }) {
  const i18n = useI18n()
  const { t } = i18n
  const id = `note-${note.key}`
  return (
    <li
      class="message note"
      data-testid="note"
      data-status={note.pending ? 'pending' : 'saved'}
      aria-labelledby={`${id}-label`}
      aria-describedby={`${id}-body`}
    >
      <span class="message-meta">
        <span class="note-label" id={`${id}-label`}>
          <span aria-hidden="true">🔒 </span>
          {note.authorName
            ? t('messageList.privateNoteBy', { name: note.authorName })
            : t('messageList.privateNote')}
        </span>{' '}
        <time dateTime={new Date(note.createdAt).toISOString()}>{i18n.time(note.createdAt)}</time>
      </span>
      <span class="message-body" id={`${id}-body`}>
        {note.body}
      </span>
      <span class="note-hint">
        {note.pending ? `${t('messageList.saving')} ` : ''}
        {t('messageList.onlyOperatorsSeeThis')}
      </span>
    </li>
  )
}
