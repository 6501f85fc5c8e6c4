import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CreatedWorkspace } from '../../workspaces/index.ts'
import {
  createHarness,
  type Harness,
  json,
  PASSWORD,
  type SignedIn,
  seedWorkspace,
  signIn,
} from '../test-harness.ts'

/** Issue "Open lines": the transfer and invite dialogs need colleagues and lines for non-admins too. */
let h: Harness
let a: CreatedWorkspace
let agent: SignedIn

beforeEach(async () => {
  h = await createHarness()
  a = await seedWorkspace(h, 'a')
  await seedWorkspace(h, 'b')
  const admin = await signIn(h, 'admin-a@example.test')
  const res = await h.app.request(
    '/api/admin/operators',
    json(
      { email: 'agent-a@example.test', name: 'Agent', password: PASSWORD, role: 'operator' },
      admin.headers,
    ),
  )
  expect(res.status).toBe(201)
  agent = await signIn(h, 'agent-a@example.test')
})
afterEach(async () => {
  expect(h.unexpected).toEqual([])
  await h.close()
})

describe('GET /api/team', () => {
  it("gives any operator their workspace's operator and line names, and nothing more", async () => {
    const res = await h.app.request('/api/team', { headers: { Cookie: agent.cookie } })
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      operators: Record<string, unknown>[]
      lines: Record<string, unknown>[]
    }
    expect(body.operators.map((o) => o.name).sort()).toEqual([a.operator.name, 'Agent'].sort())
    for (const o of body.operators) expect(Object.keys(o).sort()).toEqual(['avatarUrl', 'id', 'name'])
    expect(body.lines).toEqual([{ id: a.line.id, name: a.line.name }])
  })

  it('needs a session', async () => {
    expect((await h.app.request('/api/team')).status).toBe(401)
  })
})
