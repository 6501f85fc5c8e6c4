/**
 * The callbacks queue as the console shows it (issue 5, item 2): pure helpers for the list the
 * page keeps — a live frame replaces or adds its callback; the list stays due-soonest-first and
 * holds only the statuses of the chosen filter.
 */
import type { WireCallback } from '../../server/protocol/messages.ts'
import { ENGLISH } from '../i18n/english.ts'
import type { Translate } from '../i18n/translate.ts'

export type CallbackFilter = 'open' | 'no_answer' | 'called' | 'all'

/** Open = still to call: new or assigned. */
export const FILTER_STATUSES: Record<CallbackFilter, Array<WireCallback['status']>> = {
  open: ['new', 'assigned'],
  no_answer: ['no_answer'],
  called: ['called'],
  all: [],
}

const byDue = (a: WireCallback, b: WireCallback) => a.dueAt - b.dueAt || a.createdAt - b.createdAt

export function upsertCallback(
  list: WireCallback[],
  callback: WireCallback,
  filter: CallbackFilter,
): WireCallback[] {
  const rest = list.filter((c) => c.id !== callback.id)
  const statuses = FILTER_STATUSES[filter]
  if (statuses.length > 0 && !statuses.includes(callback.status)) return rest
  return [...rest, callback].sort(byDue)
}

/** "in 5 min", "12 min ago", "in 3 h", "in 2 d" — the queue's relative due time. */
export function relativeDue(dueAt: number, now: number, t: Translate = ENGLISH.t): string {
  const minutes = Math.round((dueAt - now) / 60_000)
  const abs = Math.abs(minutes)
  if (abs < 1) return t('callbacks.dueNow')
  const time =
    abs < 60
      ? t('time.minutes', { count: abs })
      : abs < 48 * 60
        ? t('time.hours', { count: Math.round(abs / 60) })
        : t('time.days', { count: Math.round(abs / 1440) })
  return minutes > 0 ? t('callbacks.dueIn', { time }) : t('callbacks.overdue', { time })
}
