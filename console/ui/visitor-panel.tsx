import type { ComponentChild, ComponentChildren } from 'preact'
import type { VisitorRecord } from '../api/index.ts'
import { useI18n } from '../i18n/index.ts'
import { visitorFacts, visitorLocalTime } from '../state/index.ts'

export interface VisitorPanelProps {
  visitor: VisitorRecord | null
  fallbackName: string
  now: number
  /** Rating and KPIs of the conversation, shown under the visitor's details. */
  children?: ComponentChildren
}

export function VisitorPanel({ visitor, fallbackName, now, children }: VisitorPanelProps) {
  const { t, locale } = useI18n()
  if (!visitor) {
    return (
      <aside class="visitor-panel" aria-label={t('visitorPanel.visitorDetails')}>
        <h2>{t('visitorPanel.visitor')}</h2>
        <p class="hint">{t('visitorPanel.loading')}</p>
        {children}
      </aside>
    )
  }
  const facts = visitorFacts(visitor.context)
  const localTime = facts.timeZone ? visitorLocalTime(facts.timeZone, now, locale) : null
  const rows: [string, ComponentChild, string][] = []
  if (visitor.email)
    rows.push([t('visitorPanel.email'), <a href={`mailto:${visitor.email}`}>{visitor.email}</a>, 'email'])
  if (visitor.phone)
    rows.push([t('visitorPanel.phone'), <a href={`tel:${visitor.phone}`}>{visitor.phone}</a>, 'phone'])
  if (facts.page) rows.push([t('visitorPanel.currentPage'), <PageLink url={facts.page} />, 'page'])
  if (facts.referrer) rows.push([t('visitorPanel.cameFrom'), <PageLink url={facts.referrer} />, 'referrer'])
  if (facts.language) rows.push([t('visitorPanel.language'), facts.language, 'language'])
  if (facts.device) rows.push([t('visitorPanel.device'), facts.device, 'device'])
  if (localTime) rows.push([t('visitorPanel.localTime'), `${localTime} (${facts.timeZone})`, 'local-time'])

  return (
    <aside class="visitor-panel" aria-label={t('visitorPanel.visitorDetails')} data-testid="visitor-panel">
      <h2>{visitor.name ?? fallbackName}</h2>
      {rows.length === 0 ? (
        <p class="hint">{t('visitorPanel.nothingKnownAboutThis')}</p>
      ) : (
        <dl class="facts">
          {rows.map(([term, value, key]) => (
            <div key={key} class="fact" data-testid={`visitor-${key}`}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {children}
    </aside>
  )
}

/** Only http(s) URLs become links: the value came from a visitor's browser. */
function PageLink({ url }: { url: string }) {
  if (!/^https?:\/\//i.test(url)) return <span class="break">{url}</span>
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" class="break">
      {url}
    </a>
  )
}
