import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createHarness,
  type Harness,
  json,
  type SignedIn,
  seedWorkspace,
  signIn,
} from '../http/test-harness.ts'
import { DEFAULT_WORKING_HOURS, workingHoursSchema } from '../working-hours/index.ts'
import type { CreatedWorkspace } from '../workspaces/index.ts'
import { applyWidgetSettingsPatch } from './apply-settings-patch.ts'
import { lineStatus } from './line-status.ts'
import { readWidgetSettings } from './settings-schema.ts'

describe('applyWidgetSettingsPatch', () => {
  it('replaces fields, merges channels, display rules and texts, and resets with null', () => {
    const stored = {
      color: '#000000',
      title: 'Acme',
      texts: { 'chat.send': 'Go', 'chat.close': 'Bye' },
      channels: { enabled: ['chat', 'form'], formId: 'f1' },
      displayRules: { exclude: ['/admin*'], delaySeconds: 3 },
    }
    const result = applyWidgetSettingsPatch(stored, {
      color: '#ffcc00',
      title: null,
      texts: { 'chat.send': null, 'chat.title': 'Hi' },
      channels: { waitThresholdMinutes: 10 },
      displayRules: { delaySeconds: 5 },
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.settings).toMatchObject({
      color: '#ffcc00',
      texts: { 'chat.close': 'Bye', 'chat.title': 'Hi' },
      channels: { enabled: ['chat', 'form'], formId: 'f1', waitThresholdMinutes: 10 },
      displayRules: { exclude: ['/admin*'], delaySeconds: 5, device: 'all' },
    })
    expect(result.settings.title).toBeUndefined()
    const cleared = applyWidgetSettingsPatch(result.settings, { displayRules: null })
    expect(cleared.ok && cleared.settings.displayRules).toBeUndefined()
  })

  it('refuses a merge that breaks a whole-object limit', () => {
    const texts = Object.fromEntries(Array.from({ length: 301 }, (_, i) => [`k${i}`, 'x']))
    expect(applyWidgetSettingsPatch({}, { texts }).ok).toBe(false)
  })
})

describe('readWidgetSettings', () => {
  it('keeps the good fields of junk, defaults the rest', () => {
    const s = readWidgetSettings({ color: 'red', position: 'top-left', channels: { enabled: ['fax'] } })
    expect(s.color).toBe('#1f6feb')
    expect(s.position).toBe('top-left')
    expect(s.channels).toEqual({ enabled: ['chat'], waitThresholdMinutes: 5 })
  })
})

describe('lineStatus', () => {
  const wednesdayNoon = Date.UTC(2025, 0, 1, 12)
  const hours = workingHoursSchema.parse({})
  it('closed: when it opens next, no wait estimate', () => {
    expect(lineStatus(DEFAULT_WORKING_HOURS, [], Date.UTC(2025, 0, 1, 7))).toEqual({
      open: false,
      nextOpening: Date.UTC(2025, 0, 1, 9),
      estimatedWaitMinutes: null,
    })
  })
  it.each([
    [[], 0],
    [[wednesdayNoon - 60_000], 3],
    [[wednesdayNoon, wednesdayNoon, wednesdayNoon], 9],
    [[wednesdayNoon - 20 * 60_000, wednesdayNoon], 20],
  ])('open with %j waiting: %i minutes', (waiting, minutes) => {
    expect(lineStatus(hours, waiting, wednesdayNoon)).toEqual({
      open: true,
      nextOpening: null,
      estimatedWaitMinutes: minutes,
    })
  })
})

describe('widget settings over HTTP', () => {
  let h: Harness
  let a: CreatedWorkspace
  let b: CreatedWorkspace
  let admin: SignedIn
  beforeEach(async () => {
    h = await createHarness()
    a = await seedWorkspace(h, 'a')
    b = await seedWorkspace(h, 'b')
    admin = await signIn(h, 'admin-a@example.test')
  })
  afterEach(async () => {
    expect(h.unexpected).toEqual([])
    await h.close()
  })
  const patch = (id: string, body: unknown) =>
    h.app.request(`/api/admin/widgets/${id}`, json(body, admin.headers, 'PATCH'))
  const config = async (query = '') =>
    (await h.app.request(`/api/widgets/${a.widget.id}/config${query}`)).json()

  it('PATCH renames and merges settings; the config follows', async () => {
    const res = await patch(a.widget.id, {
      name: 'Shop',
      settings: {
        color: '#ffcc00',
        position: 'middle-left',
        launcherIcon: 'phone',
        channels: { enabled: ['callback', 'chat'] },
        texts: { 'chooser.title': 'Hello?' },
      },
    })
    expect(res.status).toBe(200)
    const { widget } = await res.json()
    expect(widget).toMatchObject({ id: a.widget.id, name: 'Shop', settings: { color: '#ffcc00' } })
    const c = await config()
    expect(c).toMatchObject({
      name: 'Shop',
      onColor: '#000000',
      locale: 'en',
      settings: {
        position: 'middle-left',
        channels: { enabled: ['callback', 'chat'] },
        title: 'Chat with us',
      },
      texts: { 'chooser.title': 'Hello?', 'chat.close': 'Close chat' },
    })
    expect(c.launcherIcon).toMatch(/^M5 4h4/)
  })

  it('400 for invalid settings, 404 for a widget of another workspace', async () => {
    const bad = await patch(a.widget.id, {
      settings: { color: 'red', channels: { enabled: ['chat', 'chat'] } },
    })
    expect(bad.status).toBe(400)
    expect((await patch(b.widget.id, { name: 'x' })).status).toBe(404)
    expect((await h.store.findWidget(b.widget.id))?.name).toBe(b.widget.name)
  })

  // Issue 2 audit: allowedOrigins could only be set at creation; PATCH dropped it silently.
  it('PATCH replaces the allowed origins, which then admit and refuse visitors; [] allows any site', async () => {
    const visitorFrom = (origin: string) =>
      h.app.request('/api/visitors', json({ widgetId: a.widget.id }, { Origin: origin }))
    const res = await patch(a.widget.id, {
      allowedOrigins: [' https://shop.example ', 'https://*.shop.example:8443'],
    })
    expect(res.status).toBe(200)
    const { widget } = await res.json()
    expect(widget.allowedOrigins).toEqual(['https://shop.example', 'https://*.shop.example:8443'])
    expect((await h.store.findWidget(a.widget.id))?.allowedOrigins).toEqual(widget.allowedOrigins)
    expect((await visitorFrom('https://shop.example')).status).toBe(201)
    expect((await visitorFrom('https://app.shop.example:8443')).status).toBe(201)
    expect((await visitorFrom('https://evil.example')).status).toBe(403)

    // A rename leaves the list alone; an empty list lets every site in again.
    await patch(a.widget.id, { name: 'Renamed' })
    expect((await h.store.findWidget(a.widget.id))?.allowedOrigins).toHaveLength(2)
    expect((await patch(a.widget.id, { allowedOrigins: [] })).status).toBe(200)
    expect((await visitorFrom('https://evil.example')).status).toBe(201)
  })

  it('refuses allowed origins with a path, query, user or no scheme, naming the entry', async () => {
    for (const entry of [
      'https://shop.example/cart',
      'shop.example',
      'https://shop.example?x',
      '*',
      'https://u@shop.example',
    ]) {
      const res = await patch(a.widget.id, { allowedOrigins: ['https://fine.example', entry] })
      expect(res.status, entry).toBe(400)
      const { error } = await res.json()
      expect(error).toMatchObject({ code: 'invalid_body', issues: [{ path: ['allowedOrigins', 1] }] })
    }
    expect((await h.store.findWidget(a.widget.id))?.allowedOrigins).toEqual([])
    expect((await patch(b.widget.id, { allowedOrigins: ['https://a.example'] })).status).toBe(404)
    expect((await h.store.findWidget(b.widget.id))?.allowedOrigins).toEqual([])
  })

  it('texts follow the browser locale unless the widget or the page fixes one', async () => {
    expect((await config('?locale=ru-RU')).texts['chat.close']).toBe('Закрыть чат')
    expect((await config('?locale=ru-RU')).settings.launcherLabel).toBe('Чат')
    expect((await config('?locale=de')).locale).toBe('en')
    await patch(a.widget.id, { settings: { language: 'pl' } })
    expect((await config('?locale=ru-RU')).locale).toBe('pl')
    expect((await config('?locale=ru-RU&lang=ru')).locale).toBe('ru')
    expect((await h.app.request(`/api/public/chat/${a.widget.publicSlug}?lang=ru`)).status).toBe(200)
    expect((await h.app.request(`/api/widgets/${a.widget.id}/config?lang=de`)).status).toBe(400)
  })

  it('reports the line: closed on the harness clock (Wednesday 00:00 UTC, office hours)', async () => {
    expect((await config()).line).toEqual({
      open: false,
      nextOpening: Date.UTC(2025, 0, 1, 9),
      estimatedWaitMinutes: null,
      offHours: 'chat', // the default off-hours rule: accept messages and auto-reply
    })
  })
})
