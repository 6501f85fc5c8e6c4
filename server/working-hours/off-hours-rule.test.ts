import { describe, expect, it } from 'vitest'
import { offHoursBehaviour, offHoursRuleSchema } from './off-hours-rule.ts'

describe('offHoursBehaviour', () => {
  it('behaves normally while open, whatever the rule', () => {
    for (const rule of offHoursRuleSchema.options) {
      expect(offHoursBehaviour(rule, true)).toEqual({
        showWidget: true,
        acceptMessages: true,
        offerForm: false,
        sendOffHoursReply: false,
      })
    }
  })

  it('while closed: accept-and-reply keeps the chat and answers with the off-hours text', () => {
    expect(offHoursBehaviour('accept-and-reply', false)).toEqual({
      showWidget: true,
      acceptMessages: true,
      offerForm: false,
      sendOffHoursReply: true,
    })
  })

  it('while closed: offer-form swaps the chat for the form; hide-widget hides the launcher', () => {
    expect(offHoursBehaviour('offer-form', false)).toMatchObject({
      showWidget: true,
      acceptMessages: false,
      offerForm: true,
    })
    expect(offHoursBehaviour('hide-widget', false)).toMatchObject({
      showWidget: false,
      acceptMessages: false,
    })
  })

  it('the schema refuses unknown rules', () => {
    expect(offHoursRuleSchema.safeParse('close-everything').success).toBe(false)
  })
})
