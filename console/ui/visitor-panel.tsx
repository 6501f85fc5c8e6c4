import type { ComponentChild, ComponentChildren } from 'preact'
import type { VisitorRecord } from '../api/index.ts'
import { visitorFacts, visitorLocalTime } from '../state/index.ts'

export interface VisitorPanelProps {
  visitor: VisitorRecord | null
  fallbackName: string
  now: number
  /** Rating and KPIs of the conversation, shown under the visitor's details. */
  children?: ComponentChildren
}

export function VisitorPanel({ visitor, fallbackName, now, children }: VisitorPanelProps) {
  if (!visitor) {
    return (
      <aside class="visitor-panel" aria-label="Visitor details">
        <h2>Visitor</h2>
        <p class="hint">Loading…</p>
        {children}
      </aside>
    )
  }
  const facts = visitorFacts(visitor.context)
  const localTime = facts.timeZone ? visitorLocalTime(facts.timeZone, now) : null
  const rows: [string, ComponentChild, string][] = []
  if (visitor.email) rows.push(['Email', <a href={`mailto:${visitor.email}`}>{visitor.email}</a>, 'email'])
  if (visitor.phone) rows.push(['Phone', <a href={`tel:${visitor.phone}`}>{visitor.phone}</a>, 'phone'])
  if (facts.page) rows.push(['Current page', <PageLink url={facts.page} />, 'page'])
  if (facts.referrer) rows.push(['Came from', <PageLink url={facts.referrer} />, 'referrer'])
  if (facts.language) rows.push(['Language', facts.language, 'language'])
  if (facts.device) rows.push(['Device', facts.device, 'device'])
  if (localTime) rows.push(['Local time', `${localTime} (${facts.timeZone})`, 'local-time'])

  return (
    <aside class="visitor-panel" aria-label="Visitor details" data-testid="visitor-panel">
      <h2>{visitor.name ?? fallbackName}</h2>
      {rows.length === 0 ? (
        <p class="hint">Nothing known about this visitor yet.</p>
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
