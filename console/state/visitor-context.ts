/**
 * The visitor context panel's facts, read defensively: `context` is whatever the visitor's browser
 * reported (server/http/schemas.ts visitorContext), stored as a loose JSON object.
 */
export interface VisitorFacts {
  page: string | null
  referrer: string | null
  language: string | null
  timeZone: string | null
  device: string | null
}

export function visitorFacts(context: Readonly<Record<string, unknown>>): VisitorFacts {
  return {
    page: text(context.page),
    referrer: text(context.referrer),
    language: text(context.language),
    timeZone: text(context.timeZone),
    device: text(context.device),
  }
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

/**
 * The visitor's wall-clock time, e.g. "Tue 14:05". Null for a time zone this browser does not know
 * (the value came from another browser, so it may be junk) — the panel then shows nothing.
 */
export function visitorLocalTime(timeZone: string, now: number, locale?: string): string | null {
  try {
    return new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    }).format(now)
  } catch (error) {
    if (error instanceof RangeError) return null
    throw error
  }
}
