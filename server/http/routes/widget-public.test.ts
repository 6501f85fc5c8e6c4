import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreatedWorkspace } from '../../workspaces/index.ts'
import { createHarness, type Harness, PUBLIC_URL, seedWorkspace } from '../test-harness.ts'

let h: Harness
let a: CreatedWorkspace

beforeAll(async () => {
  h = await createHarness()
  a = await seedWorkspace(h, 'a')
})
afterAll(async () => {
  expect(h.unexpected).toEqual([])
  await h.close()
})

describe('public widget configuration', () => {
  it('by widget id and by slug: the same public shape, cacheable, without workspace id or allow-list', async () => {
    const byId = await h.app.request(`/api/widgets/${a.widget.id}/config`, {
      headers: { Origin: 'https://shop.test' },
    })
    const bySlug = await h.app.request(`/api/public/chat/${a.widget.publicSlug}`)
    expect(byId.status).toBe(200)
    expect(byId.headers.get('Cache-Control')).toBe('public, max-age=60')
    expect(byId.headers.get('Access-Control-Allow-Origin')).toBe('https://shop.test')
    const config = await byId.json()
    expect(config).toEqual({
      widgetId: a.widget.id,
      lineId: a.line.id,
      name: 'Website',
      publicSlug: a.widget.publicSlug,
      settings: expect.objectContaining({ color: expect.any(String), title: expect.any(String) }),
      publicUrl: PUBLIC_URL,
      wsUrl: 'wss://chat.example.test/ws',
      // Issue 5 (server/widgets/widget-settings.test.ts covers these).
      locale: 'en',
      texts: expect.objectContaining({ 'chat.title': expect.any(String) }),
      line: expect.objectContaining({ open: expect.any(Boolean) }),
      onColor: '#ffffff',
      launcherIcon: expect.any(String),
    })
    expect(await bySlug.json()).toEqual(config)
    const text = JSON.stringify(config)
    expect(text).not.toContain(a.workspace.id)
    expect(text).not.toMatch(/workspaceId|allowedOrigins|secret|password|token/i)
  })

  it('ws:// for an http public URL', async () => {
    const plain = await createHarness({ config: { publicUrl: 'http://127.0.0.1:8080' } })
    try {
      const b = await seedWorkspace(plain, 'b')
      const res = await plain.app.request(`/api/widgets/${b.widget.id}/config`)
      expect((await res.json()).wsUrl).toBe('ws://127.0.0.1:8080/ws')
    } finally {
      await plain.close()
    }
  })

  it('404 for unknown ids and slugs', async () => {
    expect((await h.app.request('/api/widgets/nope/config')).status).toBe(404)
    expect((await h.app.request('/api/public/chat/nope')).status).toBe(404)
  })
})
