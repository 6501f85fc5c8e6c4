import type { ComponentChildren } from 'preact'
import type { WireConversation } from '../../server/protocol/messages.ts'
import { useT } from '../i18n/index.ts'
import type { DisplayMessage, DisplayNote, QuickAnswerItem } from '../state/index.ts'
import { Composer } from './composer.tsx'
import { MessageList } from './message-list.tsx'
import { visitorLabel } from './names.ts'

export interface ConversationViewProps {
  conversation: WireConversation
  messages: readonly DisplayMessage[]
  loading: boolean
  visitorTyping: boolean
  closing: boolean
  onSend(body: string): void
  onTyping(): void
  onRetry(clientId: string): void
  onClose(): void
  notes?: readonly DisplayNote[]
  onNote?(body: string): void
  quickAnswers?: readonly QuickAnswerItem[]
  quickAnswersError?: string | null
  /** Transfer / Invite buttons for the header. */
  teamActions?: ComponentChildren
  /** The last transfer or invitation done, e.g. "Transferred to Bob." */
  teamStatus?: string | null
  /** Issue 5, item 4: the composer's attach control. */
  attach?: ComponentChildren
}

export function ConversationView(props: ConversationViewProps) {
  const t = useT()
  const { conversation: c, messages, visitorTyping } = props
  const name = visitorLabel(c, t)
  const closed = c.status === 'closed'
  return (
    <section class="conversation" aria-labelledby="conversation-title" data-conversation-id={c.id}>
      <header class="conversation-header">
        <h1 id="conversation-title">{name}</h1>
        <span class={`status-pill ${c.status}`} data-testid="conversation-status">
          {closed
            ? t('conversationView.closed')
            : c.assigneeId
              ? t('conversationView.open')
              : t('conversationView.waiting')}
        </span>
        {!closed && props.teamActions}
        {!closed && (
          <button
            type="button"
            class="button"
            data-testid="close-conversation"
            onClick={props.onClose}
            disabled={props.closing}
          >
            {props.closing ? t('conversationView.closing') : t('conversationView.closeConversation')}
          </button>
        )}
      </header>
      {props.teamStatus && (
        <p class="hint" data-testid="team-status">
          {props.teamStatus}
        </p>
      )}
      {props.loading && messages.length === 0 ? (
        <p class="hint">{t('conversationView.loadingMessages')}</p>
      ) : (
        <MessageList
          messages={messages}
          ownKind="operator"
          onRetry={props.onRetry}
          label={t('conversationView.messagesWith', { name })}
          notes={props.notes}
        />
      )}
      <p class="typing" data-testid="visitor-typing" aria-live="polite">
        {visitorTyping ? t('conversationView.isTyping', { name }) : ''}
      </p>
      <Composer
        label={t('conversationView.replyTo', { name })}
        onSend={props.onSend}
        onNote={props.onNote}
        quickAnswers={props.quickAnswers}
        quickAnswersError={props.quickAnswersError}
        onTyping={props.onTyping}
        attach={closed ? undefined : props.attach}
        disabled={closed}
        disabledReason={t('conversationView.thisConversationIsClosed')}
      />
    </section>
  )
}
