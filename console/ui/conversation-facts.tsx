import type { WireRating } from '../../server/protocol/messages.ts'
import type { ConversationKpis } from '../api/index.ts'
import { useT } from '../i18n/index.ts'
import { formatDuration } from '../state/index.ts'

export interface ConversationFactsProps {
  /** The live rating (`conversation.updated`) wins over the one loaded with the KPIs. */
  rating: WireRating | null
  kpis: ConversationKpis | null
}

/** The visitor's rating and the conversation's KPIs (issue "Open lines", items 5 and 7), when known. */
export function ConversationFacts({ rating, kpis }: ConversationFactsProps) {
  const t = useT()
  const rows: [string, string, string][] = []
  if (rating) {
    const verdict = rating.value === 'like' ? t('conversationFacts.liked') : t('conversationFacts.disliked')
    rows.push([
      t('conversationFacts.rating'),
      rating.comment ? `${verdict}: “${rating.comment}”` : verdict,
      'rating',
    ])
  }
  if (kpis?.waitMs != null) rows.push([t('conversationFacts.waited'), formatDuration(kpis.waitMs, t), 'wait'])
  if (kpis?.firstAnswerMs != null)
    rows.push([
      t('conversationFacts.firstAnswerAfter'),
      formatDuration(kpis.firstAnswerMs, t),
      'first-answer',
    ])
  if (kpis && kpis.transfers > 0)
    rows.push([t('conversationFacts.transfers'), String(kpis.transfers), 'transfers'])
  if (rows.length === 0) return null
  return (
    <section aria-labelledby="conversation-facts-title" data-testid="conversation-facts">
      <h3 id="conversation-facts-title">{t('conversationFacts.thisConversation')}</h3>
      <dl class="facts">
        {rows.map(([term, value, key]) => (
          <div key={key} class="fact" data-testid={`kpi-${key}`}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
