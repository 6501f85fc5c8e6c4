/**
 * Chats the server offers to this operator, above the inbox tabs so they cannot be missed (issue
 * "Open lines"): who is waiting, how long the offer lasts, Accept and Skip.
 */

import { useT } from '../i18n/index.ts'
import type { Timers } from '../realtime/index.ts'
import { type IncomingOffer, timeLeft } from '../state/index.ts'
import { preview, visitorLabel } from './names.ts'
import { useNow } from './use-now.ts'

export interface IncomingOffersProps {
  offers: readonly IncomingOffer[]
  clock: { now(): number }
  timers: Timers
  onAccept(conversationId: string): void
  onSkip(conversationId: string): void
}

export function IncomingOffers(props: IncomingOffersProps) {
  const t = useT()
  if (props.offers.length === 0) return null
  return (
    <section class="incoming" aria-labelledby="incoming-heading" data-testid="incoming">
      <h2 id="incoming-heading" class="incoming-heading">
        {t('incomingOffers.incoming')} <span class="tab-count">{props.offers.length}</span>
      </h2>
      <ul class="offer-list">
        {props.offers.map((o) => (
          <OfferItem key={o.conversationId} offer={o} {...props} />
        ))}
      </ul>
    </section>
  )
}

function OfferItem({
  offer,
  clock,
  timers,
  onAccept,
  onSkip,
}: IncomingOffersProps & { offer: IncomingOffer }) {
  const t = useT()
  const c = offer.conversation
  const name = c ? visitorLabel(c, t) : t('incomingOffers.newVisitor')
  return (
    <li class="offer-item" data-testid="offer-item" data-conversation-id={offer.conversationId}>
      <span class="item-top">
        <span class="item-name">{name}</span>
        {offer.expiresAt !== null && <Countdown expiresAt={offer.expiresAt} clock={clock} timers={timers} />}
      </span>
      <span class="item-preview">{c ? preview(c, t) : t('incomingOffers.loading')}</span>
      <span class="offer-actions">
        <button
          type="button"
          class="button primary"
          disabled={offer.answering}
          onClick={() => onAccept(offer.conversationId)}
          aria-label={t('incomingOffers.acceptFrom', { name })}
          data-testid="offer-accept"
        >
          {t('incomingOffers.accept')}
        </button>
        <button
          type="button"
          class="button"
          disabled={offer.answering}
          onClick={() => onSkip(offer.conversationId)}
          aria-label={t('incomingOffers.skipFrom', { name })}
          data-testid="offer-skip"
        >
          {t('incomingOffers.skip')}
        </button>
      </span>
    </li>
  )
}

/** Ticks every second on its own, so only the countdown re-renders, not the whole console. */
function Countdown({
  expiresAt,
  clock,
  timers,
}: {
  expiresAt: number
  clock: { now(): number }
  timers: Timers
}) {
  const t = useT()
  const now = useNow(clock, timers, 1000)
  return (
    <span class="offer-countdown" data-testid="offer-countdown">
      {t('incomingOffers.timeLeft', { time: timeLeft(expiresAt, now, t) })}
    </span>
  )
}
