import type { ComponentChildren } from 'preact'
import type { WireConversation, WireMessage } from '../../server/protocol/messages.ts'
import { type MessageKey, useI18n } from '../i18n/index.ts'
import {
  activityAt,
  INBOX_TABS,
  type InboxTab,
  type Route,
  relativeTime,
  type TabSummary,
  unreadCount,
  waitedFor,
} from '../state/index.ts'
import { Link } from './link.tsx'
import { preview, visitorLabel } from './names.ts'

const TAB_LABELS: Record<InboxTab, MessageKey> = {
  waiting: 'inbox.tabWaiting',
  mine: 'inbox.tabMine',
  closed: 'inbox.tabClosed',
}
const EMPTY_TEXT: Record<InboxTab, MessageKey> = {
  waiting: 'inbox.emptyWaiting',
  mine: 'inbox.emptyMine',
  closed: 'inbox.emptyClosed',
}

export interface InboxProps {
  tab: InboxTab
  onTab(tab: InboxTab): void
  summaries: Record<InboxTab, TabSummary>
  conversations: readonly WireConversation[]
  knownMessages(conversationId: string): readonly WireMessage[] | undefined
  selectedId: string | null
  now: number
  navigate(route: Route): void
  /** Shown above the tabs: chats offered to this operator. */
  incoming?: ComponentChildren
}

export function Inbox(props: InboxProps) {
  const { t } = useI18n()
  const { tab, summaries, conversations } = props

  // ARIA tabs pattern: arrow keys move between tabs, Tab moves into the list.
  function onKeyDown(event: KeyboardEvent) {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (step === 0) return
    event.preventDefault()
    const next = INBOX_TABS[(INBOX_TABS.indexOf(tab) + step + INBOX_TABS.length) % INBOX_TABS.length]!
    props.onTab(next)
    const el = (event.currentTarget as HTMLElement).querySelector<HTMLElement>(`#inbox-tab-${next}`)
    el?.focus()
  }

  return (
    <nav class="inbox" aria-label={t('inbox.conversations')}>
      {props.incoming}
      <div role="tablist" aria-label={t('inbox.inbox')} class="tabs" onKeyDown={onKeyDown}>
        {INBOX_TABS.map((name) => {
          const s = summaries[name]
          const selected = name === tab
          return (
            <button
              key={name}
              type="button"
              role="tab"
              id={`inbox-tab-${name}`}
              data-testid={`tab-${name}`}
              data-count={s.conversations}
              data-unread={s.unread}
              aria-selected={selected}
              aria-controls="inbox-panel"
              tabIndex={selected ? 0 : -1}
              class="tab"
              onClick={() => props.onTab(name)}
            >
              {t(TAB_LABELS[name])} <span class="tab-count">{s.conversations}</span>
              {s.unread > 0 && (
                <span class="badge" data-testid={`tab-${name}-unread`}>
                  {s.unread}
                  <span class="sr-only"> {t('inbox.unread')}</span>
                </span>
              )}
            </button>
          )
        })}
      </div>
      <div id="inbox-panel" role="tabpanel" aria-labelledby={`inbox-tab-${tab}`}>
        {conversations.length === 0 ? (
          <p class="empty">{t(EMPTY_TEXT[tab])}</p>
        ) : (
          <ul class="conversation-list">
            {conversations.map((c) => (
              <InboxItem
                key={c.id}
                conversation={c}
                {...props}
                unread={unreadCount(c, props.knownMessages(c.id))}
              />
            ))}
          </ul>
        )}
      </div>
    </nav>
  )
}

function InboxItem({
  conversation: c,
  tab,
  unread,
  selectedId,
  now,
  navigate,
}: InboxProps & { conversation: WireConversation; unread: number }) {
  const i18n = useI18n()
  const { t } = i18n
  const at = activityAt(c)
  const selected = c.id === selectedId
  return (
    <li>
      <Link
        to={{ name: 'conversation', id: c.id }}
        navigate={navigate}
        class={`conversation-item${unread > 0 ? ' unread' : ''}`}
        data-testid="inbox-item"
        data-conversation-id={c.id}
        data-unread={unread}
        aria-current={selected ? 'page' : undefined}
      >
        <span class="item-top">
          <span class="item-name">{visitorLabel(c, t)}</span>
          <time class="item-time" dateTime={new Date(at).toISOString()}>
            {relativeTime(at, now, i18n)}
          </time>
        </span>
        <span class="item-bottom">
          <span class="item-preview">{preview(c, t)}</span>
          {tab === 'waiting' && (
            <span class="item-waited" data-testid="waited">
              {t('inbox.waitingFor', { time: waitedFor(c.createdAt, now, i18n) })}
            </span>
          )}
          {unread > 0 && (
            <span class="badge" data-testid="unread-count">
              {unread}
              <span class="sr-only"> {t('inbox.unread')}</span>
            </span>
          )}
        </span>
      </Link>
    </li>
  )
}
