import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as files from '../../attachments/test-files.ts'
import type { FormDefinition } from '../../forms/form-types.ts'
import { sampleForm } from '../../forms/test-fixtures.ts'
import type { CreatedWorkspace } from '../../workspaces/index.ts'
import {
  createHarness,
  fromIp,
  type Harness,
  json,
  type SignedIn,
  seedWorkspace,
  signIn,
} from '../test-harness.ts'

let h: Harness
let a: CreatedWorkspace
let admin: SignedIn

beforeEach(async () => {
  h = await createHarness({ visitorLimit: 5 })
  a = await seedWorkspace(h, 'a')
  admin = await signIn(h, 'admin-a@example.test')
})
afterEach(async () => {
  expect(h.unexpected).toEqual([])
  await h.close()
})

async function createForm(definition: FormDefinition = sampleForm, name = 'Contact'): Promise<string> {
  const res = await h.app.request('/api/admin/forms', json({ name, definition }, admin.headers))
  expect(res.status).toBe(201)
  return (await res.json()).form.id
}

/** Issue 5: a widget's visitor may submit only the forms that widget shows (here: its form channel). */
const showInWidget = (formId: string, channels: object = { enabled: ['chat', 'form'], formId }) =>
  h.store.updateWidget(a.workspace.id, a.widget.id, { settings: { channels }, now: h.clock.now() })

const submit = (formId: string, body: unknown, headers: Record<string, string> = {}, ip = '10.0.0.1') =>
  h.app.request(`/api/forms/${formId}/submissions`, json(body, headers), fromIp(ip))

const valid = {
  name: 'Ann',
  email: 'ann@example.com',
  team: 'sales',
  company: 'Acme',
  seats: '3',
  terms: true,
}

describe('web forms API (issue 5 item 3)', () => {
  it('admins write definitions; clear errors point at the broken part', async () => {
    const bad = {
      name: 'Broken',
      definition: {
        version: 1,
        sections: [
          {
            key: 's',
            fields: [{ key: 'a', type: 'text', label: 'A', showIf: { field: 'zzz', op: 'empty' } }],
          },
        ],
      },
    }
    const res = await h.app.request('/api/admin/forms', json(bad, admin.headers))
    expect(res.status).toBe(400)
    const { error } = await res.json()
    expect(error.code).toBe('invalid_body')
    expect(error.issues).toContainEqual(
      expect.objectContaining({
        path: ['definition', 'sections', 0, 'fields', 0, 'showIf', 'field'],
        message: 'The condition refers to an unknown field "zzz"',
      }),
    )

    const id = await createForm()
    const list = await (await h.app.request('/api/admin/forms', { headers: { Cookie: admin.cookie } })).json()
    expect(list.forms).toMatchObject([{ id, name: 'Contact', enabled: true, definition: sampleForm }])
  })

  it('the public GET shows the definition and nothing else, and only while enabled', async () => {
    const id = await createForm()
    const res = await h.app.request(`/api/forms/${id}`, { headers: { Origin: 'https://shop.example' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeTruthy()
    const body = await res.json()
    expect(Object.keys(body)).toEqual(['form', 'texts'])
    expect(body.form).toEqual({ id, definition: sampleForm })
    expect(body.texts['form.submit']).toBe('Send')
    const pl = await (await h.app.request(`/api/forms/${id}?locale=pl-PL`)).json()
    expect(pl.texts['form.submit']).toBe('Wyślij')

    const off = await h.app.request(
      `/api/admin/forms/${id}`,
      json({ name: 'Contact', definition: sampleForm, enabled: false }, admin.headers, 'PUT'),
    )
    expect(off.status).toBe(200)
    expect((await h.app.request(`/api/forms/${id}`)).status).toBe(404)
    expect((await submit(id, { values: valid })).status).toBe(404)
  })

  it('stores a valid anonymous submission with the labels of the day; operators read it', async () => {
    const id = await createForm()
    await showInWidget(id)
    const res = await submit(id, {
      values: { ...valid, phone: '+48 601 234 567' },
      widgetId: a.widget.id,
      pageUrl: 'https://shop.example/pricing',
      utm: { source: 'news', campaign: '' },
    })
    expect(res.status).toBe(201)
    const { submission } = await res.json()

    // Editing the form later does not change what the submission shows.
    const renamed = structuredClone(sampleForm)
    renamed.sections[0]!.fields[0]!.label = 'Full name'
    await h.app.request(
      `/api/admin/forms/${id}`,
      json({ name: 'Renamed', definition: renamed }, admin.headers, 'PUT'),
    )

    const one = await h.app.request(`/api/form-submissions/${submission.id}`, {
      headers: { Cookie: admin.cookie },
    })
    expect(one.status).toBe(200)
    const stored = (await one.json()).submission
    expect(stored).toMatchObject({
      formId: id,
      formName: 'Contact',
      values: { name: 'Ann', phone: '+48601234567', seats: 3, company: 'Acme' },
      visitorId: null,
      widgetId: a.widget.id,
      pageUrl: 'https://shop.example/pricing',
      utm: { source: 'news' },
    })
    expect(stored.fields[0]).toEqual({ key: 'name', type: 'text', label: 'Name' })

    for (const path of [`/api/form-submissions?formId=${id}`, '/api/forms-submissions']) {
      const listed = await (await h.app.request(path, { headers: { Cookie: admin.cookie } })).json()
      expect(listed.submissions.map((s: { id: string }) => s.id)).toEqual([submission.id])
    }

    // Deleting the form keeps its submissions.
    expect(
      (await h.app.request(`/api/admin/forms/${id}`, { method: 'DELETE', headers: admin.headers })).status,
    ).toBe(204)
    expect(
      (await h.app.request(`/api/form-submissions/${submission.id}`, { headers: { Cookie: admin.cookie } }))
        .status,
    ).toBe(200)
  })

  it('answers invalid_submission with a message per field, hostile values included', async () => {
    const id = await createForm()
    const res = await submit(id, {
      values: { ...valid, email: 'nope', seats: 5000, isAdmin: true, terms: false },
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      error: {
        code: 'invalid_submission',
        message: 'Some fields need attention',
        fields: {
          isAdmin: 'This form has no such field.',
          email: 'Please enter a valid email address.',
          seats: 'Enter 1,000 or less.',
          terms: 'Please fill in this field.',
        },
      },
    })
    // Issue 5 item 7: every message in the visitor's language, not only the common ones.
    const hostile = {
      ...valid,
      email: 'nope',
      name: '',
      seats: 5000,
      isAdmin: true,
      team: 'sales',
      day: '2025-02-30',
    }
    const ru = await submit(id, { values: { ...hostile, topics: ['hr'], terms: 'yes' }, locale: 'ru' })
    expect((await ru.json()).error.fields).toEqual({
      name: 'Заполните это поле.',
      email: 'Введите правильный адрес электронной почты.',
      seats: 'Введите число не больше 1\u00a0000.',
      isAdmin: 'В этой форме нет такого поля.',
      day: 'Введите дату (ГГГГ-ММ-ДД).',
      topics: 'Выберите один из вариантов.',
      terms: 'Отметьте галочку, чтобы дать согласие.',
    })
    const pl = await submit(id, {
      values: { ...hostile, seats: 0, topics: ['sales', 'sales'] },
      locale: 'pl-PL',
    })
    expect((await pl.json()).error.fields).toEqual({
      name: 'Wypełnij to pole.',
      email: 'Podaj poprawny adres e-mail.',
      seats: 'Podaj liczbę nie mniejszą niż 1.',
      isAdmin: 'Ten formularz nie ma takiego pola.',
      day: 'Podaj datę (RRRR-MM-DD).',
      topics: 'Opcja została wybrana dwa razy.',
    })
    const oversized = await submit(id, { values: { ...valid, name: 'x'.repeat(20_000) } })
    expect(oversized.status).toBe(400)
    expect((await oversized.json()).error.code).toBe('invalid_body')
  })

  it('uses the visitor token when sent, refuses a forged one, and takes a file only from its uploader', async () => {
    const definition: FormDefinition = {
      version: 1,
      sections: [{ key: 's', fields: [{ key: 'cv', type: 'file', label: 'CV', required: true }] }],
    }
    const id = await createForm(definition)
    await showInWidget(id)
    const created = await h.app.request('/api/visitors', json({ widgetId: a.widget.id }), fromIp('10.0.0.9'))
    const { token, visitorId } = await created.json()
    const upload = await h.store.createAttachment({
      workspaceId: a.workspace.id,
      uploaderKind: 'visitor',
      uploaderId: visitorId,
      name: 'cv.pdf',
      contentType: 'application/pdf',
      data: new TextEncoder().encode('%PDF-1.4'),
      now: h.clock.now(),
    })
    expect((await submit(id, { values: { cv: upload.id } }, { Authorization: 'Bearer forged' })).status).toBe(
      401,
    )
    const anonymous = await submit(id, { values: { cv: upload.id } })
    expect((await anonymous.json()).error.fields).toEqual({ cv: 'Attach the file again.' })
    const anonymousRu = await submit(id, { values: { cv: upload.id }, locale: 'ru-RU' })
    expect((await anonymousRu.json()).error.fields).toEqual({ cv: 'Прикрепите файл ещё раз.' })

    const res = await submit(id, { values: { cv: upload.id } }, { Authorization: `Bearer ${token}` })
    expect(res.status).toBe(201)
    const { submission } = await res.json()
    const stored = await h.store.getFormSubmission(a.workspace.id, submission.id)
    expect(stored).toMatchObject({ visitorId, widgetId: a.widget.id, values: { cv: upload.id } })
  })

  it('is rate-limited per address like the other visitor endpoints', async () => {
    const id = await createForm()
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) statuses.push((await submit(id, { values: valid }, {}, '10.0.0.7')).status)
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429])
    expect((await submit(id, { values: valid }, {}, '10.0.0.8')).status).toBe(201)
  })

  it('another workspace sees none of it', async () => {
    const id = await createForm()
    const sent = await (await submit(id, { values: valid })).json()
    await seedWorkspace(h, 'b')
    const other = await signIn(h, 'admin-b@example.test')
    expect(
      (await h.app.request(`/api/admin/forms/${id}`, { headers: { Cookie: other.cookie } })).status,
    ).toBe(404)
    expect(
      (
        await h.app.request(`/api/form-submissions/${sent.submission.id}`, {
          headers: { Cookie: other.cookie },
        })
      ).status,
    ).toBe(404)
    const listed = await (
      await h.app.request('/api/form-submissions', { headers: { Cookie: other.cookie } })
    ).json()
    expect(listed.submissions).toEqual([])
  })
})

/**
 * Issue 5, done-when: hostile submissions at the HTTP edge — values for fields a condition hides,
 * a switched-off form, and a file field whose upload lies about its type by its name and header.
 */
describe('hostile submissions (issue 5 done-when)', () => {
  it('values for fields hidden by a condition are neither required nor stored', async () => {
    const id = await createForm()
    const res = await submit(id, {
      values: { ...valid, team: 'support', company: '<script>alert(1)</script>', seats: 'lots' },
    })
    expect(res.status).toBe(201)
    const { submission } = await res.json()
    const stored = await h.store.getFormSubmission(a.workspace.id, submission.id)
    expect(stored?.values).toEqual({ name: 'Ann', email: 'ann@example.com', team: 'support', terms: true })
    expect(stored?.fields.map((f) => f.key)).not.toContain('company')
  })

  it('a form the widget does not show is refused with channel_off; its public link still takes it', async () => {
    const id = await createForm()
    const created = await h.app.request('/api/visitors', json({ widgetId: a.widget.id }), fromIp('10.0.0.9'))
    const auth = { Authorization: `Bearer ${(await created.json()).token}` }
    const refusal = {
      error: { code: 'channel_off', message: 'This widget does not show this form' },
    }
    // The widget offers the chat only; the form channel, off, still names the form.
    await showInWidget(id, { enabled: ['chat'], formId: id })
    const byToken = await submit(id, { values: valid }, auth)
    expect(byToken.status).toBe(403)
    expect(await byToken.json()).toEqual(refusal)
    const byWidgetId = await submit(id, { values: valid, widgetId: a.widget.id })
    expect(byWidgetId.status).toBe(403)
    expect(await byWidgetId.json()).toEqual(refusal)
    expect(await h.store.listFormSubmissions(a.workspace.id, { limit: 10 })).toEqual([])
    // As the pre-chat form of that chat it is shown, so it is taken.
    await showInWidget(id, { enabled: ['chat'], preChatFormId: id })
    expect((await submit(id, { values: valid }, auth)).status).toBe(201)
    // The public link names no widget: anyone may use it.
    await showInWidget(id, { enabled: ['callback'] })
    expect((await submit(id, { values: valid })).status).toBe(201)
  })

  it('a switched-off form takes nothing more and keeps what it took', async () => {
    const id = await createForm()
    const before = (await (await submit(id, { values: valid })).json()).submission
    const off = await h.app.request(
      `/api/admin/forms/${id}`,
      json({ name: 'Contact', definition: sampleForm, enabled: false }, admin.headers, 'PUT'),
    )
    expect(off.status).toBe(200)
    const refused = await submit(id, { values: valid })
    expect(refused.status).toBe(404)
    const listed = await (
      await h.app.request(`/api/form-submissions?formId=${id}`, { headers: { Cookie: admin.cookie } })
    ).json()
    expect(listed.submissions.map((s: { id: string }) => s.id)).toEqual([before.id])
  })

  it('a file field: an upload whose name and header lie about its content is refused, so the form cannot carry it', async () => {
    const definition: FormDefinition = {
      version: 1,
      sections: [{ key: 's', fields: [{ key: 'cv', type: 'file', label: 'CV', required: true }] }],
    }
    const id = await createForm(definition)
    await showInWidget(id)
    const created = await h.app.request('/api/visitors', json({ widgetId: a.widget.id }), fromIp('10.0.0.9'))
    const { token } = await created.json()
    const auth = { Authorization: `Bearer ${token}` }
    const upload = (bytes: Uint8Array, name: string, type: string) =>
      h.app.request(`/api/attachments?name=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': type, ...auth },
        body: new Uint8Array(bytes),
      })

    for (const [bytes, name, type] of [
      [files.HTML, 'cv.pdf', 'application/pdf'],
      [files.SVG, 'cv.png', 'image/png'],
      [files.EXE, 'cv.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ] as const) {
      const res = await upload(bytes, name, type)
      expect(res.status, name).toBe(415)
      expect((await res.json()).error.code).toBe('unsupported_type')
    }
    // Nothing was stored, so there is no id to name: a made-up one is refused at the field.
    const forged = await submit(id, { values: { cv: 'att_0123456789abcdef' } }, auth)
    expect(forged.status).toBe(400)
    expect((await forged.json()).error.fields).toEqual({ cv: expect.any(String) })

    // The same visitor's real PDF goes through.
    const ok = await upload(files.PDF, 'cv.pdf', 'application/pdf')
    expect(ok.status).toBe(201)
    const { attachment } = await ok.json()
    expect(attachment.contentType).toBe('application/pdf')
    expect((await submit(id, { values: { cv: attachment.id } }, auth)).status).toBe(201)
  })
})
