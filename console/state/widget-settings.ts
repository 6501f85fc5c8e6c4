/**
 * The widget settings page's pure parts (issue 5 items 1, 5, 6, 7; contract C5): the settings with
 * their defaults filled in (the schema's own defaults, restated because zod stays out of the
 * browser), the PATCH body that turns the draft into the stored settings, and the contrast facts
 * shown next to the colour.
 */
import type { WidgetSettings } from '../../server/widgets/settings-schema.ts'
import { contrastRatio, onColor } from '../../widget/theme/contrast.ts'
import type { WidgetSummary } from '../api/index.ts'

export type { WidgetSettings }
export type DisplayRulesDraft = NonNullable<WidgetSettings['displayRules']>

export const WIDGET_CHANNELS = [
  'chat',
  'callback',
  'form',
] as const satisfies readonly WidgetSettings['channels']['enabled'][number][]
export const WIDGET_POSITIONS = [
  'bottom-right',
  'bottom-left',
  'middle-right',
  'middle-left',
  'top-right',
  'top-left',
] as const satisfies readonly WidgetSettings['position'][]
export const LAUNCHER_ICON_NAMES = [
  'chat',
  'phone',
  'mail',
  'question',
  'none',
] as const satisfies readonly WidgetSettings['launcherIcon'][]
export const WIDGET_LANGUAGE_CHOICES = [
  'auto',
  'en',
  'ru',
  'pl',
] as const satisfies readonly WidgetSettings['language'][]

export interface WidgetDraft {
  name: string
  settings: WidgetSettings
  /** Sites that may use the widget, one origin each; empty = any site (issue 2 audit). */
  allowedOrigins: string[]
}

export const DEFAULT_DISPLAY_RULES: DisplayRulesDraft = {
  include: [],
  exclude: [],
  delaySeconds: 0,
  timeOnPageSeconds: 0,
  device: 'all',
  visitor: 'all',
  utm: {},
  referrer: [],
  hideWhenClosed: false,
  proactive: [],
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Stored settings (possibly older, without some fields) with every default the server applies. */
export function withDefaults(stored: Record<string, unknown>): WidgetSettings {
  const s = stored as Partial<WidgetSettings>
  const channels = isRecord(s.channels) ? (s.channels as Partial<WidgetSettings['channels']>) : {}
  const rules = isRecord(s.displayRules) ? (s.displayRules as Partial<DisplayRulesDraft>) : undefined
  const settings: WidgetSettings = {
    color: typeof s.color === 'string' ? s.color : '#1f6feb',
    position: WIDGET_POSITIONS.includes(s.position as never)
      ? (s.position as WidgetSettings['position'])
      : 'bottom-right',
    launcherIcon: s.launcherIcon ?? 'chat',
    showOperatorName: s.showOperatorName ?? true,
    showOperatorAvatar: s.showOperatorAvatar ?? true,
    theme: s.theme ?? 'auto',
    language: s.language ?? 'auto',
    texts: isRecord(s.texts) ? (s.texts as Record<string, string>) : {},
    channels: { enabled: ['chat'], waitThresholdMinutes: 5, ...channels },
  }
  if (typeof s.title === 'string') settings.title = s.title
  if (typeof s.greeting === 'string') settings.greeting = s.greeting
  if (typeof s.launcherLabel === 'string') settings.launcherLabel = s.launcherLabel
  if (rules) settings.displayRules = { ...DEFAULT_DISPLAY_RULES, ...rules, utm: { ...rules.utm } }
  return settings
}

export function widgetDraftOf(
  widget: Pick<WidgetSummary, 'name' | 'settings'> & Partial<Pick<WidgetSummary, 'allowedOrigins'>>,
): WidgetDraft {
  return {
    name: widget.name,
    settings: withDefaults(widget.settings),
    allowedOrigins: [...(widget.allowedOrigins ?? [])],
  }
}

/**
 * PATCH merges `channels`, `displayRules` and `texts` into what is stored (C5), so the body says
 * everything explicitly: each field as drafted, null to go back to a default text or to drop the
 * display rules, and null for every text override the admin removed.
 */
export function widgetPatchOf(
  saved: WidgetDraft,
  draft: WidgetDraft,
): { name: string; settings: Record<string, unknown>; allowedOrigins: string[] } {
  const s = draft.settings
  const texts: Record<string, string | null> = {}
  for (const key of Object.keys(saved.settings.texts)) texts[key] = null
  // An emptied box is undefined in the draft: it goes back to the catalog's text.
  for (const [key, value] of Object.entries(s.texts))
    if (typeof value === 'string' && value.trim() !== '') texts[key] = value
  const orNull = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v)
  return {
    name: draft.name.trim(),
    settings: {
      color: s.color,
      position: s.position,
      title: orNull(s.title),
      greeting: orNull(s.greeting),
      launcherLabel: orNull(s.launcherLabel),
      launcherIcon: s.launcherIcon,
      showOperatorName: s.showOperatorName,
      showOperatorAvatar: s.showOperatorAvatar,
      theme: s.theme,
      language: s.language,
      texts,
      channels: s.channels,
      displayRules: s.displayRules ?? null,
    },
    // The whole list replaces the stored one; blank lines were dropped when the box was left.
    allowedOrigins: draft.allowedOrigins,
  }
}

export interface ColorFacts {
  valid: boolean
  /** The text colour the widget puts on the main colour. */
  textColor: '#000000' | '#ffffff'
  /** WCAG 2 contrast of that text on the main colour (AA for normal text: 4.5). */
  textRatio: number
  /** The main colour against a white page (a launcher needs 3:1 to be seen, WCAG 1.4.11). */
  pageRatio: number
}

export function colorFacts(color: string): ColorFacts {
  const valid = /^#[0-9a-fA-F]{6}$/.test(color)
  const main = valid ? color : '#1f6feb'
  const textColor = onColor(main)
  return {
    valid,
    textColor,
    textRatio: contrastRatio(main, textColor),
    pageRatio: contrastRatio(main, '#ffffff'),
  }
}

/** "4.6:1", rounded down so a shown 4.5 really passes. */
export const formatRatio = (ratio: number): string => `${(Math.floor(ratio * 10) / 10).toFixed(1)}:1`

/** The locale whose default texts to list: the widget's language, or the one picked to preview. */
export const textsLocale = (
  language: WidgetSettings['language'],
  picked: 'en' | 'ru' | 'pl',
): 'en' | 'ru' | 'pl' => (language === 'auto' ? picked : language)

/** Lines of a textarea → a list of patterns (blank lines dropped). */
export const linesToList = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')

/**
 * The PATCH answers a body error with paths from the body (`settings.color`, `allowedOrigins.1`) but
 * an invalid merge with paths inside the settings (`displayRules.include.0`, C5): those are put
 * under `settings`.
 */
export function settingsIssues(issues: readonly unknown[] | undefined): unknown[] | undefined {
  return issues?.map((issue) => {
    if (typeof issue !== 'object' || issue === null) return issue
    const path = (issue as { path?: unknown }).path
    const own = ['settings', 'name', 'allowedOrigins']
    if (!Array.isArray(path) || own.includes(path[0] as string)) return issue
    return { ...issue, path: ['settings', ...path] }
  })
}
