/**
 * The seam between the loader (tiny, always loaded) and the lazily imported app chunk. The loader
 * owns the host element, the shadow root and the launcher; the app renders the panel into `mount`.
 */
import type { WidgetSettings } from '../server/widgets/settings-schema.ts'
import type { VisitorTraits } from './realtime/types.ts'

/** GET /api/widgets/:widgetId/config */
export interface WidgetConfig {
  widgetId: string
  lineId: string
  name: string
  publicSlug: string
  settings: WidgetSettings
  publicUrl: string
  wsUrl: string
}

/** What `Openline('on', event, callback)` can listen to. */
export const WIDGET_EVENTS = ['ready', 'open', 'close', 'message', 'unread'] as const
export type WidgetEvent = (typeof WIDGET_EVENTS)[number]

export interface WidgetHost {
  widgetId: string
  /** The Openline server root with a trailing slash. */
  baseUrl: string
  config: WidgetConfig
  shadow: ShadowRoot
  /** Where the panel is rendered (inside the shadow root). */
  mount: HTMLElement
  launcher: HTMLButtonElement
  adoptStyles(css: string): void
  setUnread(count: number): void
  setExpanded(open: boolean): void
}

/** The `Openline(command, …)` commands after `init`; arguments are checked here, not in the loader. */
export interface WidgetApp {
  open(): void
  close(): void
  toggle(): void
  on(event: WidgetEvent, callback: (data: unknown) => void): void
  identify(traits: VisitorTraits): Promise<void>
}

export type StartWidget = (host: WidgetHost) => WidgetApp
