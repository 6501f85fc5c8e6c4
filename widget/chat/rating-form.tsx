import { useState } from 'preact/hooks'
import { MAX_BODY_CHARS } from '../realtime/limits.ts'
import type { ChatController } from '../realtime/types.ts'
import type { RatingState, RatingValue } from '../state/types.ts'
import { ThumbIcon } from './icons.tsx'
import type { ChatTexts } from './texts.ts'

interface RatingFormProps {
  chat: ChatController
  rating: RatingState | null
  texts: ChatTexts
}

/**
 * "How did we do?" under a closed conversation (issue "Open lines", item 5): a thumb picks, Send
 * sends `conversation.rate`. It stays while the panel is open, so the visitor can change their mind;
 * the server keeps the latest rating.
 */
export function RatingForm({ chat, rating, texts }: RatingFormProps) {
  const [choice, setChoice] = useState<RatingValue | null>(null)
  const [comment, setComment] = useState(rating?.comment ?? '')
  const picked = choice ?? rating?.value ?? null
  const thumb = (value: RatingValue, label: string) => (
    <button
      type="button"
      class="ol-thumb"
      aria-label={label}
      aria-pressed={picked === value}
      onClick={() => setChoice(value)}
      data-testid={`openline-rate-${value}`}
    >
      <ThumbIcon down={value === 'dislike'} />
    </button>
  )
  const status =
    rating?.status === 'saved'
      ? texts.rateThanks
      : rating?.status === 'sending'
        ? texts.rateSending
        : rating?.status === 'failed'
          ? texts.rateFailed
          : ''

  return (
    <form
      class="ol-rate"
      aria-label={texts.rateQuestion}
      data-testid="openline-rating"
      onSubmit={(event) => {
        event.preventDefault()
        if (picked) chat.rate(picked, comment)
      }}
    >
      <div class="ol-rate-row">
        <p class="ol-rate-q" aria-hidden="true">
          {texts.rateQuestion}
        </p>
        {thumb('like', texts.rateGood)}
        {thumb('dislike', texts.rateBad)}
      </div>
      <div class="ol-rate-row">
        <input
          class="ol-input ol-rate-input"
          type="text"
          aria-label={texts.rateComment}
          placeholder={texts.rateComment}
          maxLength={MAX_BODY_CHARS}
          value={comment}
          onInput={(event) => setComment(event.currentTarget.value)}
        />
        <button
          type="submit"
          class="ol-rate-send"
          aria-disabled={picked === null}
          data-testid="openline-rate-send"
        >
          {texts.rateSend}
        </button>
      </div>
      <p class="ol-rate-status" role="status" data-testid="openline-rate-status">
        {status}
      </p>
    </form>
  )
}
