/**
 * Contract C6 (issue 5, "One button, three ways"): what the widget shell hands to a channel panel.
 * Types only, zod-free — the callback and form panels are separate lazily imported chunks
 * (widget/callback/index.ts exports `CallbackPanel`, widget/form/index.ts exports `FormPanel`).
 */
import type { WidgetConfig } from '../host-contract.ts'

export type ChannelKind = 'chat' | 'callback' | 'form'

export interface ChannelPanelProps {
  /** The Openline server root with a trailing slash. */
  baseUrl: string
  /** The widget config; `config.texts` holds every visitor-facing text resolved for the locale. */
  config: WidgetConfig
  /** The visitor bearer token (creates the visitor on first use). */
  visitorToken(): Promise<string>
  /** From `Openline('prefill', {...})`: name, phone, email and form field values by field name. */
  prefill: Record<string, string>
  /** Tell the host page (`Openline('on', 'lead', fn)`) that a lead was submitted. */
  emit(event: 'lead', data: { kind: 'callback' | 'form'; id: string }): void
  /** Present when the chooser led here: go back to the channel list. */
  onBack?(): void
  /** Focus the first field when the panel appears (opened by the visitor, not by a rule). */
  autoFocus: boolean
}
