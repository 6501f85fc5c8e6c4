import { useEffect, useState } from 'preact/hooks'
import type { CallbacksApi, CallbackView } from '../../api/callbacks-api.ts'
import { type MessageKey, useI18n } from '../../i18n/index.ts'
import type { Timers } from '../../realtime/index.ts'
import { type CallbackFilter, FILTER_STATUSES, relativeDue, upsertCallback } from '../../state/callbacks.ts'
import type { CallbackFeed } from '../../state/callbacks-feed.ts'
import { errorText } from '../error-text.ts'
import { useNow } from '../use-now.ts'

export interface CallbacksPageProps {
  api: CallbacksApi
  feed: CallbackFeed
  clock: { now(): number }
  timers: Timers
  operatorId: string
  /** Operator id → name, for the assignee column. */
  names?: Record<string, string>
}

const FILTERS: Array<[CallbackFilter, MessageKey]> = [
  ['open', 'callbacksPage.filterOpen'],
  ['no_answer', 'callbacksPage.noAnswer'],
  ['called', 'callbacksPage.called'],
  ['all', 'callbacksPage.filterAll'],
]
const STATUS: Record<CallbackView['status'], MessageKey> = {
  new: 'callbacksPage.statusNew',
  assigned: 'callbacksPage.statusAssigned',
  called: 'callbacksPage.called',
  no_answer: 'callbacksPage.noAnswer',
}
const ABSOLUTE: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
}

/** `<input type=datetime-local>` value in the operator's zone. */
function localInputValue(at: number): string {
  const d = new Date(at - new Date(at).getTimezoneOffset() * 60_000)
  return d.toISOString().slice(0, 16)
}

/** The callbacks queue (issue 5, item 2): due soonest first, live, with the operator's actions. */
export function CallbacksPage({ api, feed, clock, timers, operatorId, names = {} }: CallbacksPageProps) {
  const { t, dateFormat } = useI18n()
  const absolute = (at: number) => dateFormat(ABSOLUTE).format(at)
  const [filter, setFilter] = useState<CallbackFilter>('open')
  const [list, setList] = useState<CallbackView[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [rescheduling, setRescheduling] = useState<string | null>(null)
  const now = useNow(clock, timers, 30_000)

  useEffect(() => {
    setList(null)
    api.list(FILTER_STATUSES[filter]).then(setList, (e: unknown) => setError(errorText(e, t)))
    return feed.subscribe((callback) => setList((l) => l && upsertCallback(l, callback, filter)))
  }, [api, feed, filter, t])

  async function act(work: () => Promise<CallbackView>) {
    setError(null)
    try {
      const callback = await work()
      setList((l) => l && upsertCallback(l, callback, filter))
    } catch (e) {
      setError(errorText(e, t))
    }
  }

  return (
    <section class="callbacks-page" aria-labelledby="callbacks-title">
      <h1 id="callbacks-title">{t('callbacksPage.callbacks')}</h1>
      <fieldset class="tabs">
        <legend class="sr-only">{t('callbacksPage.show')}</legend>
        {FILTERS.map(([value, key]) => (
          <button
            key={value}
            type="button"
            class="tab"
            aria-pressed={filter === value}
            onClick={() => setFilter(value)}
          >
            {t(key)}
          </button>
        ))}
      </fieldset>
      {error && <p role="alert">{error}</p>}
      {list === null ? (
        <p role="status">{t('callbacksPage.loading')}</p>
      ) : list.length === 0 ? (
        <p>{t('callbacksPage.noCallbacksHere')}</p>
      ) : (
        <ul class="callback-list" data-testid="callback-queue">
          {list.map((c) => (
            <li key={c.id} class="callback-item" data-status={c.status} data-testid="callback-item">
              <div class="callback-who">
                <strong>{c.name}</strong> <a href={`tel:${c.phone}`}>{c.phone}</a>
                {c.topic && <p>{c.topic}</p>}
                {c.extra && Object.keys(c.extra).length > 0 && (
                  // Issue 5 item 3: answers to the widget's extra callback fields, labelled as the visitor saw them.
                  <dl class="callback-extra" data-testid="callback-extra">
                    {Object.entries(c.extra).map(([label, answer]) => (
                      <div key={label}>
                        <dt>{label}</dt>
                        <dd>{answer}</dd>
                      </div>
                    ))}
                  </dl>
                )}
              </div>
              <p class="callback-due">
                <time dateTime={new Date(c.dueAt).toISOString()}>{absolute(c.dueAt)}</time>{' '}
                <span>({relativeDue(c.dueAt, now, t)})</span>
                {' · '}
                {c.preferred === 'asap' ? t('callbacksPage.asap') : t('callbacksPage.chosenTime')}
              </p>
              <p class="callback-status">
                {t(STATUS[c.status])}
                {c.assigneeId &&
                  ` · ${c.assigneeId === operatorId ? t('callbacksPage.you') : (names[c.assigneeId] ?? t('callbacksPage.aColleague'))}`}
              </p>
              {c.status !== 'called' && (
                <div class="callback-actions">
                  {c.assigneeId !== operatorId && (
                    <button type="button" class="button" onClick={() => act(() => api.assign(c.id))}>
                      {t('callbacksPage.assignToMe')}
                    </button>
                  )}
                  <button type="button" class="button" onClick={() => act(() => api.outcome(c.id, 'called'))}>
                    {t('callbacksPage.called')}
                  </button>
                  <button
                    type="button"
                    class="button"
                    onClick={() => act(() => api.outcome(c.id, 'no_answer'))}
                  >
                    {t('callbacksPage.noAnswer')}
                  </button>
                  <button type="button" class="button" onClick={() => setRescheduling(c.id)}>
                    {t('callbacksPage.reschedule')}
                  </button>
                </div>
              )}
              {rescheduling === c.id && (
                <form
                  class="callback-reschedule"
                  onSubmit={(e) => {
                    e.preventDefault()
                    const value = new FormData(e.currentTarget).get('due')
                    setRescheduling(null)
                    if (typeof value === 'string' && value)
                      act(() => api.reschedule(c.id, new Date(value).getTime()))
                  }}
                >
                  <label>
                    {t('callbacksPage.newTime')}{' '}
                    <input
                      type="datetime-local"
                      name="due"
                      defaultValue={localInputValue(Math.max(c.dueAt, now))}
                      required
                    />
                  </label>
                  <button type="submit" class="button">
                    {t('callbacksPage.save')}
                  </button>
                  <button type="button" class="button" onClick={() => setRescheduling(null)}>
                    {t('callbacksPage.cancel')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
