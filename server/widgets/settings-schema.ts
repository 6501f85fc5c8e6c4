/**
 * Public widget settings: appearance, channels, display rules, language and text overrides. Served
 * to browsers as part of the widget configuration, so nothing secret may ever be added here.
 * Issue 5 ("One button, three ways") added channels, display rules, six positions, the launcher
 * icon, operator name/avatar switches, `language` and `texts` (contract C5).
 */
import { z } from 'zod'
import { callbackSettingsSchema } from '../callbacks/callback-settings.ts'

export const CHANNELS = ['chat', 'callback', 'form'] as const
export const POSITIONS = [
  'bottom-right',
  'bottom-left',
  'middle-right',
  'middle-left',
  'top-right',
  'top-left',
] as const
export const LAUNCHER_ICONS = ['chat', 'phone', 'mail', 'question', 'none'] as const
export const WIDGET_LANGUAGES = ['auto', 'en', 'ru', 'pl'] as const

const formId = z.string().min(1).max(64)

export const channelsSchema = z.object({
  /** Display order; the first is the default and the only one when there is one. */
  enabled: z
    .array(z.enum(CHANNELS))
    .min(1)
    .max(3)
    .refine((list) => new Set(list).size === list.length, 'each channel at most once')
    .default(['chat']),
  /** The form behind the "form" channel. */
  formId: formId.optional(),
  preChatFormId: formId.optional(),
  offHoursFormId: formId.optional(),
  /** Above this estimated wait, callback and form go ahead of chat (issue 5, item 1). */
  waitThresholdMinutes: z.number().int().min(0).max(1440).default(5),
})

/** `*` matches any run of characters; a pattern without a scheme is matched against host + path. */
const pattern = z.string().trim().min(1).max(500)

export const displayRulesSchema = z.object({
  /** Pages where the widget shows; empty = every page. */
  include: z.array(pattern).max(50).default([]),
  /** Pages where it never shows; wins over `include`. */
  exclude: z.array(pattern).max(50).default([]),
  /** Seconds after the widget loads before the launcher appears. */
  delaySeconds: z.number().int().min(0).max(3600).default(0),
  /** Seconds the visitor must have spent on the current page (reset by `Openline('page', url)`). */
  timeOnPageSeconds: z.number().int().min(0).max(3600).default(0),
  device: z.enum(['all', 'phone', 'desktop']).default('all'),
  visitor: z.enum(['all', 'new', 'returning']).default('all'),
  /** Each given UTM parameter must match its pattern. */
  utm: z
    .object({ source: pattern.optional(), medium: pattern.optional(), campaign: pattern.optional() })
    .default({}),
  /** The referrer must match one of these; empty = any (also none). */
  referrer: z.array(pattern).max(20).default([]),
  hideWhenClosed: z.boolean().default(false),
  /** Per-page welcome shown next to the launcher; the first matching entry wins. */
  proactive: z
    .array(
      z.object({
        page: pattern,
        delaySeconds: z.number().int().min(0).max(3600).default(0),
        message: z.string().trim().min(1).max(500),
      }),
    )
    .max(20)
    .default([]),
})

/** A text key of the catalogs (server/i18n). Unknown keys are kept but never shown. */
const textKey = z.string().regex(/^[a-zA-Z][\w.-]{0,63}$/)

export const widgetSettingsSchema = z.object({
  /** Main colour (launcher, header, visitor bubbles) as #rrggbb; the text colour on it is derived. */
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .default('#1f6feb'),
  position: z.enum(POSITIONS).default('bottom-right'),
  /** Panel title, e.g. the business name; unset = the catalog's text for the visitor's language. */
  title: z.string().max(80).optional(),
  /** Shown above an empty conversation; unset = the catalog's text. */
  greeting: z.string().max(500).optional(),
  /** Unset = the catalog's text. */
  launcherLabel: z.string().max(40).optional(),
  launcherIcon: z.enum(LAUNCHER_ICONS).default('chat'),
  showOperatorName: z.boolean().default(true),
  showOperatorAvatar: z.boolean().default(true),
  theme: z.enum(['light', 'dark', 'auto']).default('auto'),
  /** 'auto' follows the browser (navigator.language), falling back to English. */
  language: z.enum(WIDGET_LANGUAGES).default('auto'),
  /** Overrides of catalog texts, by key; apply in every language. */
  texts: z
    .record(textKey, z.string().max(2000))
    .refine((t) => Object.keys(t).length <= 300, 'at most 300 texts')
    .default({}),
  channels: channelsSchema.default({ enabled: ['chat'], waitThresholdMinutes: 5 }),
  /** Absent = the launcher shows on every page at once. */
  displayRules: displayRulesSchema.optional(),
  /**
   * The callback panel (issue 5, item 2): consent checkbox, default country, days of slots. The
   * shape is server/callbacks' own schema; absent = its defaults (no consent, 3 days).
   */
  callback: callbackSettingsSchema.optional(),
})

export type WidgetSettings = z.infer<typeof widgetSettingsSchema>
export type ChannelSettings = z.infer<typeof channelsSchema>
export type DisplayRules = z.infer<typeof displayRulesSchema>
export type WidgetLanguage = Exclude<(typeof WIDGET_LANGUAGES)[number], 'auto'>

/** A PATCH of an object's fields: each optional; a field that may be absent may also be null (= clear it). */
export type FieldsPatch<T> = { [K in keyof T]?: undefined extends T[K] ? T[K] | null : T[K] }

/**
 * The fields of an object for a PATCH: each optional and WITHOUT its default. zod 4's `.partial()`
 * keeps the defaults, so `{channels: {formId}}` would have reset `enabled` and the wait threshold.
 * An optional field (no default) also takes null, which removes it: a chosen form (`formId`,
 * `preChatFormId`, `offHoursFormId`) or the callback's `defaultCountry` can be unset again.
 */
function fieldsPatch<S extends z.ZodObject>(schema: S): z.ZodType<FieldsPatch<z.output<S>>> {
  const shape: Record<string, z.ZodType> = {}
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    if (field instanceof z.ZodDefault) shape[key] = (field.unwrap() as z.ZodType).optional()
    else if (field instanceof z.ZodOptional) shape[key] = field.nullable()
    else shape[key] = field.optional()
  }
  return z.object(shape) as unknown as z.ZodType<FieldsPatch<z.output<S>>>
}

/** PATCH /api/admin/widgets/:id: any subset; objects (channels, displayRules, callback, texts) merge one level. */
export const widgetSettingsPatchSchema = z.object({
  color: widgetSettingsSchema.shape.color.unwrap().optional(),
  position: z.enum(POSITIONS).optional(),
  title: z.string().max(80).nullable().optional(),
  greeting: z.string().max(500).nullable().optional(),
  launcherLabel: z.string().max(40).nullable().optional(),
  launcherIcon: z.enum(LAUNCHER_ICONS).optional(),
  showOperatorName: z.boolean().optional(),
  showOperatorAvatar: z.boolean().optional(),
  theme: z.enum(['light', 'dark', 'auto']).optional(),
  language: z.enum(WIDGET_LANGUAGES).optional(),
  /** A null value removes that override. */
  texts: z.record(textKey, z.string().max(2000).nullable()).optional(),
  channels: fieldsPatch(channelsSchema).optional(),
  displayRules: fieldsPatch(displayRulesSchema).nullable().optional(),
  /** Null goes back to the callback defaults. */
  callback: fieldsPatch(callbackSettingsSchema).nullable().optional(),
})
export type WidgetSettingsPatch = z.infer<typeof widgetSettingsPatchSchema>

/** Stored settings may predate a field or hold junk from an old version: fall back per field. */
export function readWidgetSettings(stored: unknown): WidgetSettings {
  const parsed = widgetSettingsSchema.safeParse(stored ?? {})
  if (parsed.success) return parsed.data
  const defaults = widgetSettingsSchema.parse({})
  const input = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {}
  const out: Record<string, unknown> = { ...defaults }
  for (const key of Object.keys(widgetSettingsSchema.shape) as (keyof WidgetSettings)[]) {
    const field = widgetSettingsSchema.shape[key].safeParse(input[key])
    if (field.success && field.data !== undefined) out[key] = field.data
  }
  return out as WidgetSettings
}
