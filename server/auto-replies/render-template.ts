/**
 * Fills an auto-reply template for one visitor (issue "Open lines"). Placeholders: `{visitor_name}`,
 * `{line_name}`, `{next_opening}`, each with an optional fallback after a bar, `{visitor_name|there}`,
 * used when the value is missing. Unknown placeholders stay as written. The result is plain text: the
 * values are inserted verbatim and never expanded again, and nothing is interpreted as HTML.
 */
import { formatNextOpening, type VisitorClock } from './format-next-opening.ts'

export interface TemplateValues extends VisitorClock {
  visitorName?: string | null
  lineName?: string | null
  /** From `nextOpening(hours, now)`; null when the line does not open within the horizon. */
  nextOpening?: number | null
}

/** A visitor-supplied name is free text: one line, and short enough to keep the message in bounds. */
export const MAX_NAME_CHARS = 80

const PLACEHOLDER = /\{([a-z_]+)(?:\|([^{}]*))?\}/g

function cleanName(name: string | null | undefined): string {
  return (name ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_CHARS).trim()
}

function placeholderValue(placeholder: string, values: TemplateValues): string | undefined {
  switch (placeholder) {
    case 'visitor_name':
      return cleanName(values.visitorName)
    case 'line_name':
      return cleanName(values.lineName)
    case 'next_opening':
      return values.nextOpening == null ? '' : formatNextOpening(values.nextOpening, values)
    default:
      return undefined
  }
}

export function renderTemplate(text: string, values: TemplateValues): string {
  return text.replace(PLACEHOLDER, (whole: string, placeholder: string, fallback: string | undefined) => {
    const value = placeholderValue(placeholder, values)
    if (value === undefined) return whole
    return value === '' ? (fallback ?? '') : value
  })
}
