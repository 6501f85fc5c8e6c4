/**
 * A form sent from the widget (the pre-chat form above all, issue 5 item 3) tells us who the
 * visitor is: its name, e-mail and phone answers fill the visitor's, without overwriting what the
 * site already said with `Openline('identify', …)`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, type Harness, json, seedWorkspace } from '../http/test-harness.ts'
import type { CreatedWorkspace } from '../workspaces/index.ts'
import type { FormDefinition } from './form-types.ts'

const definition: FormDefinition = {
  version: 1,
  sections: [
    {
      key: 's',
      fields: [
        { key: 'name', type: 'text', label: 'Your name', required: true },
        { key: 'mail', type: 'email', label: 'E-mail', required: true },
        { key: 'tel', type: 'phone', label: 'Phone', country: 'PL' },
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
  formId = (
    await h.store.createForm({
      workspaceId: a.workspace.id,
      name: 'Pre-chat',
      definition,
      enabled: true,
      now: 1,
    })
  ).id
  // Issue 5: the widget shows it (as its chat's pre-chat form), so its visitors may send it.
  const settings = { channels: { enabled: ['chat'], preChatFormId: formId } }
  await h.store.updateWidget(a.workspace.id, a.widget.id, { settings, now: 2 })
})
afterEach(async () => {
  expect(h.unexpected).toEqual([])
  await h.close()
})

async function visitor(): Promise<{ id: string; auth: Record<string, string> }> {
  const res = await h.app.request('/api/visitors', json({ widgetId: a.widget.id }))
  const { visitorId, token } = await res.json()
  return { id: visitorId, auth: { Authorization: `Bearer ${token}` } }
}

const submit = (values: object, auth: Record<string, string> = {}) =>
  h.app.request(`/api/forms/${formId}/submissions`, json({ values }, auth))

describe('form answers identify the visitor', () => {
  it('fills name, e-mail (lower-cased) and phone (E.164) from the answers', async () => {
    const v = await visitor()
    const res = await submit({ name: 'Ada Lovelace', mail: 'Ada@Example.com', tel: '601 234 567' }, v.auth)
    expect(res.status).toBe(201)
    expect(await h.store.getVisitor(a.workspace.id, v.id)).toMatchObject({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+48601234567',
    })
  })

  it('never overwrites what the site identified, and a refused submission changes nothing', async () => {
    const v = await visitor()
    await h.app.request('/api/visitors/me', json({ email: 'known@example.com' }, v.auth, 'PATCH'))
    expect((await submit({ name: 'Ada' }, v.auth)).status).toBe(400)
    expect(await h.store.getVisitor(a.workspace.id, v.id)).toMatchObject({ name: null })
    await submit({ name: 'Ada', mail: 'other@example.com' }, v.auth)
    expect(await h.store.getVisitor(a.workspace.id, v.id)).toMatchObject({
      name: 'Ada',
      email: 'known@example.com',
      phone: null,
    })
  })

  it('an anonymous submission (the public link) identifies nobody', async () => {
    expect((await submit({ name: 'Ada', mail: 'ada@example.com' })).status).toBe(201)
  })
})
