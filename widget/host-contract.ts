/**
 * The seam between the loader (tiny, always loaded) and the lazily imported app chunk. The loader
 * owns the host element, the shadow root and the launcher; the app renders the panel into `mount`.
 */
import type { PublicWidgetConfig } from '../server/widgets/build-config.ts'

/**
 * GET /api/widgets/:widgetId/config. Issue 5 (C5) added `locale`, `texts` (every visitor-facing
 * text of that locale, by catalog key), `line` (open, next opening, estimated wait), `onColor` and
 * `launcherIcon`.
 */
export type WidgetConfig = PublicWidgetConfig

/** What `Openline('on', event, callback)` can listen to. */
export const WIDGET_EVENTS = ['ready', 'open', 'close', 'message', 'unread', 'lead'] as const
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
  /** The launcher's visible label and accessible name (issue 5: texts of the visitor's locale). */
  setLabel(text: string, ariaLabel: string): void
  /** `Openline('page', url)`: re-evaluates the display rules (does nothing without rules). */
  page(url: string): void
}

/**
 * The `Openline(command, …)` commands after `init`. The loader forwards the raw arguments; the app
 * checks them and throws an Error saying what it expected (issue 5, item 8).
 */
export interface WidgetApp {
  open(): void
  close(): void
  toggle(): void
  on(event: unknown, callback: unknown): void
  identify(traits: unknown): Promise<void>
  /** 'chat' | 'callback' | 'form': opens the widget on that channel. */
  show(channel: unknown): void
  /** Name, phone, email and form field values for the callback and form panels. */
  prefill(values: unknown): void
  /** 'en' | 'ru' | 'pl': fetches the texts of that language. */
  setLocale(code: unknown): Promise<void>
  page(url: unknown): void
}

export type StartWidget = (host: WidgetHost) => WidgetApp
