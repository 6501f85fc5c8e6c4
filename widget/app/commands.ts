/**
 * Argument checks of the `Openline(…)` commands added by issue 5 (item 8). Each throws an Error
 * whose message says what was expected and what came instead.
 */
import type { ChannelKind } from '../channels/channel-types.ts'

const show = (value: unknown) =>
  typeof value === 'string' ? `'${value}'` : value === null ? 'null' : typeof value

export const LOCALE_CODES = ['en', 'ru', 'pl'] as const
export type LocaleCode = (typeof LOCALE_CODES)[number]

export function readChannel(value: unknown, enabled: readonly ChannelKind[]): ChannelKind {
  if (value !== 'chat' && value !== 'callback' && value !== 'form') {
    throw new Error(
      `Openline('show', channel): channel must be 'chat', 'callback' or 'form', got ${show(value)}`,
    )
  }
  if (!enabled.includes(value)) {
    throw new Error(
      `Openline('show', '${value}'): this widget does not offer ${value}; it offers ${enabled.map((c) => `'${c}'`).join(', ')}`,
    )
  }
  return value
}

/** Field names and values as strings (name, phone, email and form field names). */
export function readPrefill(value: unknown): Record<string, string> {
  const input = value as Record<string, unknown> | null
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new Error(
      `Openline('prefill', values): values must be an object such as { name: 'Ada' }, got ${show(value)}`,
    )
  }
  for (const key of Object.keys(input)) {
    if (typeof input[key] !== 'string' || input[key].length > 2000) {
      throw new Error(
        `Openline('prefill', values): ${key} must be a string of at most 2000 characters, got ${show(input[key])}`,
      )
    }
  }
  return { ...(input as Record<string, string>) }
}

export function readLocale(value: unknown): LocaleCode {
  if (!LOCALE_CODES.includes(value as LocaleCode)) {
    throw new Error(`Openline('setLocale', code): code must be 'en', 'ru' or 'pl', got ${show(value)}`)
  }
  return value as LocaleCode
}

/** An absolute address, or one relative to the page (as a router passes it). */
export function readPageUrl(value: unknown, base: string): string {
  if (typeof value === 'string') {
    try {
      return new URL(value, base).href
    } catch {
      // falls through to the error below
    }
  }
  throw new Error(`Openline('page', url): url must be the new page address as a string, got ${show(value)}`)
}
