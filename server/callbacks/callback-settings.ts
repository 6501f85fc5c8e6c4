/**
 * Per-widget callback settings, kept under `settings.callback` of the widget (issue 5, item 2):
 * the consent checkbox (shown only where configured), the default country for
 * numbers typed without a country code, and how many business days of slots to offer.
 */
import { z } from 'zod'
import { LOCALES, pickLocale, resolveTexts } from '../i18n/index.ts'
import { DEFAULT_SLOT_DAYS } from './schedule.ts'

export const callbackSettingsSchema = z.object({
  /** ISO 3166-1 alpha-2; numbers without +country are read in it. */
  defaultCountry: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  /**
   * The consent checkbox: off, on with the catalogue text of the visitor's language
   * (`callback.consent`), or on with this text. The text agreed to is stored with the request.
   */
  consent: z.union([z.boolean(), z.string().trim().min(1).max(1000)]).default(false),
  slotDays: z.number().int().min(1).max(14).default(DEFAULT_SLOT_DAYS),
  /**
   * Issue 5 item 3, "extra callback fields": a web form whose fields the callback panel shows under
   * its own; the answers are validated by the form engine and kept with the callback (`extra`).
   */
  extraFormId: z.string().min(1).max(64).optional(),
})

export type CallbackSettings = z.infer<typeof callbackSettingsSchema>

/** The consent text for a request in `locale`, or null where no consent is asked. */
export function consentTextOf(
  settings: CallbackSettings,
  widgetSettings: Record<string, unknown>,
  locale?: string,
) {
  if (settings.consent === false) return null
  if (typeof settings.consent === 'string') return settings.consent
  const language = LOCALES.find((l) => l === widgetSettings.language) ?? 'auto'
  const overrides = widgetSettings.texts
  const texts = resolveTexts(
    pickLocale(language, locale),
    typeof overrides === 'object' && overrides !== null ? (overrides as Record<string, string>) : {},
  )
  return texts['callback.consent']
}

/** Tolerant: junk in stored settings falls back to defaults rather than breaking the widget. */
export function readCallbackSettings(widgetSettings: Record<string, unknown>): CallbackSettings {
  const parsed = callbackSettingsSchema.safeParse(widgetSettings.callback ?? {})
  return parsed.success ? parsed.data : callbackSettingsSchema.parse({})
}
