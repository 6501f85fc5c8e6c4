import { expect, it } from 'vitest'
import type { FormDefinition } from '../../forms/form-types.ts'
import type { NewFormSubmission } from '../form-types.ts'
import { expectStoreError, type GetStore, seedTenant, T0 } from './fixtures.ts'

const definition: FormDefinition = {
  version: 1,
  title: 'Contact',
  sections: [
    {
      key: 's',
      fields: [
        { key: 'name', type: 'text', label: 'Name', required: true },
        { key: 'topics', type: 'checkboxes', label: 'Topics', options: [{ value: 'a', label: 'A' }] },
      ],
    },
  ],
}

const submission = (workspaceId: string, formId: string, now: number): NewFormSubmission => ({
  workspaceId,
  formId,
  formName: 'Contact',
  fields: [
    { key: 'name', type: 'text', label: 'Name' },
    { key: 'topics', type: 'checkboxes', label: 'Topics', options: { a: 'A' } },
  ],
  values: { name: 'Ann', topics: ['a'] },
  visitorId: null,
  widgetId: null,
  pageUrl: 'https://shop.example/',
  utm: { source: 'news' },
  now,
})

/** Web forms and submissions (issue 5 item 3). */
export function formsContract(getStore: GetStore): void {
  it('creates, reads, lists, updates and deletes forms within their workspace', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const other = await seedTenant(store)
    const form = await store.createForm({
      workspaceId: t.workspace.id,
      name: 'Zeta',
      definition,
      enabled: true,
      now: T0,
    })
    const second = await store.createForm({
      workspaceId: t.workspace.id,
      name: 'Alpha',
      definition,
      enabled: false,
      now: T0,
    })
    expect(form).toMatchObject({ name: 'Zeta', enabled: true, definition, createdAt: T0, updatedAt: T0 })
    expect(await store.getForm(t.workspace.id, form.id)).toEqual(form)
    expect(await store.findForm(form.id)).toEqual(form)
    expect(await store.getForm(other.workspace.id, form.id)).toBeUndefined()
    expect((await store.listForms(t.workspace.id)).map((f) => f.name)).toEqual(['Alpha', 'Zeta'])
    expect(await store.listForms(other.workspace.id)).toEqual([])

    const changed = structuredClone(definition)
    changed.title = 'Changed'
    const updated = await store.updateForm(t.workspace.id, form.id, {
      enabled: false,
      definition: changed,
      now: T0 + 5,
    })
    expect(updated).toMatchObject({
      name: 'Zeta',
      enabled: false,
      definition: changed,
      updatedAt: T0 + 5,
      createdAt: T0,
    })
    await expectStoreError(store.updateForm(other.workspace.id, form.id, { name: 'x', now: T0 }), 'not_found')

    expect(await store.deleteForm(other.workspace.id, second.id)).toBe(false)
    expect(await store.deleteForm(t.workspace.id, second.id)).toBe(true)
    expect(await store.getForm(t.workspace.id, second.id)).toBeUndefined()
  })

  it('stores submissions with a lead.form outbox event, keeps them after the form is gone, pages newest first', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const other = await seedTenant(store)
    const form = await store.createForm({
      workspaceId: t.workspace.id,
      name: 'Contact',
      definition,
      enabled: true,
      now: T0,
    })
    const first = await store.createFormSubmission(submission(t.workspace.id, form.id, T0 + 1))
    const second = await store.createFormSubmission({
      ...submission(t.workspace.id, form.id, T0 + 2),
      visitorId: t.visitor.id,
      widgetId: t.widget.id,
      utm: null,
    })
    expect(first).toMatchObject({
      formId: form.id,
      values: { name: 'Ann', topics: ['a'] },
      utm: { source: 'news' },
    })
    expect(await store.getFormSubmission(t.workspace.id, second.id)).toEqual(second)
    expect(await store.getFormSubmission(other.workspace.id, second.id)).toBeUndefined()

    const events = await store.listUnexpandedOutboxEvents(100_000)
    const mine = events.filter((e) => e.workspaceId === t.workspace.id)
    expect(mine.map((e) => [e.topic, e.subjectId])).toEqual([
      ['lead.form', first.id],
      ['lead.form', second.id],
    ])

    await store.deleteForm(t.workspace.id, form.id)
    const list = await store.listFormSubmissions(t.workspace.id, { limit: 10 })
    expect(list.map((s) => s.id)).toEqual([second.id, first.id])
    expect(
      (await store.listFormSubmissions(t.workspace.id, { limit: 10, before: T0 + 2 })).map((s) => s.id),
    ).toEqual([first.id])
    expect(await store.listFormSubmissions(t.workspace.id, { limit: 10, formId: 'other' })).toEqual([])
    expect(await store.listFormSubmissions(other.workspace.id, { limit: 10 })).toEqual([])
  })

  it('writes no outbox event when the submission fails', async () => {
    const store = getStore()
    const before = (await store.listUnexpandedOutboxEvents(100_000)).length
    await expectStoreError(store.createFormSubmission(submission('no-such-workspace', 'f', T0)), 'not_found')
    expect((await store.listUnexpandedOutboxEvents(100_000)).length).toBe(before)
  })
}
