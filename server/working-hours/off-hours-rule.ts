/**
 * What a line does while it is closed (issue "Open lines"; Bitrix24's "non-working hours" actions).
 * The widget and the chat service ask `offHoursBehaviour` instead of branching on the rule themselves.
 */
import { z } from 'zod'

export const offHoursRuleSchema = z.enum(['accept-and-reply', 'offer-form', 'hide-widget'])
export type OffHoursRule = z.infer<typeof offHoursRuleSchema>

export interface OffHoursBehaviour {
  /** Show the launcher on the visitor's page. */
  showWidget: boolean
  /** Let the visitor write chat messages. */
  acceptMessages: boolean
  /** Offer the callback / contact form in place of the chat. */
  offerForm: boolean
  /** Answer visitor messages with the off-hours auto-reply. */
  sendOffHoursReply: boolean
}

export function offHoursBehaviour(rule: OffHoursRule, open: boolean): OffHoursBehaviour {
  if (open) return { showWidget: true, acceptMessages: true, offerForm: false, sendOffHoursReply: false }
  switch (rule) {
    case 'accept-and-reply':
      return { showWidget: true, acceptMessages: true, offerForm: false, sendOffHoursReply: true }
    case 'offer-form':
      return { showWidget: true, acceptMessages: false, offerForm: true, sendOffHoursReply: false }
    case 'hide-widget':
      return { showWidget: false, acceptMessages: false, offerForm: false, sendOffHoursReply: false }
  }
}
