/** Issue 5: what the server accepts from a widget's visitor follows what the widget shows. */
import { describe, expect, it } from 'vitest'
import { widgetOffer } from './widget-offer.ts'

const offer = (channels: Parameters<typeof widgetOffer>[0], rule: Parameters<typeof widgetOffer>[1]) => {
  const o = widgetOffer(channels, rule)
  return { callback: o.callback, forms: [...o.forms].sort() }
}

describe('widgetOffer', () => {
  it('offers the enabled channels, and a form only through a channel that shows it', () => {
    expect(offer({ enabled: ['chat'] }, 'accept-and-reply')).toEqual({ callback: false, forms: [] })
    expect(offer({ enabled: ['chat', 'callback'] }, 'accept-and-reply')).toEqual({
      callback: true,
      forms: [],
    })
    // The form channel is off: its form is not shown even though it is still chosen.
    expect(offer({ enabled: ['chat'], formId: 'f' }, 'accept-and-reply')).toEqual({
      callback: false,
      forms: [],
    })
    expect(offer({ enabled: ['form'], formId: 'f' }, 'accept-and-reply')).toEqual({
      callback: false,
      forms: ['f'],
    })
  })

  it('the pre-chat form comes with the chat', () => {
    expect(offer({ enabled: ['chat'], preChatFormId: 'p' }, 'accept-and-reply').forms).toEqual(['p'])
    expect(offer({ enabled: ['callback'], preChatFormId: 'p' }, 'accept-and-reply').forms).toEqual([])
  })

  it('under "offer the form" the chat gives way to the off-hours form, or to the callback', () => {
    expect(offer({ enabled: ['chat'], offHoursFormId: 'o' }, 'offer-form')).toEqual({
      callback: false,
      forms: ['o'],
    })
    expect(offer({ enabled: ['chat'], formId: 'f' }, 'offer-form')).toEqual({ callback: false, forms: ['f'] })
    expect(offer({ enabled: ['chat'] }, 'offer-form')).toEqual({ callback: true, forms: [] })
    expect(offer({ enabled: ['form'], formId: 'f', offHoursFormId: 'o' }, 'offer-form').forms).toEqual([
      'f',
      'o',
    ])
    // Other rules keep the chat: the off-hours form is not shown.
    expect(offer({ enabled: ['chat'], offHoursFormId: 'o' }, 'accept-and-reply').forms).toEqual([])
    expect(offer({ enabled: ['chat'] }, 'hide-widget').callback).toBe(false)
  })
})
