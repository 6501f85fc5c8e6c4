import { describe, expect, it } from 'vitest'
import { DEFAULT_TEXTS } from './auto-replies-schema.ts'
import { renderTemplate } from './render-template.ts'

const at = (iso: string): number => Date.parse(iso)
/** ICU may put a narrow no-break space before AM/PM; compare with plain spaces. */
const plain = (text: string): string => text.replace(/\s/g, ' ')

/** The business (Europe/Warsaw) opens on Monday 2026-06-08 at 09:00 local, 07:00Z. */
const MONDAY_OPENING = at('2026-06-08T07:00:00Z')
const FRIDAY_EVENING = at('2026-06-05T17:00:00Z')

describe('renderTemplate: names', () => {
  it('fills the visitor and line names', () => {
    const text = renderTemplate(DEFAULT_TEXTS.welcome, {
      now: 0,
      visitorName: 'Anna',
      lineName: 'Acme Support',
    })
    expect(text).toBe('Hi Anna! Thanks for contacting Acme Support. An operator will reply shortly.')
  })

  it('uses the fallback after the bar, or nothing, when a value is missing or blank', () => {
    expect(renderTemplate(DEFAULT_TEXTS.welcome, { now: 0, visitorName: '  ', lineName: null })).toBe(
      'Hi there! Thanks for contacting us. An operator will reply shortly.',
    )
    expect(renderTemplate('Hello{visitor_name}!', { now: 0 })).toBe('Hello!')
  })

  it('keeps a visitor name to one short line', () => {
    const name = `Anna\n\nKowalska ${'x'.repeat(200)}`
    const text = renderTemplate('[{visitor_name}]', { now: 0, visitorName: name })
    expect(text.startsWith('[Anna Kowalska xxx')).toBe(true)
    expect(text.length).toBe(80 + 2)
  })

  it('leaves unknown or malformed placeholders exactly as written', () => {
    const text = '{order_id} {Visitor_Name} { line_name } {line_name {unknown|fallback}'
    expect(renderTemplate(text, { now: 0, lineName: 'Acme' })).toBe(text)
  })

  it('inserts values verbatim: no HTML, no second expansion, no $-patterns', () => {
    const visitorName = '<b onclick="x()">{line_name}</b> $& $1'
    expect(renderTemplate('Hi {visitor_name}', { now: 0, visitorName, lineName: 'Acme' })).toBe(
      `Hi ${visitorName}`,
    )
  })
})

describe('renderTemplate: {next_opening} in the visitor’s language and time zone', () => {
  const render = (locale: string, timeZone: string, now = FRIDAY_EVENING) =>
    plain(renderTemplate('{next_opening}', { now, nextOpening: MONDAY_OPENING, locale, timeZone }))

  it('en, visitor in New York (6 hours behind Warsaw): weekday and 12-hour time', () => {
    expect(render('en', 'America/New_York')).toBe('Monday 3:00 AM')
  })

  it('en, visitor in Honolulu: the opening falls on their Sunday evening', () => {
    expect(render('en-US', 'Pacific/Honolulu')).toBe('Sunday 9:00 PM')
  })

  it('ru, visitor in Vladivostok (8 hours ahead of Warsaw)', () => {
    expect(render('ru', 'Asia/Vladivostok')).toBe('понедельник 17:00')
  })

  it('pl, visitor in London (an hour behind Warsaw)', () => {
    expect(render('pl', 'Europe/London')).toBe('poniedziałek, 08:00')
  })

  it('adds the date when the opening is more than 6 days away, in each language', () => {
    const tenDaysBefore = at('2026-05-29T12:00:00Z')
    expect(render('en', 'America/New_York', tenDaysBefore)).toBe('Monday, June 8 at 3:00 AM')
    expect(render('ru', 'Asia/Vladivostok', tenDaysBefore)).toBe('понедельник, 8 июня в 17:00')
    expect(render('pl', 'Europe/London', tenDaysBefore)).toBe('poniedziałek, 8 czerwca 08:00')
  })

  it('counts the 6 days in the visitor’s calendar: 7 local days ahead gets a date even if under 7×24 hours', () => {
    expect(render('en', 'America/New_York', at('2026-06-01T12:00:00Z'))).toBe('Monday, June 8 at 3:00 AM')
    expect(render('en', 'America/New_York', at('2026-06-02T12:00:00Z'))).toBe('Monday 3:00 AM')
  })

  it('adds the year when the opening is in the visitor’s next year', () => {
    const opening = at('2027-01-04T08:00:00Z')
    const text = renderTemplate('{next_opening}', {
      now: at('2026-12-24T12:00:00Z'),
      nextOpening: opening,
      locale: 'en',
      timeZone: 'Europe/Warsaw',
    })
    expect(plain(text)).toBe('Monday, January 4, 2027 at 9:00 AM')
  })

  it('degrades to English and UTC for a malformed locale or an unknown zone', () => {
    const text = renderTemplate('{next_opening}', {
      now: FRIDAY_EVENING,
      nextOpening: MONDAY_OPENING,
      locale: 'not a locale!!',
      timeZone: 'Mars/Olympus_Mons',
    })
    expect(plain(text)).toBe('Monday 7:00 AM')
  })

  it('uses the fallback when the line does not open within the horizon', () => {
    const text = renderTemplate(DEFAULT_TEXTS.offHours, {
      now: FRIDAY_EVENING,
      nextOpening: null,
      locale: 'en',
    })
    expect(text).toBe(
      "Thanks for your message! We're away right now. We'll be back soon and will reply then.",
    )
  })

  it('renders the default off-hours text for a Polish visitor', () => {
    const text = renderTemplate(DEFAULT_TEXTS.offHours, {
      now: FRIDAY_EVENING,
      nextOpening: MONDAY_OPENING,
      locale: 'pl-PL',
      timeZone: 'Europe/Warsaw',
    })
    expect(plain(text)).toBe(
      "Thanks for your message! We're away right now. We'll be back poniedziałek, 09:00 and will reply then.",
    )
  })
})
