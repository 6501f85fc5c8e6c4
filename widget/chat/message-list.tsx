import { useLayoutEffect, useRef } from 'preact/hooks'
import { deliveryOf } from '../state/selectors.ts'
import type { ChatState } from '../state/types.ts'
import { MessageItem } from './message-item.tsx'
import type { ChatTexts } from './texts.ts'

interface MessageListProps {
  state: ChatState
  texts: ChatTexts
  greeting: string
  showAvatar: boolean
  /** Issue 5 item 6: false shows every operator as the catalog's "Support". */
  showName: boolean
  baseUrl: string | undefined
  onCallback?: (() => void) | undefined
  /** Issue 5, item 4. */
  onFile?: ((id: string) => void) | undefined
}

/** Within this distance of the bottom the list follows new messages; further up the visitor is reading back. */
const STICK_PX = 48

export function MessageList({
  state,
  texts,
  greeting,
  showAvatar,
  showName,
  baseUrl,
  onCallback,
  onFile,
}: MessageListProps) {
  const messages = showName ? state.messages : state.messages.map((m) => ({ ...m, authorName: null }))
  const ref = useRef<HTMLDivElement>(null)
  const stick = useRef(true)
  const last = state.messages.at(-1)

  useLayoutEffect(() => {
    const el = ref.current
    if (el && (stick.current || last?.authorKind === 'visitor')) el.scrollTop = el.scrollHeight
  }, [state.messages.length, last?.clientId, last?.authorKind])

  const onScroll = () => {
    const el = ref.current
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX
  }

  return (
    <div
      ref={ref}
      class="ol-log"
      role="log"
      aria-live="polite"
      aria-label={texts.messages}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
      tabIndex={0}
      onScroll={onScroll}
      data-testid="openline-messages"
    >
      {greeting && (
        <p class="ol-msg ol-greeting" data-author="operator">
          <span class="ol-bubble">{greeting}</span>
        </p>
      )}
      <ol class="ol-list">
        {messages.map((message, i) => {
          const prev = messages[i - 1]
          const showAuthor =
            message.authorKind === 'operator' &&
            (prev?.authorKind !== 'operator' || prev.authorName !== message.authorName)
          return (
            <MessageItem
              key={message.clientId}
              message={message}
              status={deliveryOf(message, state)}
              texts={texts}
              showAuthor={showAuthor}
              showAvatar={showAvatar}
              baseUrl={baseUrl}
              onCallback={onCallback}
              onFile={onFile}
            />
          )
        })}
      </ol>
    </div>
  )
}
