/**
 * Glue of issues 4 and 5 in the widget settings and config: the `callback` block set through
 * PATCH /api/admin/widgets/:id reaches the callbacks options API, and `line.offHours` follows the
 * line's off-hours rule. Fixed instants, a named zone with DST (Europe/Warsaw).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createHarness,
  type Harness,
  json,
  type SignedIn,
  seedWorkspace,
  signIn,
} from '../http/test-harness.ts'
import { readLineSettings } from '../line-settings/index.ts'
import type { CreatedWorkspace } from '../workspaces/index.ts'
import { applyWidgetSettingsPatch } from './apply-settings-patch.ts'
import { lineStatusOf } from './line-status.ts'
import { readWidgetSettings, widgetSettingsPatchSchema } from './settings-schema.ts'

// Warsaw, Monday to Friday 09:00–18:00. 2025-03-31 is the first Monday of summer time (CEST, UTC+2).
const warsaw = { timeZone: 'Europe/Warsaw', weekly: { mon: [{ from: '09:00', to: '18:00' }] } }
const MON_0859_CEST = Date.UTC(2025, 2, 31, 6, 59)
const MON_0900_CEST = Date.UTC(2025, 2, 31, 7, 0)
const MON_1800_CEST = Date.UTC(2025, 2, 31, 16, 0)

describe('lineStatusOf', () => {
  it.each([
    ['accept-and-reply', 'chat'],
    ['offer-form', 'form'],
    ['hide-widget', 'hide'],
  ] as const)('closed under %s → offHours %s; open → no offHours', (offHours, mode) => {
    const settings = readLineSettings({ workingHours: warsaw, offHours })
    expect(lineStatusOf(settings, [], MON_0859_CEST)).toEqual({
      open: false,
      nextOpening: MON_0900_CEST,
      estimatedWaitMinutes: null,
      offHours: mode,
    })
    expect(lineStatusOf(settings, [], MON_0900_CEST)).toEqual({
      open: true,
      nextOpening: null,
      estimatedWaitMinutes: 0,
    })
    expect(lineStatusOf(settings, [], MON_1800_CEST).offHours).toBe(mode)
  })
})

describe('the callback block in the widget settings', () => {
  it('merges field by field; null goes back to the defaults', () => {
    const stored = { callback: { consent: 'I agree', defaultCountry: 'PL', slotDays: 5 } }
    const patched = applyWidgetSettingsPatch(
      stored,
      widgetSettingsPatchSchema.parse({ callback: { slotDays: 2 } }),
    )
    expect(patched.ok && patched.settings.callback).toEqual({
      consent: 'I agree',
      defaultCountry: 'PL',
      slotDays: 2,
    })
    const cleared = applyWidgetSettingsPatch(stored, widgetSettingsPatchSchema.parse({ callback: null }))
    expect(cleared.ok && cleared.settings.callback).toBeUndefined()
  })

  it('a patch of one field of an object keeps its other fields (no schema defaults in a patch)', () => {
    const stored = {
      channels: { enabled: ['callback', 'chat'], waitThresholdMinutes: 9 },
      displayRules: { delaySeconds: 7, device: 'phone' },
    }
    const patch = widgetSettingsPatchSchema.parse({
      channels: { formId: 'f1' },
      displayRules: { timeOnPageSeconds: 3 },
    })
    const result = applyWidgetSettingsPatch(stored, patch)
    expect(result.ok && result.settings.channels).toEqual({
      enabled: ['callback', 'chat'],
      formId: 'f1',
      waitThresholdMinutes: 9,
    })
    expect(result.ok && result.settings.displayRules).toMatchObject({
      delaySeconds: 7,
      device: 'phone',
      timeOnPageSeconds: 3,
    })
  })

  it('keeps a valid stored block and drops an invalid one on its own', () => {
    expect(readWidgetSettings({ callback: { consent: true } }).callback).toEqual({
      consent: true,
      slotDays: 3,
    })
    const junk = readWidgetSettings({ color: '#000000', callback: { defaultCountry: 'poland' } })
    expect(junk.color).toBe('#000000')
    expect(junk.callback).toBeUndefined()
  })
})

describe('over HTTP', () => {
  let h: Harness
  let a: CreatedWorkspace
  let admin: SignedIn
  beforeEach(async () => {
    h = await createHarness()
    a = await seedWorkspace(h, 'a')
    admin = await signIn(h, 'admin-a@example.test')
  })
  afterEach(async () => {
    expect(h.unexpected).toEqual([])
    await h.close()
  })
  const patchWidget = (body: unknown) =>
    h.app.request(`/api/admin/widgets/${a.widget.id}`, json(body, admin.headers, 'PATCH'))
  const patchLine = (settings: unknown) =>
    h.app.request(`/api/admin/lines/${a.line.id}`, json({ settings }, admin.headers, 'PATCH'))
  const config = async () => (await h.app.request(`/api/widgets/${a.widget.id}/config`)).json()

  async function callbackOptions(locale: string) {
    const res = await h.app.request('/api/visitors', json({ widgetId: a.widget.id }))
    const { token } = (await res.json()) as { token: string }
    const options = await h.app.request(`/api/callback-requests/options?locale=${locale}`, {
      headers: { Authorization: `Bearer ${token}` },
    })
    expect(options.status).toBe(200)
    return options.json()
  }

  it('PATCH sets settings.callback; the callbacks options API follows; other PATCHes keep it', async () => {
    const res = await patchWidget({
      settings: {
        channels: { enabled: ['chat', 'callback'] },
        callback: { consent: true, defaultCountry: 'PL', slotDays: 1 },
      },
    })
    expect(res.status).toBe(200)
    expect((await res.json()).widget.settings.callback).toEqual({
      consent: true,
      defaultCountry: 'PL',
      slotDays: 1,
    })
    // The harness clock: Wednesday 2025-01-01 00:00 UTC; office hours Mon–Fri 09:00–18:00 UTC.
    const ru = await callbackOptions('ru-RU')
    expect(ru).toMatchObject({ defaultCountry: 'PL', consentText: expect.stringMatching(/[а-я]/) })
    expect(ru.slots).toHaveLength(36) // one business day of 15-minute slots
    await patchWidget({ settings: { color: '#000000', callback: { consent: 'Call me, please' } } })
    expect(await callbackOptions('en')).toMatchObject({
      defaultCountry: 'PL',
      consentText: 'Call me, please',
    })
    expect((await config()).settings.callback).toEqual({
      consent: 'Call me, please',
      defaultCountry: 'PL',
      slotDays: 1,
    })
  })

  it('400 for an invalid callback block', async () => {
    expect((await patchWidget({ settings: { callback: { defaultCountry: 'pl' } } })).status).toBe(400)
    expect((await patchWidget({ settings: { callback: { slotDays: 0 } } })).status).toBe(400)
  })

  it('the config carries line.offHours while the line is closed, from its off-hours rule', async () => {
    // Closed on the harness clock (Wednesday 00:00 UTC).
    expect((await config()).line.offHours).toBe('chat')
    expect((await patchLine({ offHours: 'hide-widget' })).status).toBe(200)
    expect((await config()).line).toMatchObject({ open: false, offHours: 'hide' })
    await patchLine({ offHours: 'offer-form' })
    expect((await config()).line.offHours).toBe('form')
    h.clock.advance(10 * 60 * 60_000) // Wednesday 10:00 UTC: open
    const open = (await config()).line
    expect(open.open).toBe(true)
    expect(open).not.toHaveProperty('offHours')
  })
})
