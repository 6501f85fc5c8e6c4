import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startWebhookReceiver, type WebhookReceiver } from '../crm/fakes/webhook-receiver.ts'
import { generateWebhookSecret } from '../crm/webhook/index.ts'
import {
  createHarness,
  type Harness,
  json,
  type SignedIn,
  seedWorkspace,
  signIn,
} from '../http/test-harness.ts'
import type { CreatedWorkspace } from '../workspaces/index.ts'
import { MASK } from './masking.ts'

const BASE = '/api/admin/crm/connections'
const SECRET = generateWebhookSecret()
const SECRET2 = generateWebhookSecret()

let h: Harness
let a: CreatedWorkspace
let admin: SignedIn
let receiver: WebhookReceiver
let stderr: string[]

beforeEach(async () => {
  stderr = []
  const write = process.stderr.write.bind(process.stderr) as (...args: unknown[]) => boolean
  // Everything the server prints while the test runs is kept, to prove no secret reaches a log.
  vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
    stderr.push(String(chunk))
    return write(chunk, ...rest)
  }) as typeof process.stderr.write)
  h = await createHarness()
  // Signatures carry the server's clock and the receiver checks them against the real one.
  h.clock.advance(Date.now() - h.clock.now())
  a = await seedWorkspace(h, 'a')
  admin = await signIn(h, 'admin-a@example.test')
  receiver = await startWebhookReceiver({ secrets: [SECRET] })
})
afterEach(async () => {
  expect(h.unexpected).toEqual([])
  vi.restoreAllMocks()
  await receiver.close()
  await h.close()
})

const get = (path: string, who = admin) => h.app.request(path, { headers: { Cookie: who.cookie } })
const post = (path: string, body: unknown, who = admin) => h.app.request(path, json(body, who.headers))
const patch = (path: string, body: unknown, who = admin) =>
  h.app.request(path, json(body, who.headers, 'PATCH'))

async function createWebhook(secret = SECRET) {
  const res = await post(BASE, {
    name: 'Zapier',
    settings: { kind: 'webhook', url: receiver.endpoint, secret },
  })
  expect(res.status).toBe(201)
  return (await res.json()).connection
}

function secretParts(): string[] {
  const url = new URL(receiver.endpoint)
  return [SECRET, SECRET2, receiver.endpoint, url.pathname.split('/').at(-1)!, url.searchParams.get('key')!]
}

function expectNoSecrets(text: string) {
  for (const secret of secretParts()) expect(text).not.toContain(secret)
}

describe('CRM connections API', () => {
  it('creates a webhook connection and never answers its secrets, then tests it against the receiver', async () => {
    const created = await createWebhook()
    expect(created).toMatchObject({ name: 'Zapier', enabled: true, fieldMap: {}, userMap: {} })
    expect(created.settings.url).toMatch(new RegExp(`/hooks/${MASK}\\?key=${MASK}$`))
    expect(created.settings.secret).toBe(`${MASK}${SECRET.slice(-4)}`)

    const list = await (await get(BASE)).text()
    const one = await (await get(`${BASE}/${created.id}`)).text()
    expectNoSecrets(list + one)
    expect(JSON.parse(one).connection).toEqual(created)

    const tested = await post(`${BASE}/${created.id}/test`, {})
    expect(await tested.json()).toEqual({ ok: true })
    expect(receiver.events().map((e) => e.payload.type)).toEqual(['webhook.test'])
    expectNoSecrets(stderr.join(''))
  })

  it('keeps the stored secrets when the masked values come back, and refuses other masked values', async () => {
    const created = await createWebhook()
    const res = await patch(`${BASE}/${created.id}`, {
      name: 'Renamed',
      enabled: false,
      settings: created.settings,
    })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.connection).toMatchObject({ name: 'Renamed', enabled: false, settings: created.settings })
    const stored = await h.store.getCrmConnection(a.workspace.id, created.id)
    expect(stored?.connection).toEqual({ kind: 'webhook', url: receiver.endpoint, secret: SECRET })

    const forged = await patch(`${BASE}/${created.id}`, {
      settings: {
        kind: 'webhook',
        url: `https://evil.example/hooks/${MASK}`,
        secret: created.settings.secret,
      },
    })
    expect(forged.status).toBe(400)
    expect((await forged.json()).error.code).toBe('invalid_body')
  })

  it('rotates the webhook secret: deliveries stay valid for a receiver that still knows the old one', async () => {
    const created = await createWebhook()
    const res = await patch(`${BASE}/${created.id}`, {
      settings: { kind: 'webhook', url: created.settings.url, secret: SECRET2 },
    })
    const body = await res.json()
    expect(body.connection.settings.secret).toBe(`${MASK}${SECRET2.slice(-4)}`)
    expect(body.connection.settings.previousSecret).toEqual({
      secret: `${MASK}${SECRET.slice(-4)}`,
      until: h.clock.now() + 24 * 60 * 60 * 1000,
    })
    expectNoSecrets(JSON.stringify(body))
    // The receiver only accepts SECRET: the old secret still signs during the window.
    expect(await (await post(`${BASE}/${created.id}/test`, {})).json()).toEqual({ ok: true })
    h.clock.advance(24 * 60 * 60 * 1000 + 1)
    const late = await startWebhookReceiver({ secrets: [SECRET], now: () => h.clock.now() })
    const moved = await patch(`${BASE}/${created.id}`, { settings: { kind: 'webhook', url: late.endpoint } })
    expect(moved.status).toBe(200)
    const failed = await (await post(`${BASE}/${created.id}/test`, {})).json()
    await late.close()
    expect(failed.ok).toBe(false)
    expect(failed.error.code).toBe('unauthorized')
    expectNoSecrets(JSON.stringify(failed) + stderr.join(''))
  })

  it("answers a failing test with the CRM's admin-facing message and logs nothing secret", async () => {
    const created = await createWebhook(SECRET2)
    const res = await post(`${BASE}/${created.id}/test`, {})
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.ok).toBe(false)
    expect(body.error).toMatchObject({ code: 'unauthorized' })
    expect(body.error.message.length).toBeGreaterThan(10)
    expectNoSecrets(JSON.stringify(body))
    const logged = stderr.join('')
    expect(logged).toContain('crm connection test failed')
    expectNoSecrets(logged)
  })

  it('masks Bitrix24 webhook URLs, tokens and passwords', async () => {
    const bitrix = await post(BASE, {
      name: 'B24',
      settings: { kind: 'bitrix24', webhookUrl: 'https://b24.example.com/rest/1/abcdef123456/' },
    })
    expect((await bitrix.json()).connection.settings.webhookUrl).toBe(
      `https://b24.example.com/rest/1/${MASK}/`,
    )
    const hubspot = await post(BASE, {
      name: 'HS',
      settings: { kind: 'hubspot', token: 'pat-na1-00000000-1111-2222-3333-444455556666' },
    })
    expect((await hubspot.json()).connection.settings.token).toBe(`${MASK}6666`)
    const tryton = await post(BASE, {
      name: 'ERP',
      settings: {
        kind: 'tryton',
        url: 'https://erp.example.com/acme',
        user: 'admin',
        password: 'hunter2hunter2',
      },
    })
    expect((await tryton.json()).connection.settings).toEqual({
      kind: 'tryton',
      url: 'https://erp.example.com/acme',
      user: 'admin',
      password: MASK,
    })
  })

  it("keeps a Kommo connection's duplicate-control switch (issue 6, item 4)", async () => {
    const res = await post(BASE, {
      name: 'Kommo',
      settings: {
        kind: 'amocrm',
        baseUrl: 'https://shop.kommo.com',
        token: 'long-lived-token-0123456789abcdef',
        duplicateControl: true,
      },
    })
    expect(res.status).toBe(201)
    const { connection } = await res.json()
    expect(connection.settings).toMatchObject({ kind: 'amocrm', duplicateControl: true })
    const stored = await h.store.getCrmConnection(a.workspace.id, connection.id)
    expect(stored?.connection).toMatchObject({ duplicateControl: true })
  })

  it('generates a signing secret for a webhook created without one', async () => {
    const res = await post(BASE, {
      name: 'n8n',
      settings: { kind: 'webhook', url: 'https://n8n.example.com/webhook/x' },
    })
    const { connection } = await res.json()
    const stored = await h.store.getCrmConnection(a.workspace.id, connection.id)
    expect(stored?.connection).toMatchObject({ kind: 'webhook', secret: expect.stringMatching(/^whsec_/) })
    expect(connection.settings.secret).not.toContain('whsec_')
  })

  it('stores field and user maps; a user map names operators of this workspace only', async () => {
    const created = await createWebhook()
    const ok = await patch(`${BASE}/${created.id}`, {
      fieldMap: { Company: 'company' },
      userMap: { [a.operator.id]: '17' },
    })
    expect((await ok.json()).connection).toMatchObject({
      fieldMap: { Company: 'company' },
      userMap: { [a.operator.id]: '17' },
    })
    const bad = await patch(`${BASE}/${created.id}`, { userMap: { 'someone-else': '1' } })
    expect(bad.status).toBe(400)
  })

  it('stores lead rules (issue 6, item 1): defaults when left out, validated, lines and widgets of this workspace only', async () => {
    const created = await createWebhook()
    expect(created.leadRules).toEqual({
      sources: ['chat', 'callback', 'form'],
      lineIds: [],
      widgetIds: [],
      recognisedClient: 'attach',
    })
    const ok = await patch(`${BASE}/${created.id}`, {
      leadRules: { sources: ['form', 'callback'], lineIds: [a.line.id], recognisedClient: 'new-lead' },
    })
    expect(ok.status).toBe(200)
    const rules = {
      sources: ['form', 'callback'],
      lineIds: [a.line.id],
      widgetIds: [],
      recognisedClient: 'new-lead',
    }
    expect((await ok.json()).connection.leadRules).toEqual(rules)
    expect((await h.store.getCrmConnection(a.workspace.id, created.id))?.leadRules).toEqual(rules)
    // a patch without rules keeps them
    const renamed = await patch(`${BASE}/${created.id}`, { name: 'Renamed' })
    expect((await renamed.json()).connection.leadRules).toEqual(rules)

    const none = await patch(`${BASE}/${created.id}`, { leadRules: { sources: [] } })
    expect(none.status).toBe(400)
    expect((await none.json()).error.code).toBe('invalid_body')
    const mode = await patch(`${BASE}/${created.id}`, { leadRules: { recognisedClient: 'merge' } })
    expect(mode.status).toBe(400)

    const b = await seedWorkspace(h, 'b')
    const foreign = await patch(`${BASE}/${created.id}`, {
      leadRules: { lineIds: [b.line.id], widgetIds: [a.widget.id, b.widget.id] },
    })
    expect(foreign.status).toBe(400)
    const issues = (await foreign.json()).error.issues
    expect(issues).toEqual([
      { path: ['leadRules', 'lineIds', 0], message: 'Not a line of this workspace' },
      { path: ['leadRules', 'widgetIds', 1], message: 'Not a widget of this workspace' },
    ])
    const createdForeign = await post(BASE, {
      name: 'x',
      settings: { kind: 'webhook', url: receiver.endpoint },
      leadRules: { widgetIds: [b.widget.id] },
    })
    expect(createdForeign.status).toBe(400)
    expect((await h.store.getCrmConnection(a.workspace.id, created.id))?.leadRules).toEqual(rules)
  })

  it('deletes; 404 for other workspaces and unknown ids; operators without admin role are refused', async () => {
    const created = await createWebhook()
    const b = await seedWorkspace(h, 'b')
    const other = await signIn(h, 'admin-b@example.test')
    expect(b.workspace.id).not.toBe(a.workspace.id)
    expect((await get(`${BASE}/${created.id}`, other)).status).toBe(404)
    expect((await post(`${BASE}/${created.id}/test`, {}, other)).status).toBe(404)
    await post('/api/admin/operators', { email: 'op@example.test', name: 'Op', password: 'password123' })
    const operator = await signIn(h, 'op@example.test', 'password123')
    expect((await get(BASE, operator)).status).toBe(403)
    const del = await h.app.request(`${BASE}/${created.id}`, { method: 'DELETE', headers: admin.headers })
    expect(del.status).toBe(204)
    expect((await get(`${BASE}/${created.id}`)).status).toBe(404)
  })

  it('keeps secrets out of the widget configuration and the OpenAPI document', async () => {
    await createWebhook()
    const config = await (await h.app.request(`/api/widgets/${a.widget.id}/config`)).text()
    const openapi = await (await h.app.request('/api/openapi.json')).text()
    expectNoSecrets(config + openapi)
    const doc = JSON.parse(openapi)
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([BASE, `${BASE}/{id}`, `${BASE}/{id}/test`]),
    )
    expect(openapi).toContain('Masked: secrets never leave the server once saved')
  })
})
