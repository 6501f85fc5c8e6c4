import type { ShownStatus } from '../state/selectors.ts'
import type { ChatMessage } from '../state/types.ts'
import { FileLinks } from './attachments/file-links.tsx'
import { Avatar } from './avatar.tsx'
import { formatTime } from './format-time.ts'
import type { ChatTexts } from './texts.ts'

interface MessageItemProps {
  message: ChatMessage
  status: ShownStatus
  texts: ChatTexts
  /** First message of an operator's run: show who is writing. */
  showAuthor: boolean
  showAvatar: boolean
  baseUrl: string | undefined
  /** Opens the callback form; without it an offered callback shows as text only (channel off). */
  onCallback: (() => void) | undefined
  /** Issue 5, item 4: starts the download of one of the message's files. */
  onFile?: ((id: string) => void) | undefined
}

export function MessageItem(props: MessageItemProps) {
  const { message, status, texts, showAuthor, showAvatar, baseUrl, onCallback } = props
  const time = (
    <time dateTime={new Date(message.createdAt).toISOString()}>{formatTime(message.createdAt)}</time>
  )
  // A transfer notice or an auto-reply is nobody's line: centred and muted, announced as a notice.
  if (message.authorKind === 'system') {
    return (
      <li class="ol-msg" data-author="system" data-testid="openline-message">
        <span class="ol-bubble">
          <span class="ol-sr">{texts.system}: </span>
          {message.body}
        </span>
        {message.action === 'callback' && onCallback && (
          <button
            type="button"
            class="ol-rate-send"
            onClick={onCallback}
            data-testid="openline-callback-offer"
          >
            {texts.callMeBack}
          </button>
        )}
        <span class="ol-meta">{time}</span>
      </li>
    )
  }
  const mine = message.authorKind === 'visitor'
  const author = mine ? texts.you : (message.authorName ?? texts.operator)
  return (
    <li class="ol-msg" data-author={message.authorKind} data-status={status} data-testid="openline-message">
      {showAuthor && (
        <span class="ol-who">
          {showAvatar && <Avatar name={author} url={message.authorAvatarUrl} baseUrl={baseUrl} />}
          <span>{author}</span>
        </span>
      )}
      <span class="ol-bubble">
        {/* Screen readers hear who wrote each line even where the name is not repeated visually. */}
        {!showAuthor && <span class="ol-sr">{author}: </span>}
        {message.body}
        {message.attachments && props.onFile && <FileLinks files={message.attachments} open={props.onFile} />}
      </span>
      <span class="ol-meta">
        {time}
        {mine && (
          <span class="ol-status" data-testid="openline-message-status">
            {texts.status[status]}
          </span>
        )}
      </span>
    </li>
  )
}
