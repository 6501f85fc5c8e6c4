let formatter: Intl.DateTimeFormat | null = null

/** Hours and minutes in the visitor's own locale and time zone. */
export function formatTime(ms: number): string {
  formatter ??= new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })
  return formatter.format(ms)
}
