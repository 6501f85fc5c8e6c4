import { type Locale, pickLocale, resolveTexts } from '../i18n/index.ts'
import type { Widget } from '../store/types.ts'
import { LAUNCHER_ICON_PATHS } from './launcher-icons.ts'
import type { LineStatus } from './line-status.ts'
import { readWidgetSettings, type WidgetSettings } from './settings-schema.ts'
import { readableTextColor } from './text-color.ts'

export interface PublicWidgetConfig {
  widgetId: string
  lineId: string
  name: string
  publicSlug: string
  /** Title, greeting and launcher label are always filled: the override, or the locale's text. */
  settings: WidgetSettings & { title: string; greeting: string; launcherLabel: string }
  publicUrl: string
  wsUrl: string
  locale: Locale
  texts: Record<string, string>
  line: LineStatus
  onColor: '#000000' | '#ffffff'
  launcherIcon: string
}

/**
 * GET /api/widgets/:id/config and /api/public/chat/:slug (issue 5): what a browser on any site may
 * see — no workspace id, no allow-list, nothing secret.
 */
export function buildWidgetConfig(
  widget: Widget,
  input: {
    publicUrl: string
    requestedLocale: string | undefined
    explicitLocale?: Locale
    line: LineStatus
  },
): PublicWidgetConfig {
  const settings = readWidgetSettings(widget.settings)
  const locale = pickLocale(settings.language, input.requestedLocale, input.explicitLocale)
  const texts = resolveTexts(locale, settings.texts)
  return {
    widgetId: widget.id,
    lineId: widget.lineId,
    name: widget.name,
    publicSlug: widget.publicSlug,
    settings: {
      ...settings,
      title: settings.title ?? texts['chat.title'],
      greeting: settings.greeting ?? texts['chat.greeting'],
      launcherLabel: settings.launcherLabel ?? texts['launcher.label'],
    },
    publicUrl: input.publicUrl,
    wsUrl: `${input.publicUrl.replace(/^http/, 'ws')}/ws`,
    locale,
    texts,
    line: input.line,
    onColor: readableTextColor(settings.color),
    launcherIcon: LAUNCHER_ICON_PATHS[settings.launcherIcon],
  }
}
