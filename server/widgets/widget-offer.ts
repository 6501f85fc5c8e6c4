/**
 * What a widget can put in front of a visitor (issue 5 item 1), so the server can refuse the rest:
 * a callback request to a widget whose callback channel is off, a submission of a form the widget
 * never shows (issue 5 done-when: hostile submissions, "values for … switched-off fields"). It
 * mirrors widget/channels/order.ts and the pre-chat form of widget/app/widget-root.tsx, without the
 * clock: under the line's "offer the form" off-hours rule (issue 4 item 2) the chat gives way to
 * the off-hours form, or to the callback where the widget has no form; that substitute counts as
 * offered at any hour, so a request sent just after opening from a panel opened before still goes
 * through. A no-answer auto-reply's "call me back" button may be shown only while the callback
 * channel is on (widget/chat/chat-panel.tsx `onCallback`), so it needs nothing more.
 */
import type { OffHoursRule } from '../working-hours/index.ts'
import type { ChannelSettings } from './settings-schema.ts'

export interface WidgetOffer {
  callback: boolean
  /** The forms a visitor of this widget can submit: the form channel's, pre-chat, off-hours. */
  forms: ReadonlySet<string>
}

export function widgetOffer(
  channels: Pick<ChannelSettings, 'enabled' | 'formId' | 'preChatFormId' | 'offHoursFormId'>,
  offHours: OffHoursRule,
): WidgetOffer {
  const { enabled, formId, preChatFormId, offHoursFormId } = channels
  const chat = enabled.includes('chat')
  const offersForm = offHours === 'offer-form'
  // While closed, the form channel (or the chat's substitute) shows the off-hours form if set.
  const closedFormId = (offersForm && offHoursFormId) || formId
  const forms = new Set<string>()
  if (enabled.includes('form') && formId) forms.add(formId)
  if (enabled.includes('form') && closedFormId) forms.add(closedFormId)
  if (chat && preChatFormId) forms.add(preChatFormId)
  if (chat && offersForm && closedFormId) forms.add(closedFormId)
  const callbackForChat = chat && offersForm && !closedFormId
  return { callback: enabled.includes('callback') || callbackForChat, forms }
}
