/**
 * Attachments over HTTP (issue 5, item 4): the size limit, the type by content, the download
 * headers, who may download (everyone else: 404), signed visitor links, and files in messages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LINK_TTL_MS } from '../../attachments/index.ts'
import * as f from '../../attachments/test-files.ts'
import type { CreatedWorkspace } from '../../workspaces/index.ts'
import { createHarness, type Harness, json, type SignedIn, seedWorkspace, signIn } from '../test-harness.ts'

const MAX = 64 * 1024
let h: Harness
let a: CreatedWorkspace
let b: CreatedWorkspace
let opA: SignedIn
let opB: SignedIn

interface Visitor {
  visitorId: string
  token: string
  auth: Record<string, string>
}

async function newVisitor(widgetId: string): Promise<Visitor> {
  const res = await h.app.request('/api/visitors', json({ widgetId }))
  const { visitorId, token } = (await res.json()) as { visitorId: string; token: string }
  return { visitorId, token, auth: { Authorization: `Bearer ${token}` } }
}

function upload(
  bytes: Uint8Array | ReadableStream<Uint8Array>,
  name: string,
  headers: Record<string, string>,
) {
  return h.app.request(`/api/attachments?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'image/png', ...headers },
    body: bytes,
    ...(bytes instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit)
}

async function uploaded(bytes: Uint8Array, name: string, headers: Record<string, string>) {
  const res = await upload(bytes, name, headers)
  expect(res.status).toBe(201)
  return (
    (await res.json()) as { attachment: { id: string; name: string; size: number; contentType: string } }
  ).attachment
}

const download = (id: string, headers: Record<string, string> = {}, query = '') =>
  h.app.request(`/api/attachments/${id}${query}`, { headers })

beforeAll(async () => {
  h = await createHarness({ config: { attachmentMaxBytes: MAX } })
  a = await seedWorkspace(h, 'a')
  b = await seedWorkspace(h, 'b')
  opA = await signIn(h, 'admin-a@example.test')
  opB = await signIn(h, 'admin-b@example.test')
})
afterAll(async () => {
  expect(h.unexpected).toEqual([])
  await h.close()
})

describe('upload', () => {
  it('accepts a visitor file, typed by its content, with a cleaned name', async () => {
    const v = await newVisitor(a.widget.id)
    const res = await upload(f.PDF, '../invoice\u202Egnp.png', v.auth)
    expect(res.status).toBe(201)
    expect(await res.json()).toEqual({
      attachment: {
        id: expect.any(String),
        name: 'invoice_gnp.png.pdf',
        size: f.PDF.length,
        contentType: 'application/pdf',
      },
    })
  })

  it('refuses HTML named .png and sent as image/png: 415, nothing stored', async () => {
    const v = await newVisitor(a.widget.id)
    const res = await upload(f.HTML, 'cat.png', v.auth)
    expect(res.status).toBe(415)
    expect(await res.json()).toEqual({ error: { code: 'unsupported_type', message: expect.any(String) } })
    expect(await (await upload(f.EXE, 'setup.pdf', v.auth)).json()).toMatchObject({
      error: { code: 'unsupported_type' },
    })
  })

  it('refuses a file over the limit with 413, by Content-Length and while streaming without one', async () => {
    const v = await newVisitor(a.widget.id)
    const big = new Uint8Array(MAX + 1).fill(0x61)
    const declared = await upload(big, 'big.txt', v.auth)
    expect(declared.status).toBe(413)
    expect(await declared.json()).toEqual({
      error: { code: 'payload_too_large', message: expect.any(String) },
    })

    let pulled = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        controller.enqueue(new Uint8Array(16 * 1024).fill(0x61))
      },
    })
    const streamed = await upload(endless, 'endless.txt', v.auth)
    expect(streamed.status).toBe(413)
    expect(pulled).toBeLessThan(10)
    // Exactly the limit is fine.
    expect((await upload(new Uint8Array(MAX).fill(0x61), 'max.txt', v.auth)).status).toBe(201)
  })

  it('is larger than the JSON body limit of the rest of the API', async () => {
    const v = await newVisitor(a.widget.id)
    const res = await h.app.request(
      '/api/visitors/me',
      json({ name: 'x'.repeat(70 * 1024) }, v.auth, 'PATCH'),
    )
    expect(res.status).toBe(413)
    expect((await upload(new Uint8Array(MAX).fill(0x61), 'ok.txt', v.auth)).status).toBe(201)
  })

  it('operators need the session and the CSRF token; nobody else may upload', async () => {
    expect((await upload(f.PNG, 'x.png', opA.headers)).status).toBe(201)
    expect((await upload(f.PNG, 'x.png', { Cookie: opA.cookie })).status).toBe(403)
    expect((await upload(f.PNG, 'x.png', {})).status).toBe(401)
    expect((await upload(f.PNG, 'x.png', { Authorization: 'Bearer forged' })).status).toBe(401)
  })
})

describe('download', () => {
  it('answers with the sniffed type, as an attachment, nosniff, private', async () => {
    const v = await newVisitor(a.widget.id)
    const att = await uploaded(f.TEXT, 'Заказ №1.txt', v.auth)
    const res = await download(att.id, v.auth)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
    expect(res.headers.get('Content-Disposition')).toBe(
      `attachment; filename="_____ _1.txt"; filename*=UTF-8''%D0%97%D0%B0%D0%BA%D0%B0%D0%B7%20%E2%84%961.txt`,
    )
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(res.headers.get('Cache-Control')).toBe('private')
    expect(res.headers.get('Content-Security-Policy')).toContain('sandbox')
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(f.TEXT)
  })

  it("serves the workspace's operators; another workspace and other visitors get 404", async () => {
    const v = await newVisitor(a.widget.id)
    const stranger = await newVisitor(a.widget.id)
    const att = await uploaded(f.PNG, 'p.png', v.auth)
    expect((await download(att.id, { Cookie: opA.cookie })).status).toBe(200)
    expect((await download(att.id, { Cookie: opB.cookie })).status).toBe(404)
    expect((await download(att.id, stranger.auth)).status).toBe(404)
    const bVisitor = await newVisitor(b.widget.id)
    expect((await download(att.id, bVisitor.auth)).status).toBe(404)
    expect((await download(att.id)).status).toBe(401)
    expect((await download('no-such-id', { Cookie: opA.cookie })).status).toBe(404)
  })

  it("lets the conversation's visitor fetch an operator's file once a message carries it, and only them", async () => {
    const v = await newVisitor(a.widget.id)
    const other = await newVisitor(a.widget.id)
    const actor = {
      kind: 'visitor' as const,
      workspaceId: a.workspace.id,
      visitorId: v.visitorId,
      widgetId: a.widget.id,
    }
    const { conversation } = await h.deps.chat.send(actor, { clientId: 'hello', body: 'hello' })
    const att = await uploaded(f.PDF, 'offer.pdf', opA.headers)
    expect((await download(att.id, v.auth)).status).toBe(404)
    const sent = await h.app.request(
      `/api/conversations/${conversation.id}/messages`,
      json({ clientId: 'reply-file', body: '', attachments: [att.id] }, opA.headers),
    )
    expect(sent.status).toBe(201)
    const { message } = (await sent.json()) as { message: { attachments: unknown } }
    expect(message.attachments).toEqual([att])
    expect((await download(att.id, v.auth)).status).toBe(200)
    expect((await download(att.id, other.auth)).status).toBe(404)
    // Operator B cannot send A's file, nor a visitor's upload be sent by an operator.
    const again = await h.app.request(
      `/api/conversations/${conversation.id}/messages`,
      json({ clientId: 'reuse', body: 'x', attachments: [att.id] }, opA.headers),
    )
    expect(again.status).toBe(404)
    const visitorFile = await uploaded(f.PNG, 'v.png', v.auth)
    const stolen = await h.app.request(
      `/api/conversations/${conversation.id}/messages`,
      json({ clientId: 'steal', body: 'x', attachments: [visitorFile.id] }, opA.headers),
    )
    expect(stolen.status).toBe(404)
    const empty = await h.app.request(
      `/api/conversations/${conversation.id}/messages`,
      json({ clientId: 'empty', body: ' ' }, opA.headers),
    )
    expect(empty.status).toBe(400)
  })
})

describe('signed visitor links', () => {
  it('work without a token until they expire; tampering gives 404', async () => {
    const v = await newVisitor(a.widget.id)
    const other = await newVisitor(a.widget.id)
    const att = await uploaded(f.GIF, 'anim.gif', v.auth)
    const linkRes = await h.app.request(`/api/attachments/${att.id}/link`, { headers: v.auth })
    expect(linkRes.status).toBe(200)
    const link = (await linkRes.json()) as { url: string; expiresAt: number }
    expect(link.expiresAt).toBe(h.clock.now() + LINK_TTL_MS)
    const url = new URL(link.url)
    expect(url.origin).toBe('https://chat.example.test')
    const path = `${url.pathname}${url.search}`

    const ok = await h.app.request(path)
    expect(ok.status).toBe(200)
    expect(ok.headers.get('Content-Disposition')).toContain('attachment')
    expect(new Uint8Array(await ok.arrayBuffer())).toEqual(f.GIF)

    const tamper = (name: string, value: string) => {
      const u = new URL(link.url)
      u.searchParams.set(name, value)
      return h.app.request(`${u.pathname}${u.search}`)
    }
    expect((await tamper('v', other.visitorId)).status).toBe(404)
    expect((await tamper('exp', String(link.expiresAt + 60_000))).status).toBe(404)
    expect((await tamper('sig', 'A'.repeat(43))).status).toBe(404)
    expect((await tamper('w', b.workspace.id)).status).toBe(404)
    const otherFile = await uploaded(f.GIF, 'x.gif', other.auth)
    expect((await h.app.request(`/api/attachments/${otherFile.id}${url.search}`)).status).toBe(404)

    // Another visitor cannot get a link to this file.
    expect((await h.app.request(`/api/attachments/${att.id}/link`, { headers: other.auth })).status).toBe(404)

    h.clock.advance(LINK_TTL_MS + 1)
    expect((await h.app.request(path)).status).toBe(404)
  })

  it('answers the CORS preflight of the widget', async () => {
    const res = await h.app.request('/api/attachments', {
      method: 'OPTIONS',
      headers: { Origin: 'https://shop.example', 'Access-Control-Request-Method': 'POST' },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('https://shop.example')
    expect(res.headers.get('Access-Control-Allow-Headers')).toContain('Authorization')
  })
})
