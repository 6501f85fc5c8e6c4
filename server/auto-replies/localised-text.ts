/**
 * Default auto-replies in the visitor's language (issue 5, item 7). A line's text still equal to the
 * built-in English default was never written by the business, so the visitor gets the catalog text
 * of their language (with the widget's text overrides); a text the line set itself is sent as written.
 */
import type { Catalog } from '../i18n/index.ts'
import { DEFAULT_TEXTS } from './auto-replies-schema.ts'
import type { AutoReplyKind } from './decide-auto-replies.ts'

const SETTING = {
  welcome: 'welcome',
  'off-hours': 'offHours',
  'no-answer': 'noAnswer',
  'on-close': 'onClose',
} as const satisfies Record<AutoReplyKind, keyof typeof DEFAULT_TEXTS>

export type AutoReplyTexts = Pick<Catalog, `autoReply.${keyof typeof DEFAULT_TEXTS}`>

export function autoReplyText(kind: AutoReplyKind, configured: string, texts: AutoReplyTexts): string {
  const setting = SETTING[kind]
  return configured === DEFAULT_TEXTS[setting] ? texts[`autoReply.${setting}`] : configured
}
