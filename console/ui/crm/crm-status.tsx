/**
 * A conversation's CRM delivery status in the visitor panel (issue 6, item 2): one small line per
 * connection — delivered, waiting or failed with its last error — and a link to the delivery log
 * filtered to this conversation. Admins only (the delivery log API is an admin API).
 */
import { useEffect, useState } from 'preact/hooks'
import type { CrmApi, CrmDelivery } from '../../api/index.ts'
import { type Translate, useT } from '../../i18n/index.ts'
import { type CrmStatusLine, crmStatusLines } from '../../state/crm-deliveries.ts'
import type { Route } from '../../state/index.ts'
import { errorText } from '../error-text.ts'
import { Link } from '../link.tsx'

export interface CrmStatusProps {
  crm: CrmApi
  conversationId: string
  /** Changes when the conversation does (e.g. `updatedAt`): the status is read again. */
  version?: number
  navigate(route: Route): void
}

export function CrmStatus({ crm, conversationId, version, navigate }: CrmStatusProps) {
  const t = useT()
  const [deliveries, setDeliveries] = useState<CrmDelivery[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    setError(null)
    crm.listDeliveries({ subjectId: conversationId, limit: 50 }).then(
      (list) => live && setDeliveries(list),
      (e: unknown) => live && setError(errorText(e, t)),
    )
    return () => {
      live = false
    }
  }, [crm, conversationId, version, t])

  // Nothing while the first answer is on its way: the panel should not flicker for a quiet line.
  if (deliveries === null && error === null) return null
  const lines = deliveries ? crmStatusLines(deliveries) : []
  return (
    <section aria-labelledby="crm-status-title" class="crm-status" data-testid="crm-status">
      <h3 id="crm-status-title">{t('crmStatus.crm')}</h3>
      {error && <p class="form-error">{t('crmStatus.couldNotLoad', { error })}</p>}
      {deliveries && lines.length === 0 && <p class="hint">{t('crmStatus.notSent')}</p>}
      {lines.length > 0 && (
        <ul class="crm-status-lines">
          {lines.map((line) => (
            <li key={line.connectionId} data-testid="crm-status-line" data-state={line.state}>
              {statusText(line, t)}
            </li>
          ))}
        </ul>
      )}
      <Link to={{ name: 'crm', subjectId: conversationId }} navigate={navigate} data-testid="crm-status-log">
        {t('crmStatus.openLog')}
      </Link>
    </section>
  )
}

function statusText(line: CrmStatusLine, t: Translate): string {
  const connection = line.connectionName ?? t('deliveryLog.removedConnection')
  switch (line.state) {
    case 'delivered':
      return t('crmStatus.delivered', { connection })
    case 'skipped':
      return t('crmStatus.skipped', { connection })
    case 'waiting':
      return line.lastError
        ? `${t('crmStatus.waiting', { connection })} (${line.lastError})`
        : t('crmStatus.waiting', { connection })
    case 'failed':
      return t('crmStatus.failed', { connection, error: line.lastError ?? '—' })
  }
}
