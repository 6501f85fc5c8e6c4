/**
 * The language of a conversation's auto-replies (issue 5, item 7): the visitor's, chosen from the
 * widget they wrote through and what their browser reported, exactly as the widget's own texts are.
 */
import type { AutoReplyTexts } from '../auto-replies/index.ts'
import { formattingLocale, type Locale, resolveTexts, visitorLocale } from '../i18n/index.ts'
import type { Visitor, Widget } from '../store/types.ts'
import { readWidgetSettings } from '../widgets/settings-schema.ts'

export interface ReplyLanguage {
  locale: Locale
  /** The catalog's auto-reply texts of `locale`, with the widget's text overrides. */
  texts: AutoReplyTexts
  /** For `{next_opening}`. */
  formatLocale: string
}

export function replyLanguage(widget: Widget | undefined, visitor: Visitor | undefined): ReplyLanguage {
  const settings = readWidgetSettings(widget?.settings ?? {})
  const context = visitor?.context ?? {}
  const locale = visitorLocale(settings.language, context)
  return {
    locale,
    texts: resolveTexts(locale, settings.texts),
    formatLocale: formattingLocale(locale, context.language),
  }
}
