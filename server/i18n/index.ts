/**
 * Visitor-facing texts in en, ru and pl (issue 5, item 7). They stay on the server: the widget
 * config carries the resolved texts of one locale, so no catalog ships in the widget bundle.
 */
export { type Catalog, en, type TextKey } from './en.ts'
export { CATALOGS, LOCALES, type Locale, pickLocale, resolveTexts } from './resolve.ts'
export { formattingLocale, type LocaleContext, visitorLocale } from './visitor-locale.ts'
