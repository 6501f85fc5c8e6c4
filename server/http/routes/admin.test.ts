import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CreatedWorkspace } from '../../workspaces/index.ts'
import {
  ADMIN_TOKEN,
  createHarness,
  type Harness,
  json,
  PASSWORD,
  type SignedIn,
  seedWorkspace,
  signIn,
} from '../test-harness.ts'

let h: Harness

beforeEach(async () => {
  h = await createHarness()
})
afterEach(async () => {
  expect(h.unexpected).toEqual([])
  await h.close()
})

const newWorkspace = {
  name: 'Acme',
  operator: { email: 'Owner@Acme.test', name: 'Owner', password: 'long enough password' },
}

describe('POST /api/admin/workspaces', () => {
  it('creates the workspace, its admin, line "General" and a widget with a URL-safe slug', async () => {
    const res = await h.app.request(
      '/api/admin/workspaces',
      json(newWorkspace, { Authorization: `Bearer ${ADMIN_TOKEN}` }),
    )
    expect(res.status).toBe(201)
    const body = await res.json()
    expect(body.workspace.name).toBe('Acme')
    expect(body.operator).toMatchObject({
      email: 'owner@acme.test',
      role: 'admin',
      workspaceId: body.workspace.id,
    })
    expect(body.operator.passwordHash).toBeUndefined()
    expect(body.line).toMatchObject({ name: 'General', workspaceId: body.workspace.id })
    expect(body.widget).toMatchObject({ lineId: body.line.id, workspaceId: body.workspace.id })
    expect(body.widget.publicSlug).toMatch(/^[A-Za-z0-9_-]{12}$/)
    // The new admin can sign in.
    await signIn(h, 'owner@acme.test', 'long enough password')
  })

  it('401 with a wrong or missing token; 404 when no admin token is configured', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { Authorization: 'Bearer wrong' },
      { Authorization: ADMIN_TOKEN },
    ]
    for (const headers of attempts) {
      const res = await h.app.request('/api/admin/workspaces', json(newWorkspace, headers))
      expect(res.status).toBe(401)
    }
    const off = await createHarness({ config: { adminToken: undefined } })
    try {
      const res = await off.app.request(
        '/api/admin/workspaces',
        json(newWorkspace, { Authorization: 'Bearer ' }),
      )
      expect(res.status).toBe(404)
      expect(await off.store.countWorkspaces()).toBe(0)
    } finally {
      await off.close()
    }
  })

  it('409 for an email already in use, without leaving a workspace behind', async () => {
    const headers = { Authorization: `Bearer ${ADMIN_TOKEN}` }
    expect((await h.app.request('/api/admin/workspaces', json(newWorkspace, headers))).status).toBe(201)
    const again = await h.app.request(
      '/api/admin/workspaces',
      json({ ...newWorkspace, name: 'Other' }, headers),
    )
    expect(again.status).toBe(409)
    expect((await again.json()).error.code).toBe('conflict')
    expect(await h.store.countWorkspaces()).toBe(1)
  })

  it('400 for a short password', async () => {
    const res = await h.app.request(
      '/api/admin/workspaces',
      json(
        { ...newWorkspace, operator: { ...newWorkspace.operator, password: 'short' } },
        { Authorization: `Bearer ${ADMIN_TOKEN}` },
      ),
    )
    expect(res.status).toBe(400)
    expect((await res.json()).error.issues[0].path).toEqual(['operator', 'password'])
  })
})

describe('workspace admin routes', () => {
  let a: CreatedWorkspace
  let admin: SignedIn

  beforeEach(async () => {
    a = await seedWorkspace(h, 'a')
    admin = await signIn(h, 'admin-a@example.test')
  })

  const get = (path: string) => h.app.request(path, { headers: { Cookie: admin.cookie } })

  it('lines: create and list', async () => {
    const res = await h.app.request(
      '/api/admin/lines',
      json({ name: 'Sales', settings: { offHours: 'hide-widget' } }, admin.headers),
    )
    expect(res.status).toBe(201)
    const { line } = await res.json()
    expect(line).toMatchObject({
      name: 'Sales',
      settings: { offHours: 'hide-widget' },
      workspaceId: a.workspace.id,
    })
    // The parts left out take their defaults, as after a PATCH.
    const read = (await (await get(`/api/admin/lines/${line.id}`)).json()).line
    expect(read.settings).toMatchObject({ offHours: 'hide-widget', routing: { mode: 'evenly' } })
    const names = (await (await get('/api/admin/lines')).json()).lines.map((l: { name: string }) => l.name)
    expect(names.sort()).toEqual(['General', 'Sales'])
    const bare = await h.app.request('/api/admin/lines', json({ name: 'Bare' }, admin.headers))
    expect(bare.status).toBe(201)
    expect((await bare.json()).line.settings).toEqual({})
  })

  it('lines: settings are validated like a PATCH, with a structured 400 (issue "Server core")', async () => {
    const b = await seedWorkspace(h, 'b')
    const cases: [unknown, (string | number)[]][] = [
      [{ hours: '9-17' }, ['settings']],
      [{ routing: { mode: 'random' } }, ['settings', 'routing', 'mode']],
      [{ offHours: 'close' }, ['settings', 'offHours']],
      [{ workingHours: { timeZone: 'Mars/Base' } }, ['settings', 'workingHours', 'timeZone']],
      [[], ['settings']],
      [{ routing: { queue: [a.operator.id, b.operator.id] } }, ['settings', 'routing', 'queue', 1]],
    ]
    for (const [settings, path] of cases) {
      const res = await h.app.request('/api/admin/lines', json({ name: 'Bad', settings }, admin.headers))
      expect(res.status, JSON.stringify(settings)).toBe(400)
      const { error } = await res.json()
      expect(error).toMatchObject({ code: 'invalid_body', message: expect.any(String) })
      expect(error.issues[0].path, JSON.stringify(settings)).toEqual(path)
    }
    expect(await h.store.listLines(a.workspace.id)).toHaveLength(1)
  })

  it('operators: create (never returning the hash), list, 409 on a taken email, new one can sign in', async () => {
    const body = { email: 'agent@a.test', name: 'Agent', password: PASSWORD, role: 'operator' }
    const res = await h.app.request('/api/admin/operators', json(body, admin.headers))
    expect(res.status).toBe(201)
    const { operator } = await res.json()
    expect(operator).toMatchObject({ email: 'agent@a.test', role: 'operator', workspaceId: a.workspace.id })
    const list = await (await get('/api/admin/operators')).json()
    expect(list.operators.map((o: { email: string }) => o.email).sort()).toEqual([
      'admin-a@example.test',
      'agent@a.test',
    ])
    expect(JSON.stringify(list)).not.toMatch(/passwordHash|scrypt/)

    const taken = await h.app.request(
      '/api/admin/operators',
      json({ ...body, email: 'ADMIN-A@example.test' }, admin.headers),
    )
    expect(taken.status).toBe(409)
    expect((await taken.json()).error.code).toBe('conflict')
    await signIn(h, 'agent@a.test')
  })

  it('widgets: create with a given or a random slug, 409 on a taken slug, 404 for a foreign line', async () => {
    const create = (body: object) => h.app.request('/api/admin/widgets', json(body, admin.headers))
    const given = await create({
      lineId: a.line.id,
      name: 'Shop',
      publicSlug: 'acme-shop',
      settings: { color: '#112233' },
      allowedOrigins: ['https://shop.example'],
    })
    expect(given.status).toBe(201)
    expect((await given.json()).widget).toMatchObject({
      publicSlug: 'acme-shop',
      allowedOrigins: ['https://shop.example'],
      settings: expect.objectContaining({ color: '#112233' }),
    })
    const random = await create({ lineId: a.line.id, name: 'Blog' })
    expect((await random.json()).widget.publicSlug).toMatch(/^[A-Za-z0-9_-]{12}$/)
    expect((await create({ lineId: a.line.id, name: 'Again', publicSlug: 'acme-shop' })).status).toBe(409)
    expect((await create({ lineId: 'no-such-line', name: 'X' })).status).toBe(404)
    expect(
      (await create({ lineId: a.line.id, name: 'X', allowedOrigins: ['shop.example/path'] })).status,
    ).toBe(400)
    expect((await create({ lineId: a.line.id, name: 'X', publicSlug: 'has space' })).status).toBe(400)
    expect((await (await get('/api/admin/widgets')).json()).widgets).toHaveLength(3)
  })

  it('403 forbidden for a non-admin operator on every admin route', async () => {
    await h.store.createOperator({
      workspaceId: a.workspace.id,
      email: 'agent@a.test',
      name: 'Agent',
      passwordHash: a.operator.passwordHash,
      role: 'operator',
      now: h.clock.now(),
    })
    const agent = await signIn(h, 'agent@a.test')
    for (const path of ['/api/admin/lines', '/api/admin/operators', '/api/admin/widgets']) {
      const read = await h.app.request(path, { headers: { Cookie: agent.cookie } })
      expect(read.status).toBe(403)
      expect((await read.json()).error.code).toBe('forbidden')
      const write = await h.app.request(path, json({ name: 'x' }, agent.headers))
      expect(write.status).toBe(403)
    }
    expect(await h.store.listLines(a.workspace.id)).toHaveLength(1)
  })
})

describe('GET /api/admin/widgets/:id/snippet', () => {
  it('gives an admin the snippet, the strict-CSP variant and the public chat link of their widget', async () => {
    const a = await seedWorkspace(h, 'a')
    const admin = await signIn(h, 'admin-a@example.test')
    const res = await h.app.request(`/api/admin/widgets/${a.widget.id}/snippet`, {
      headers: { Cookie: admin.cookie },
    })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.html).toContain(a.widget.id)
    expect(body.html).toContain('/widget/loader.js')
    expect(body.externalHtml).toMatch(/^<script [^>]*src="[^"]+\/widget\/loader\.js"/)
    expect(body.publicChatUrl).toMatch(new RegExp(`/chat/${a.widget.publicSlug}$`))
  })
})
