/**
 * PATCH /api/admin/widgets/:id: null for an optional field of `channels` or `callback` unsets it
 * (issue 5: a form chosen for the form channel, the pre-chat or off-hours form could not be unset).
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
import type { CreatedWorkspace } from '../workspaces/index.ts'

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

const patch = (settings: unknown) =>
  h.app.request(`/api/admin/widgets/${a.widget.id}`, json({ settings }, admin.headers, 'PATCH'))
const stored = async () => (await h.store.findWidget(a.widget.id))!.settings as Record<string, unknown>

describe('PATCH widget settings: null clears an optional field', () => {
  it('unsets formId, preChatFormId and offHoursFormId one by one, keeping the rest of channels', async () => {
    const set = await patch({
      channels: { enabled: ['chat', 'form'], formId: 'f-1', preChatFormId: 'f-2', offHoursFormId: 'f-3' },
    })
    expect(set.status).toBe(200)
    expect(await stored()).toMatchObject({
      channels: { enabled: ['chat', 'form'], formId: 'f-1', preChatFormId: 'f-2', offHoursFormId: 'f-3' },
    })

    const res = await patch({ channels: { preChatFormId: null } })
    expect(res.status).toBe(200)
    expect(
      ((await res.json()) as { widget: { settings: Record<string, unknown> } }).widget.settings.channels,
    ).toEqual({
      enabled: ['chat', 'form'],
      formId: 'f-1',
      offHoursFormId: 'f-3',
      waitThresholdMinutes: 5,
    })
    expect((await patch({ channels: { formId: null, offHoursFormId: null } })).status).toBe(200)
    expect((await stored()).channels).toEqual({ enabled: ['chat', 'form'], waitThresholdMinutes: 5 })
    // Clearing what is not set is a no-op, not an error.
    expect((await patch({ channels: { formId: null } })).status).toBe(200)
    const config = await (await h.app.request(`/api/widgets/${a.widget.id}/config`)).json()
    expect(config.settings.channels).not.toHaveProperty('formId')
  })

  it('unsets an optional callback field and keeps the others', async () => {
    expect((await patch({ callback: { defaultCountry: 'PL', slotDays: 5 } })).status).toBe(200)
    expect((await patch({ callback: { defaultCountry: null } })).status).toBe(200)
    expect((await stored()).callback).toEqual({ consent: false, slotDays: 5 })
  })

  it('still refuses null where a field cannot be absent', async () => {
    expect((await patch({ channels: { enabled: null } })).status).toBe(400)
    expect((await patch({ channels: { waitThresholdMinutes: null } })).status).toBe(400)
    expect((await patch({ callback: { slotDays: null } })).status).toBe(400)
  })
})
