/** Short "how long ago" labels for the inbox; `now` is passed in so the output is testable. */
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export function relativeTime(then: number, now: number, locale?: string): string {
  const age = Math.max(0, now - then)
  if (age < MINUTE) return 'just now'
  if (age < HOUR) return `${Math.floor(age / MINUTE)} min ago`
  if (age < DAY) return `${Math.floor(age / HOUR)} h ago`
  if (age < 7 * DAY) return `${Math.floor(age / DAY)} d ago`
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(then)
}

/** How long someone has been waiting: "under 1 min", "12 min", "2 h 5 min", "3 d". */
export function waitedFor(since: number, now: number): string {
  const age = Math.max(0, now - since)
  if (age < MINUTE) return 'under 1 min'
  if (age < HOUR) return `${Math.floor(age / MINUTE)} min`
  if (age < DAY) {
    const minutes = Math.floor((age % HOUR) / MINUTE)
    return `${Math.floor(age / HOUR)} h${minutes > 0 ? ` ${minutes} min` : ''}`
  }
  return `${Math.floor(age / DAY)} d`
}

export function clockTime(at: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(at)
}
