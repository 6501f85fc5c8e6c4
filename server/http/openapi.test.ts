import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { routeTable } from './route-table.ts'
import { createHarness, type Harness, PUBLIC_URL } from './test-harness.ts'

type Operation = {
  operationId: string
  requestBody?: { content: { 'application/json': { schema: { type: string; properties: object } } } }
  parameters?: { name: string; in: string }[]
  security?: Record<string, string[]>[]
  responses: Record<string, { content?: object }>
}
let h: Harness
let doc: { openapi: string; servers: { url: string }[]; paths: Record<string, Record<string, Operation>> }

beforeAll(async () => {
  h = await createHarness()
  const res = await h.app.request('/api/openapi.json')
  expect(res.status).toBe(200)
  doc = await res.json()
})
afterAll(async () => {
  await h.close()
})

const operationOf = (route: (typeof routeTable)[number]) =>
  doc.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method]

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document for this server', () => {
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.servers).toEqual([{ url: PUBLIC_URL }])
  })

  it('documents every route of the table, and nothing else', () => {
    for (const route of routeTable) {
      expect(operationOf(route), `${route.method} ${route.path}`).toMatchObject({ operationId: route.id })
    }
    const documented = Object.values(doc.paths).flatMap((methods) => Object.keys(methods))
    expect(documented).toHaveLength(routeTable.length)
  })

  it('has request bodies, path/query parameters, security and error responses from the schemas', () => {
    const login = doc.paths['/api/auth/login']!.post!
    const body = login.requestBody!.content['application/json'].schema
    expect(body.type).toBe('object')
    expect(Object.keys(body.properties)).toEqual(['email', 'password'])
    expect(login.responses['401']!.content).toBeDefined()
    expect(login.security).toBeUndefined()

    const send = doc.paths['/api/conversations/{id}/messages']!.post!
    expect(send.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path' })])
    expect(send.security).toEqual([{ session: [], csrf: [] }])
    expect(Object.keys(send.responses)).toEqual(
      expect.arrayContaining(['200', '201', '400', '401', '403', '404']),
    )

    const list = doc.paths['/api/conversations']!.get!
    expect(list.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual(['query:status', 'query:mine'])
    expect(list.security).toEqual([{ session: [] }])

    expect(doc.paths['/api/visitors/me']!.patch!.security).toEqual([{ visitorToken: [] }])
    expect(doc.paths['/api/admin/workspaces']!.post!.security).toEqual([{ adminToken: [] }])
  })

  it('never documents a password hash or a workspace id in the public widget config', () => {
    const text = JSON.stringify(doc)
    expect(text).not.toContain('passwordHash')
    const config = JSON.stringify(doc.paths['/api/widgets/{widgetId}/config']!.get!.responses['200'])
    expect(config).not.toContain('workspaceId')
  })
})
