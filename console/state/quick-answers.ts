/**
 * Quick answers on `/` (issue "Open lines", item 4): a composer that starts with a slash searches
 * the operator's quick answers by shortcut and title.
 */
import { ENGLISH } from '../i18n/english.ts'
import type { Translate } from '../i18n/translate.ts'
export interface QuickAnswerItem {
  id: string
  scope: 'workspace' | 'personal'
  shortcut: string
  title: string
  text: string
}

/** The search text after a leading `/`, or null when the composer is not asking for one. */
export function quickAnswerQuery(text: string): string | null {
  if (!text.startsWith('/') || text.includes('\n')) return null
  return text.slice(1).trim().toLowerCase()
}

/** Shortcut prefix matches first, then any other shortcut or title that contains the query. */
export function filterQuickAnswers(items: readonly QuickAnswerItem[], query: string): QuickAnswerItem[] {
  const q = query.toLowerCase()
  const shortcut = (a: QuickAnswerItem) => a.shortcut.replace(/^\//, '').toLowerCase()
  const prefix = items.filter((a) => shortcut(a).startsWith(q))
  const contains = items.filter(
    (a) => !shortcut(a).startsWith(q) && (shortcut(a).includes(q) || a.title.toLowerCase().includes(q)),
  )
  return [...prefix, ...contains]
}

/** Arrow keys move through the options and wrap; -1 is "none active". */
export function moveActive(active: number, count: number, key: 'ArrowDown' | 'ArrowUp'): number {
  if (count === 0) return -1
  if (key === 'ArrowDown') return active + 1 >= count ? 0 : active + 1
  return active <= 0 ? count - 1 : active - 1
}

/** "2 min 5 s", "45 s", "1 h 3 min": KPIs are durations an operator reads at a glance. */
export function formatDuration(ms: number, t: Translate = ENGLISH.t): string {
  const s = Math.round(ms / 1000)
  if (s < 60) return t('time.seconds', { count: s })
  const m = Math.floor(s / 60)
  const min = t('time.minutes', { count: m % 60 || m })
  if (m < 60)
    return s % 60 ? `${t('time.minutes', { count: m })} ${t('time.seconds', { count: s % 60 })}` : min
  const h = Math.floor(m / 60)
  return m % 60 ? `${t('time.hours', { count: h })} ${min}` : t('time.hours', { count: h })
}
