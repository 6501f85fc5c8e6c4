/**
 * Extra callback fields (issue 5 item 3): answers to the widget's `callback.extraFormId` form go
 * through the form engine's submission schema and are kept with the callback; hostile answers are
 * refused per field, in the visitor's language.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FormDefinition } from '../forms/form-types.ts'
import { createHarness, type Harness, json, seedWorkspace, signIn } from '../http/test-harness.ts'
import type { CreatedWorkspace } from '../workspaces/index.ts'
import { createCallbackLeadSource } from './lead-source.ts'

const definition: FormDefinition = {
  version: 1,
  sections: [
    {
      key: 'x',
      fields: [
        {
          key: 'product',
          type: 'radio',
          label: 'Product',
          required: true,
          options: [
            { value: 'tv', label: 'Television' },
            { value: 'pc', label: 'Computer' },
          ],
        },
        {
          key: 'serial',
          type: 'text',
          label: 'Serial number',
          maxLength: 20,
          required: true,
          showIf: { field: 'product', op: 'eq', value: 'pc' },
        },
        { key: 'photo', type: 'file', label: 'Photo' },
      ],
    },
  ],
}

let h: Harness
let a: CreatedWorkspace
let formId: string

beforeEach(async () => {
  h = await createHarness()
  a = await seedWorkspace(h, 'a')
  const form = await h.store.createForm({
    workspaceId: a.workspace.id,
    name: 'Extras',
    definition,
    enabled: true,
    now: 1,
  })
  formId = form.id
  await setExtraForm(formId)
})
afterEach(async () => {
  expect(h.unexpected).toEqual([])
  await h.close()
})

/** The widget offers callbacks (issue 5: nothing is taken from a switched-off channel). */
const setExtraForm = (extraFormId: string | undefined) =>
  h.store.updateWidget(a.workspace.id, a.widget.id, {
    settings: { channels: { enabled: ['callback'] }, ...(extraFormId && { callback: { extraFormId } }) },
    now: 2,
  })

async function visitor(): Promise<{ Authorization: string }> {
  const res = await h.app.request('/api/visitors', json({ widgetId: a.widget.id }))
  return { Authorization: `Bearer ${(await res.json()).token}` }
}

const request = async (extra: unknown, locale = 'en') =>
  h.app.request(
    '/api/callback-requests',
    json({ name: 'Anna', phone: '+48 601 234 567', slot: null, locale, extra }, await visitor()),
  )

describe('extra callback fields', () => {
  it('keeps the answers (label → text) with the callback, for the operators and the CRM lead', async () => {
    const res = await request({ product: 'pc', serial: ' SN-42 ' })
    expect(res.status).toBe(201)
    const { callback } = await res.json()
    const stored = await h.store.getCallback(a.workspace.id, callback.id)
    expect(stored?.extra).toEqual({ Product: 'Computer', 'Serial number': 'SN-42' })

    const admin = await signIn(h, 'admin-a@example.test')
    const list = await h.app.request('/api/callbacks', { headers: { Cookie: admin.cookie } })
    expect((await list.json()).callbacks[0].extra).toEqual({ Product: 'Computer', 'Serial number': 'SN-42' })
    const lead = await createCallbackLeadSource(h.store).build(a.workspace.id, callback.id)
    expect(lead?.fields).toMatchObject({ Product: 'Computer', 'Serial number': 'SN-42' })
  })

  it.each([
    ['a required answer missing', {}, { product: 'Please fill in this field.' }],
    ['an unknown field', { product: 'tv', admin: true }, { admin: 'This form has no such field.' }],
    ['a value that is no option', { product: 'radio' }, { product: 'Choose one of the options.' }],
    ['a wrong type', { product: ['tv'] }, { product: 'Choose one of the options.' }],
    ['an oversized value', { product: 'pc', serial: 'x'.repeat(21) }, { serial: 'This is too long.' }],
    ["someone else's file", { product: 'tv', photo: 'att_not_mine' }, { photo: 'Attach the file again.' }],
  ])('refuses %s, per field, storing nothing', async (_, extra, fields) => {
    const res = await request(extra)
    expect(res.status).toBe(400)
    expect((await res.json()).error).toMatchObject({ code: 'invalid_submission', fields })
    expect(await h.store.listCallbacks(a.workspace.id)).toEqual([])
  })

  it('drops the value of a field hidden by its condition', async () => {
    const res = await request({ product: 'tv', serial: 'sneaked in' })
    expect(res.status).toBe(201)
    const [stored] = await h.store.listCallbacks(a.workspace.id)
    expect(stored?.extra).toEqual({ Product: 'Television' })
  })

  it('speaks the visitor language, for every problem (issue 5 item 7)', async () => {
    const pl = await request({}, 'pl-PL')
    expect((await pl.json()).error.fields).toEqual({ product: 'Wypełnij to pole.' })
    const ru = await request({ product: 'radio', admin: true, photo: 'att_not_mine' }, 'ru')
    expect((await ru.json()).error.fields).toEqual({
      product: 'Выберите один из вариантов.',
      admin: 'В этой форме нет такого поля.',
    })
    const file = await request({ product: 'tv', photo: 'att_not_mine' }, 'pl')
    expect((await file.json()).error.fields).toEqual({ photo: 'Załącz plik ponownie.' })
  })

  it('without an extra form (none set, or switched off) any answer is unknown; none is fine', async () => {
    await setExtraForm(undefined)
    expect((await request({ product: 'tv' })).status).toBe(400)
    expect((await request(undefined)).status).toBe(201)
    await setExtraForm(formId)
    await h.store.updateForm(a.workspace.id, formId, { enabled: false, now: 3 })
    expect((await request({})).status).toBe(201)
    expect((await request({ product: 'tv' })).status).toBe(400)
  })
})
