import type { WidgetConfig } from '../host-contract.ts'
import type { ChannelKind } from './channel-types.ts'

type Config = Pick<WidgetConfig, 'settings' | 'line'>

/** The form of the "form" channel: while closed under "offer the form" (issue 4, item 2), the off-hours form. */
export const channelFormId = ({ settings: { channels: c }, line }: Config) =>
  (line.offHours === 'form' && c.offHoursFormId) || c.formId

/**
 * The channels in the order the launcher offers them (issue 5, item 1): as configured, except that
 * callback and form move ahead of chat while the line is closed or the estimated wait is longer
 * than `waitThresholdMinutes` — a visitor should not be invited to wait in an empty room. Closed
 * under "offer the form instead of chat" (issue 4, item 2), chat gives way to the form, or to the
 * callback where the widget has no form.
 */
export function orderChannels(config: Config): ChannelKind[] {
  const { enabled, waitThresholdMinutes } = config.settings.channels
  const { open, estimatedWaitMinutes, offHours } = config.line
  const chatLast = !open || (estimatedWaitMinutes ?? 0) > waitThresholdMinutes
  const form = channelFormId(config) ? 'form' : 'callback'
  const list = offHours === 'form' ? [...new Set(enabled.map((c) => (c === 'chat' ? form : c)))] : enabled
  return chatLast ? [...list.filter((c) => c !== 'chat'), ...list.filter((c) => c === 'chat')] : [...list]
}
