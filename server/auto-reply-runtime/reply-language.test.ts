/** Issue 5, item 7: auto-replies in the visitor's language, end to end through the runtime. */
import { afterEach, describe, expect, it } from 'vitest'
import { CATALOGS } from '../i18n/index.ts'
import type { LineSettingsInput } from '../line-settings/index.ts'
import { autoReplyWorld } from './test-kit.ts'

/** Saturday 2026-06-06, 10:00 in Warsaw: the default Mon–Fri 09:00–18:00 line is closed. */
const SATURDAY = Date.parse('2026-06-06T08:00:00Z')
/** Monday 2026-06-08, 09:00 in Warsaw: open. */
const MONDAY = Date.parse('2026-06-08T07:00:00Z')
const warsaw: LineSettingsInput = { workingHours: { timeZone: 'Europe/Warsaw' }, autoReplies: {} }

type World = Awaited<ReturnType<typeof autoReplyWorld>>
let world: World | undefined

afterEach(async () => {
  await world?.close()
  world = undefined
})

async function firstReply(
  start: number,
  context: Record<string, string>,
  options: { settings?: LineSettingsInput; widget?: Record<string, unknown> } = {},
): Promise<string> {
  const w = await autoReplyWorld(start, options.settings ?? warsaw)
  world = w
  const { ws, visitor } = w
  if (visitor.kind !== 'visitor' || !visitor.widgetId) throw new Error('a widget visitor expected')
  await w.store.updateVisitor(ws.id, visitor.visitorId, { context })
  if (options.widget)
    await w.store.updateWidget(ws.id, visitor.widgetId, { settings: options.widget, now: start })
  const { chat } = await w.node()
  const sent = await chat.send(visitor, { clientId: 'a', body: 'Здравствуйте' })
  await w.settle()
  const messages = await w.store.listMessages(ws.id, sent.conversation.id)
  const reply = messages.find((m) => m.authorKind === 'system')
  if (!reply) throw new Error('no auto-reply')
  return reply.body
}

describe('auto-replies in the visitor language', () => {
  it('a ru visitor gets the Russian off-hours default, the opening in Russian and their zone', async () => {
    const body = await firstReply(SATURDAY, { language: 'ru-RU', timeZone: 'Europe/Moscow' })
    expect(body).toMatch(/^Спасибо за сообщение! Сейчас мы не работаем\. Мы вернёмся /)
    // Monday 09:00 in Warsaw (CEST) is 10:00 in Moscow.
    expect(body).toContain('понедельник 10:00')
  })

  it('the widget language setting wins over the browser', async () => {
    const body = await firstReply(
      SATURDAY,
      { language: 'ru-RU', timeZone: 'Europe/Warsaw' },
      { widget: { language: 'pl' } },
    )
    expect(body).toMatch(/^Dziękujemy za wiadomość!/)
    expect(body).toContain('poniedziałek, 09:00')
  })

  it('an explicit choice the page reported wins over both', async () => {
    const body = await firstReply(MONDAY, { language: 'pl-PL', locale: 'ru' }, { widget: { language: 'en' } })
    expect(body).toBe(CATALOGS.ru['autoReply.welcome'].replace('{line_name|нашу службу поддержки}', 'Sales'))
  })

  it("a line's own text is sent as written whatever the visitor's language", async () => {
    const settings = { ...warsaw, autoReplies: { offHours: { text: 'Closed, back {next_opening}.' } } }
    const body = await firstReply(SATURDAY, { language: 'ru-RU', timeZone: 'Europe/Warsaw' }, { settings })
    expect(body).toBe('Closed, back понедельник 09:00.')
  })

  it('a browser language without a catalog gets English, dates included', async () => {
    const body = await firstReply(SATURDAY, { language: 'de-DE', timeZone: 'Europe/Warsaw' })
    expect(body).toMatch(/^Thanks for your message!.*Monday/)
  })
})
