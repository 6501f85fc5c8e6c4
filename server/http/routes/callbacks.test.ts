import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { channels } from '../../bus/types.ts'
import type { CreatedWorkspace } from '../../workspaces/index.ts'
import { createHarness, type Harness, json, type SignedIn, seedWorkspace, signIn } from '../test-harness.ts'

// The harness clock starts on Wednesday 2025-01-01 00:00 UTC; the default line works Mon–Fri
// 09:00–18:00 UTC, so it is closed now and opens at 09:00.
const WED_0900 = Date.UTC(2025, 0, 1, 9)

let h: Harness
let a: CreatedWorkspace
let admin: SignedIn

/** Issue 5: a widget takes callback requests only while it offers them (its callback channel on). */
async function withCallbacks(
  ws: CreatedWorkspace,
  enabled = ['chat', 'callback'],
): Promise<CreatedWorkspace> {
  const settings = { ...ws.widget.settings, channels: { enabled } }
  return {
    ...ws,
    widget: await h.store.updateWidget(ws.workspace.id, ws.widget.id, { settings, now: h.clock.now() }),
  }
}

beforeEach(async () => {
  h = await createHarness()
  a = await withCallbacks(await seedWorkspace(h, 'a'))
  admin = await signIn(h, 'admin-a@example.test')
})
afterEach(async () => {
  expect(h.unexpected).toEqual([])
  await h.close()
})

async function visitorOf(widgetId: string): Promise<{ Authorization: string }> {
  const res = await h.app.request('/api/visitors', json({ widgetId, context: { language: 'pl-PL' } }))
  const { token } = (await res.json()) as { token: string }
  return { Authorization: `Bearer ${token}` }
}

const request = (auth: Record<string, string>, body: object) =>
  h.app.request(
    '/api/callback-requests',
    json({ name: 'Anna', phone: '601 234 567', slot: null, ...body }, auth),
  )

const operator = (path: string, body: object = {}) =>
  h.app.request(`/api/callbacks${path}`, json(body, admin.headers))

async function queue(query = ''): Promise<Array<{ id: string; status: string; dueAt: number }>> {
  const res = await h.app.request(`/api/callbacks${query}`, { headers: { Cookie: admin.cookie } })
  expect(res.status).toBe(200)
  return (await res.json()).callbacks
}

describe('callback requests: the visitor side (issue 5, item 2)', () => {
  it('offers 15-minute slots of the next three business days in the business zone', async () => {
    const auth = await visitorOf(a.widget.id)
    const res = await h.app.request('/api/callback-requests/options?locale=pl-PL', { headers: auth })
    expect(res.status).toBe(200)
    const options = await res.json()
    expect(options).toMatchObject({ timeZone: 'UTC', open: false, asapDueAt: WED_0900, stepMinutes: 15 })
    expect(options.slots).toHaveLength(3 * 36)
    expect(options.slots[0]).toBe(WED_0900)
    expect(options.slots.at(-1)).toBe(Date.UTC(2025, 0, 3, 17, 45)) // Friday
    expect(options.consentText).toBeNull()
  })

  it('stores an ASAP request due at the next opening, normalises the phone and tells the operators', async () => {
    const frames: unknown[] = []
    await h.deps.bus.subscribe(channels.operators(a.workspace.id), (frame) => frames.push(frame))
    const res = await request(await visitorOf(a.widget.id), {
      topic: 'Delivery',
      locale: 'pl-PL',
      timeZone: 'Europe/Warsaw',
    })
    expect(res.status).toBe(201)
    const { callback } = await res.json()
    expect(callback).toMatchObject({
      phone: '+48601234567',
      preferred: 'asap',
      dueAt: WED_0900,
      timeZone: 'UTC',
    })
    expect(await queue()).toMatchObject([{ id: callback.id, status: 'new', dueAt: WED_0900 }])
    expect(frames).toMatchObject([
      {
        type: 'callback.created',
        callback: { id: callback.id, name: 'Anna', topic: 'Delivery', visitorTimeZone: 'Europe/Warsaw' },
      },
    ])
  })

  it('is due now while the line is open', async () => {
    h.clock.advance(10 * 3_600_000) // 10:00
    const res = await request(await visitorOf(a.widget.id), { locale: 'pl' })
    expect((await res.json()).callback.dueAt).toBe(h.clock.now())
  })

  it('refuses an invalid phone number, pointing at the field', async () => {
    const res = await request(await visitorOf(a.widget.id), { phone: '12345', locale: 'pl-PL' })
    expect(res.status).toBe(400)
    expect((await res.json()).error).toMatchObject({ code: 'invalid_phone', issues: [{ path: ['phone'] }] })
    expect(await queue()).toEqual([])
  })

  it('accepts an offered slot and refuses one off the grid or already past', async () => {
    const auth = await visitorOf(a.widget.id)
    const slot = Date.UTC(2025, 0, 2, 14, 30)
    const ok = await request(auth, { phone: '+48 601 234 567', slot })
    expect(ok.status).toBe(201)
    expect((await ok.json()).callback).toMatchObject({ preferred: 'slot', dueAt: slot })
    const offGrid = await request(auth, { phone: '+48 601 234 567', slot: slot + 5 * 60_000 })
    expect(offGrid.status).toBe(409)
    expect((await offGrid.json()).error.code).toBe('slot_unavailable')
    h.clock.advance(Date.UTC(2025, 0, 1, 9, 20) - h.clock.now())
    const past = await request(auth, { phone: '+48 601 234 567', slot: WED_0900 })
    expect(past.status).toBe(409)
  })

  it('requires consent where the widget configures it, and keeps the text agreed to', async () => {
    const consentText = 'I agree to be called about my request.'
    await h.store.updateWidget(a.workspace.id, a.widget.id, {
      settings: { ...a.widget.settings, callback: { consent: consentText, defaultCountry: 'PL' } },
      now: h.clock.now(),
    })
    const auth = await visitorOf(a.widget.id)
    const options = await (await h.app.request('/api/callback-requests/options', { headers: auth })).json()
    expect(options).toMatchObject({ consentText, defaultCountry: 'PL' })
    const refused = await request(auth, {})
    expect(refused.status).toBe(400)
    expect((await refused.json()).error.code).toBe('consent_required')
    const ok = await request(auth, { consent: true })
    expect(ok.status).toBe(201)
    const [stored] = await h.store.listCallbacks(a.workspace.id)
    expect(stored).toMatchObject({ consentText, consentAt: h.clock.now(), phone: '+48601234567' })
  })

  it('rejects a malformed body, a missing token and a flood', async () => {
    const auth = await visitorOf(a.widget.id)
    expect((await request(auth, { name: '' })).status).toBe(400)
    expect((await request({}, {})).status).toBe(401)
    for (let i = 0; i < 5; i++) expect((await request(auth, { phone: '+48 601 234 567' })).status).toBe(201)
    expect((await request(auth, { phone: '+48 601 234 567' })).status).toBe(429)
  })
})

describe('callback requests: the operator queue', () => {
  it('assign, no answer, reschedule, called — each change recorded and announced', async () => {
    const auth = await visitorOf(a.widget.id)
    const { callback } = await (await request(auth, { phone: '+48 601 234 567' })).json()
    const frames: Array<{ type: string; callback: { status: string } }> = []
    await h.deps.bus.subscribe(channels.operators(a.workspace.id), (frame) => frames.push(frame as never))

    const assigned = await operator(`/${callback.id}/assign`)
    expect(assigned.status).toBe(200)
    expect((await assigned.json()).callback).toMatchObject({ status: 'assigned', assigneeId: a.operator.id })
    expect((await operator(`/${callback.id}/outcome`, { outcome: 'no_answer' })).status).toBe(200)
    expect(await queue('?status=no_answer')).toHaveLength(1)
    const later = Date.UTC(2025, 0, 2, 10)
    const moved = await (await operator(`/${callback.id}/reschedule`, { dueAt: later })).json()
    expect(moved.callback).toMatchObject({ status: 'assigned', dueAt: later })
    expect((await operator(`/${callback.id}/outcome`, { outcome: 'called' })).status).toBe(200)
    const again = await operator(`/${callback.id}/outcome`, { outcome: 'called' })
    expect(again.status).toBe(409)
    expect((await again.json()).error.code).toBe('already_called')

    expect(frames.map((f) => `${f.type}:${f.callback.status}`)).toEqual([
      'callback.updated:assigned',
      'callback.updated:no_answer',
      'callback.updated:assigned',
      'callback.updated:called',
    ])
    const detail = await (
      await h.app.request(`/api/callbacks/${callback.id}`, { headers: { Cookie: admin.cookie } })
    ).json()
    expect(detail.events.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'assigned',
      'no_answer',
      'rescheduled',
      'called',
    ])
    expect(detail.events[3]).toMatchObject({
      actorKind: 'operator',
      actorId: a.operator.id,
      data: { to: later },
    })
    expect(await queue('?status=new,assigned')).toEqual([])
    expect(await queue('?status=called')).toHaveLength(1)
  })

  it('lists due soonest first and rejects unknown statuses and CSRF-less changes', async () => {
    const auth = await visitorOf(a.widget.id)
    const later = await (
      await request(auth, { phone: '+48 601 234 567', slot: Date.UTC(2025, 0, 2, 9) })
    ).json()
    const sooner = await (await request(auth, { phone: '+48 601 234 567' })).json()
    expect((await queue()).map((c) => c.id)).toEqual([sooner.callback.id, later.callback.id])
    const bad = await h.app.request('/api/callbacks?status=done', { headers: { Cookie: admin.cookie } })
    expect(bad.status).toBe(400)
    const noCsrf = await h.app.request(
      `/api/callbacks/${sooner.callback.id}/assign`,
      json({}, { Cookie: admin.cookie }),
    )
    expect(noCsrf.status).toBe(403)
  })

  it("never shows or changes another workspace's callbacks", async () => {
    const b = await withCallbacks(await seedWorkspace(h, 'b'))
    const { callback } = await (
      await request(await visitorOf(b.widget.id), { phone: '+48 601 234 567' })
    ).json()
    expect(await queue()).toEqual([])
    expect(
      (await h.app.request(`/api/callbacks/${callback.id}`, { headers: { Cookie: admin.cookie } })).status,
    ).toBe(404)
    expect((await operator(`/${callback.id}/outcome`, { outcome: 'called' })).status).toBe(404)
    expect((await operator(`/${callback.id}/assign`, {})).status).toBe(404)
    const [theirs] = await h.store.listCallbacks(b.workspace.id)
    expect(theirs).toMatchObject({ status: 'new', assigneeId: null })
    // Nor assign one's own callback to an operator of another workspace.
    const own = await (await request(await visitorOf(a.widget.id), { phone: '+48 601 234 567' })).json()
    expect((await operator(`/${own.callback.id}/assign`, { operatorId: b.operator.id })).status).toBe(404)
  })
})

describe('callback consent from the catalogue', () => {
  it("asks with the catalogue text of the visitor's language when consent is simply switched on", async () => {
    await h.store.updateWidget(a.workspace.id, a.widget.id, {
      settings: { ...a.widget.settings, callback: { consent: true } },
      now: h.clock.now(),
    })
    const auth = await visitorOf(a.widget.id)
    const options = await (
      await h.app.request('/api/callback-requests/options?locale=pl-PL', { headers: auth })
    ).json()
    expect(options.consentText).toBe('Zgadzam się na kontakt w sprawie mojego zgłoszenia.')
    expect((await request(auth, { locale: 'pl-PL', consent: true })).status).toBe(201)
    const [stored] = await h.store.listCallbacks(a.workspace.id)
    expect(stored?.consentText).toBe('Zgadzam się na kontakt w sprawie mojego zgłoszenia.')
  })
})

describe('a widget that does not offer callbacks (issue 5: hostile input to a switched-off channel)', () => {
  it('refuses the options and the request with channel_off, storing and announcing nothing', async () => {
    a = await withCallbacks(a, ['chat', 'form'])
    const auth = await visitorOf(a.widget.id)
    const announced: unknown[] = []
    await h.deps.bus.subscribe(channels.operators(a.workspace.id), (frame) => announced.push(frame))
    const options = await h.app.request('/api/callback-requests/options', { headers: auth })
    expect(options.status).toBe(403)
    expect((await options.json()).error.code).toBe('channel_off')
    const res = await request(auth, { phone: '+48 601 234 567' })
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual({
      error: { code: 'channel_off', message: 'This widget does not offer callback requests' },
    })
    expect(await h.store.listCallbacks(a.workspace.id)).toEqual([])
    expect(announced).toEqual([])
    // Switched on again, the same visitor gets through.
    a = await withCallbacks(a, ['callback'])
    expect((await request(auth, { phone: '+48 601 234 567' })).status).toBe(201)
  })

  it('takes the callback a chat-only widget shows in place of the chat under "offer the form" with no form', async () => {
    a = await withCallbacks(a, ['chat'])
    const auth = await visitorOf(a.widget.id)
    expect((await request(auth, { phone: '+48 601 234 567' })).status).toBe(403)
    const patch = json({ settings: { offHours: 'offer-form' } }, admin.headers, 'PATCH')
    expect((await h.app.request(`/api/admin/lines/${a.line.id}`, patch)).status).toBe(200)
    expect((await request(auth, { phone: '+48 601 234 567' })).status).toBe(201)
    // With an off-hours form the chat gives way to the form, not to the callback.
    const settings = { channels: { enabled: ['chat'], offHoursFormId: 'f-1' } }
    await h.store.updateWidget(a.workspace.id, a.widget.id, { settings, now: h.clock.now() })
    expect((await request(auth, { phone: '+48 601 234 568' })).status).toBe(403)
  })
})
