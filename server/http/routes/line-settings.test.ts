import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultLineSettings } from '../../line-settings/index.ts'
import type { CreatedWorkspace } from '../../workspaces/index.ts'
import { createHarness, type Harness, json, type SignedIn, seedWorkspace, signIn } from '../test-harness.ts'

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

const path = (id: string) => `/api/admin/lines/${id}`
const get = (id: string, who = admin) => h.app.request(path(id), { headers: { Cookie: who.cookie } })
const patch = (id: string, body: unknown, who = admin) =>
  h.app.request(path(id), json(body, who.headers, 'PATCH'))

describe('GET /api/admin/lines/:id', () => {
  it('answers a line created before settings existed with every part defaulted', async () => {
    const res = await get(a.line.id)
    expect(res.status).toBe(200)
    expect((await res.json()).line).toEqual({
      id: a.line.id,
      workspaceId: a.workspace.id,
      name: 'General',
      settings: defaultLineSettings(),
      createdAt: a.line.createdAt,
    })
  })

  it('reads stored junk part by part', async () => {
    await h.store.updateLine(a.workspace.id, a.line.id, {
      settings: { routing: { mode: 'everyone', maxActiveChats: 'lots' }, offHours: 'explode' },
      now: 1,
    })
    const { line } = await (await get(a.line.id)).json()
    expect(line.settings.routing).toMatchObject({ mode: 'everyone', maxActiveChats: 5 })
    expect(line.settings.offHours).toBe('accept-and-reply')
  })

  it('404 for an unknown line', async () => {
    const res = await get('no-such-line')
    expect(res.status).toBe(404)
    expect((await res.json()).error.code).toBe('not_found')
  })
})

describe('PATCH /api/admin/lines/:id', () => {
  it('renames, replaces the given parts, keeps the others and unknown stored keys', async () => {
    await h.store.updateLine(a.workspace.id, a.line.id, {
      settings: { offHours: 'hide-widget', legacy: { kept: true } },
      now: 1,
    })
    const res = await patch(a.line.id, {
      name: '  Sales  ',
      settings: {
        routing: { mode: 'in-order', queue: [a.operator.id], queueTimeSeconds: 30 },
        workingHours: { timeZone: 'Europe/Warsaw', daysOff: ['fri'] },
      },
    })
    expect(res.status).toBe(200)
    const { line } = await res.json()
    expect(line.name).toBe('Sales')
    expect(line.settings.routing).toMatchObject({
      mode: 'in-order',
      queue: [a.operator.id],
      queueTimeSeconds: 30,
    })
    expect(line.settings.workingHours).toMatchObject({ timeZone: 'Europe/Warsaw', daysOff: ['fri'] })
    expect(line.settings.offHours).toBe('hide-widget')
    expect(await (await get(a.line.id)).json()).toEqual({ line })
    const stored = await h.store.getLine(a.workspace.id, a.line.id)
    expect(stored?.settings.legacy).toEqual({ kept: true })
  })

  it('answers validation errors as structured 400s with the path of each bad field', async () => {
    const cases: [unknown, (string | number)[]][] = [
      [{ settings: { routing: { mode: 'random' } } }, ['settings', 'routing', 'mode']],
      [{ settings: { routing: { queueTimeSeconds: 1 } } }, ['settings', 'routing', 'queueTimeSeconds']],
      [{ settings: { workingHours: { timeZone: 'Mars/Base' } } }, ['settings', 'workingHours', 'timeZone']],
      [
        { settings: { workingHours: { weekly: { mon: [{ from: '9', to: '17:00' }] } } } },
        ['settings', 'workingHours', 'weekly', 'mon', 0, 'from'],
      ],
      [{ settings: { offHours: 'close' } }, ['settings', 'offHours']],
      [
        { settings: { autoReplies: { welcome: { text: 'x'.repeat(2001) } } } },
        ['settings', 'autoReplies', 'welcome', 'text'],
      ],
      [{ settings: { hours: {} } }, ['settings']],
      [{ name: '   ' }, ['name']],
    ]
    for (const [body, issuePath] of cases) {
      const res = await patch(a.line.id, body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      const { error } = await res.json()
      expect(error.code).toBe('invalid_body')
      expect(error.issues[0].path, JSON.stringify(body)).toEqual(issuePath)
    }
    expect(await h.store.getLine(a.workspace.id, a.line.id)).toEqual(a.line)
  })

  it('400 when the queue names an operator of another workspace or nobody at all', async () => {
    const b = await seedWorkspace(h, 'b')
    const res = await patch(a.line.id, {
      settings: { routing: { queue: [a.operator.id, b.operator.id, 'ghost'] } },
    })
    expect(res.status).toBe(400)
    const { error } = await res.json()
    expect(error.code).toBe('invalid_body')
    expect(error.issues).toEqual([
      expect.objectContaining({
        path: ['settings', 'routing', 'queue', 1],
        message: 'not an operator of this workspace',
      }),
      expect.objectContaining({ path: ['settings', 'routing', 'queue', 2] }),
    ])
    expect(await h.store.getLine(a.workspace.id, a.line.id)).toEqual(a.line)
  })

  it('404 for a line of another workspace, which stays untouched', async () => {
    const b = await seedWorkspace(h, 'b')
    const res = await patch(b.line.id, { name: 'Mine now', settings: { offHours: 'hide-widget' } })
    expect(res.status).toBe(404)
    expect(await h.store.getLine(b.workspace.id, b.line.id)).toEqual(b.line)
  })

  it('403 without CSRF token; 403 for a non-admin operator', async () => {
    const noCsrf = await h.app.request(
      path(a.line.id),
      json({ name: 'X' }, { Cookie: admin.cookie }, 'PATCH'),
    )
    expect(noCsrf.status).toBe(403)
    await h.store.createOperator({
      workspaceId: a.workspace.id,
      email: 'agent@a.test',
      name: 'Agent',
      passwordHash: a.operator.passwordHash,
      role: 'operator',
      now: h.clock.now(),
    })
    const agent = await signIn(h, 'agent@a.test')
    expect((await get(a.line.id, agent)).status).toBe(403)
    const write = await patch(a.line.id, { name: 'Agent line' }, agent)
    expect(write.status).toBe(403)
    expect((await write.json()).error.code).toBe('forbidden')
    expect((await h.store.getLine(a.workspace.id, a.line.id))?.name).toBe('General')
  })

  it('is documented in the OpenAPI document with the settings schema', async () => {
    const doc = await (await h.app.request('/api/openapi.json')).json()
    const op = doc.paths['/api/admin/lines/{id}']
    expect(op.get.operationId).toBe('getLine')
    expect(op.patch.operationId).toBe('updateLine')
    const body = op.patch.requestBody.content['application/json'].schema
    expect(Object.keys(body.properties.settings.properties)).toEqual([
      'routing',
      'workingHours',
      'offHours',
      'autoReplies',
    ])
  })
})
