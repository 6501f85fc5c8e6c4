/**
 * The widget settings page's calls (contract C5, issue 5 items 1, 5, 6, 7): save a widget's name and
 * settings with PATCH, and read the public config of a widget for a locale to list the default
 * visitor-facing texts the admin may override.
 */
import type { WidgetSummary } from './console-api.ts'
import type { HttpClient } from './http-client.ts'

export interface WidgetUpdate {
  name?: string
  settings?: Record<string, unknown>
  /** Replaces the whole list; [] allows any site (issue 2 audit). */
  allowedOrigins?: string[]
}

/** The part of GET /api/widgets/:id/config the settings page reads. */
export interface WidgetPublicConfig {
  settings: Record<string, unknown>
  /** Visitor-facing texts resolved for the asked locale (overrides included). */
  texts?: Record<string, string>
}

export interface WidgetAdminApi {
  updateWidget(widgetId: string, update: WidgetUpdate): Promise<WidgetSummary>
  widgetConfig(widgetId: string, locale: string): Promise<WidgetPublicConfig>
}

export function createWidgetAdminApi(http: HttpClient): WidgetAdminApi {
  const id = encodeURIComponent
  return {
    async updateWidget(widgetId, update) {
      return (
        await http.send<{ widget: WidgetSummary }>('PATCH', `/api/admin/widgets/${id(widgetId)}`, update)
      ).widget
    },
    widgetConfig: (widgetId, locale) =>
      http.get<WidgetPublicConfig>(
        `/api/widgets/${id(widgetId)}/config?${new URLSearchParams({ locale, defaults: 'true' })}`,
      ),
  }
}
