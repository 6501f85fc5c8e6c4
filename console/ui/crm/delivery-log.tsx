/**
 * The delivery log (contract C4): each lead's delivery with its status, attempts, last error,
 * replay; filtered by status and by subject (a conversation, callback or form id, issue 6 item 2).
 */
import { useCallback, useEffect, useState } from 'preact/hooks'
import type { CrmApi, CrmDelivery, DeliveryStatus } from '../../api/index.ts'
import { type Translate, useI18n } from '../../i18n/index.ts'
import {
  deliveryStatusLabel,
  nextAttemptText,
  replaceDelivery,
  topicLabel,
} from '../../state/crm-deliveries.ts'
import { errorText } from '../error-text.ts'

export interface DeliveryLogProps {
  crm: CrmApi
  clock: { now(): number }
  /** Start filtered to one subject (the link from a conversation's CRM status). */
  subjectId?: string | undefined
}

export function DeliveryLog({ crm, clock, subjectId }: DeliveryLogProps) {
  const { t, locale } = useI18n()
  const [status, setStatus] = useState<DeliveryStatus | ''>('')
  /** What the field shows, and the filter applied (on Enter, change or Refresh). */
  const [subjectText, setSubjectText] = useState(subjectId ?? '')
  const [subject, setSubject] = useState(subjectId ?? '')
  const [deliveries, setDeliveries] = useState<CrmDelivery[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  const load = useCallback(() => {
    let live = true
    setError(null)
    crm
      .listDeliveries({ ...(status && { status }), ...(subject && { subjectId: subject }), limit: 100 })
      .then(
        (list) => live && setDeliveries(list),
        (e: unknown) => live && setError(errorText(e, t)),
      )
    return () => {
      live = false
    }
  }, [crm, status, subject, t])
  useEffect(load, [load])

  async function replay(delivery: CrmDelivery) {
    setNotice(null)
    try {
      const updated = await crm.replayDelivery(delivery.id)
      setDeliveries((list) => (list ? replaceDelivery(list, updated) : list))
      setNotice(t('deliveryLog.queuedAgain', { connection: connectionLabel(delivery, t) }))
    } catch (e) {
      setNotice(t('deliveryLog.couldNotReplay', { error: errorText(e, t) }))
    }
  }

  const now = clock.now()
  return (
    <section class="settings-section" aria-labelledby="crm-deliveries-title" data-testid="crm-deliveries">
      <h2 id="crm-deliveries-title">{t('deliveryLog.deliveryLog')}</h2>
      <div class="inline-add">
        <div class="field">
          <label for="crm-delivery-status">{t('deliveryLog.show')}</label>
          <select
            id="crm-delivery-status"
            value={status}
            data-testid="crm-delivery-status"
            onChange={(e) => setStatus(e.currentTarget.value as DeliveryStatus | '')}
          >
            <option value="">{t('deliveryLog.allDeliveries')}</option>
            <option value="dead">{deliveryStatusLabel('dead', t)}</option>
            <option value="pending">{deliveryStatusLabel('pending', t)}</option>
            <option value="delivered">{deliveryStatusLabel('delivered', t)}</option>
          </select>
        </div>
        <div class="field">
          <label for="crm-delivery-subject">{t('deliveryLog.subject')}</label>
          <input
            id="crm-delivery-subject"
            value={subjectText}
            autoComplete="off"
            spellcheck={false}
            data-testid="crm-delivery-subject"
            onInput={(e) => setSubjectText(e.currentTarget.value)}
            onChange={(e) => setSubject(e.currentTarget.value.trim())}
          />
        </div>
        {subject && (
          <button
            type="button"
            class="button small"
            data-testid="crm-delivery-show-all"
            onClick={() => {
              setSubjectText('')
              setSubject('')
            }}
          >
            {t('deliveryLog.showAll')}
          </button>
        )}
        <button
          type="button"
          class="button small"
          onClick={() => {
            const typed = subjectText.trim()
            if (typed !== subject) setSubject(typed)
            else load()
          }}
          data-testid="crm-deliveries-refresh"
        >
          {t('deliveryLog.refresh')}
        </button>
      </div>
      {notice && (
        <p role="status" data-testid="crm-delivery-notice">
          {notice}
        </p>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {!error && deliveries === null && <p class="hint">{t('deliveryLog.loadingDeliveries')}</p>}
      {deliveries && deliveries.length === 0 && <p class="hint">{t('deliveryLog.noDeliveriesToShow')}</p>}
      {deliveries && deliveries.length > 0 && (
        <div class="table-scroll">
          <table class="crm-table" data-testid="crm-delivery-table">
            <caption class="sr-only">{t('deliveryLog.deliveriesOfLeadsTo')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('deliveryLog.created')}</th>
                <th scope="col">{t('deliveryLog.connection')}</th>
                <th scope="col">{t('deliveryLog.what')}</th>
                <th scope="col">{t('deliveryLog.status')}</th>
                <th scope="col">{t('deliveryLog.attempts')}</th>
                <th scope="col">{t('deliveryLog.lastError')}</th>
                <th scope="col">{t('deliveryLog.nextAttempt')}</th>
                <th scope="col">
                  <span class="sr-only">{t('deliveryLog.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id} data-testid="crm-delivery-row" data-status={d.status}>
                  <td>
                    <time dateTime={new Date(d.createdAt).toISOString()}>
                      {new Date(d.createdAt).toLocaleString(locale)}
                    </time>
                  </td>
                  <td>{connectionLabel(d, t)}</td>
                  <td>{topicLabel(d.topic, t)}</td>
                  <td>
                    <span class={`status-pill delivery-${d.status}`}>{deliveryStatusLabel(d.status, t)}</span>
                  </td>
                  <td>{d.attempts}</td>
                  <td class="crm-error-cell">{d.lastError ?? '—'}</td>
                  <td>
                    {d.nextAttemptAt !== null && d.status === 'pending' ? (
                      <time dateTime={new Date(d.nextAttemptAt).toISOString()}>
                        {nextAttemptText(d, now, t)}
                      </time>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    {d.status === 'dead' && (
                      <button
                        type="button"
                        class="button small"
                        aria-label={t('deliveryLog.replayTo', {
                          what: topicLabel(d.topic, t).toLowerCase(),
                          connection: connectionLabel(d, t),
                        })}
                        data-testid="crm-delivery-replay"
                        onClick={() => replay(d)}
                      >
                        {t('deliveryLog.replay')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

function connectionLabel(delivery: CrmDelivery, t: Translate): string {
  return delivery.connectionName ?? t('deliveryLog.removedConnection')
}
