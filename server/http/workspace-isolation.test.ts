/**
 * An operator of workspace A calls every operator and admin route of the table with workspace B's
 * ids (in the path, in the body, in the query) and must never see or change B's data. Iterating the
 * route table means a new route is covered automatically — and fails here until it has a sample body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pathParams, type RouteId, routeTable } from './route-table.ts'
import {
  createHarness,
  type Harness,
  json,
  type SignedIn,
  seedConversation,
  seedWorkspace,
  signIn,
} from './test-harness.ts'

let h: Harness
let admin: SignedIn
const secrets: string[] = []
let b: Awaited<ReturnType<typeof seedB>>
let bBefore: Awaited<ReturnType<typeof snapshotB>>

async function seedB() {
  const created = await seedWorkspace(h, 'b')
  const conversation = await seedConversation(h, created.widget.id, 'B-private-message-text')
  await h.store.updateVisitor(created.workspace.id, conversation.visitorId, {
    name: 'B-visitor-name',
    email: 'b-visitor@example.test',
  })
  const extraLine = await h.store.createLine({
    workspaceId: created.workspace.id,
    name: 'B-line-name',
    now: 1,
  })
  const quickAnswer = await h.store.createQuickAnswer({
    workspaceId: created.workspace.id,
    scope: 'workspace',
    ownerId: null,
    shortcut: '/b-secret',
    title: 'B-quick-answer-title',
    text: 'B-quick-answer-text',
    now: 1,
  })
  const crmConnection = await h.store.createCrmConnection({
    workspaceId: created.workspace.id,
    name: 'B-crm-connection-name',
    connection: { kind: 'bitrix24', webhookUrl: 'https://b24.example.test/rest/1/b-crm-token/' },
    now: 1,
  })
  // issue 5 item 3: a form and one submission of B
  const form = await h.store.createForm({
    workspaceId: created.workspace.id,
    name: 'B-form-name',
    definition: {
      version: 1,
      sections: [{ key: 's', fields: [{ key: 'q', type: 'text', label: 'B-form-label' }] }],
    },
    enabled: false,
    now: 1,
  })
  const formSubmission = await h.store.createFormSubmission({
    workspaceId: created.workspace.id,
    formId: form.id,
    formName: 'B-form-name',
    fields: [{ key: 'q', type: 'text', label: 'B-form-label' }],
    values: { q: 'B-form-answer' },
    visitorId: null,
    widgetId: null,
    pageUrl: null,
    utm: null,
    now: 1,
  })
  // Audit of issue 2: B's callback, CRM delivery, attachment, line and widget settings and identity
  // secret exist too, so every route is attacked with B's real ids, not only with ids nobody has.
  const workspaceId = created.workspace.id
  const now = h.clock.now()
  await h.store.updateLine(workspaceId, created.line.id, {
    settings: { autoReplies: { greeting: { enabled: true, text: 'B-line-greeting-text' } } },
    now,
  })
  await h.store.updateWidget(workspaceId, created.widget.id, {
    settings: { color: '#123456', texts: { en: { title: 'B-widget-title-text' } } },
    allowedOrigins: ['https://b-shop.example.test'],
    now,
  })
  await h.store.setWidgetIdentitySecret({
    workspaceId,
    widgetId: created.widget.id,
    secret: 'b-identity-secret-0123456789abcdefghijklmn',
    now,
  })
  const callback = await h.store.createCallback({
    workspaceId,
    lineId: created.line.id,
    widgetId: created.widget.id,
    visitorId: conversation.visitorId,
    name: 'B-callback-name',
    phone: '+14155550123',
    topic: 'B-callback-topic',
    preferred: 'asap',
    dueAt: now + 3_600_000,
    consentText: null,
    locale: null,
    visitorTimeZone: null,
    now,
  })
  // B's leads become deliveries to B's CRM connection; the callback's one dead-lettered (replayable).
  for (const event of await h.store.listUnexpandedOutboxEvents(100)) {
    if (event.workspaceId === workspaceId) await h.store.expandOutboxEvent(event, [crmConnection.id], now)
  }
  await h.store.claimDueDeliveries({ owner: 'seed', now, leaseMs: 60_000, limit: 100 })
  const deliveries = await h.store.listCrmDeliveries(workspaceId)
  const delivery = deliveries.find((d) => d.subjectId === callback.id)
  if (!delivery) throw new Error('B has no CRM delivery')
  await h.store.updateClaimedDelivery(delivery.id, 'seed', {
    status: 'dead',
    attempts: 3,
    nextAttemptAt: null,
    lastError: 'B-delivery-error',
    now,
  })
  const attachment = await h.store.createAttachment({
    workspaceId,
    uploaderKind: 'visitor',
    uploaderId: conversation.visitorId,
    name: 'b-private-file.txt',
    contentType: 'text/plain',
    data: new TextEncoder().encode('B-attachment-bytes'),
    now,
  })
  return {
    ...created,
    ...conversation,
    extraLine,
    quickAnswer,
    crmConnection,
    form,
    formSubmission,
    callback,
    delivery,
    attachment,
  }
}

/** Everything of B that a route could change; compared before and after the attacks. */
async function snapshotB() {
  const { store } = h
  const ws = b.workspace.id
  return {
    workspace: await store.getWorkspace(ws),
    operators: await store.listOperators(ws),
    lines: await store.listLines(ws),
    widgets: await store.listWidgets(ws),
    identitySecret: await store.getWidgetIdentitySecret(ws, b.widget.id),
    visitor: await store.getVisitor(ws, b.visitorId),
    conversations: await store.listConversations(ws),
    messages: await store.listMessages(ws, b.conversationId),
    notes: await store.listNotes(ws, b.conversationId),
    events: await store.listEvents(ws, b.conversationId),
    participants: await store.participantsOf(ws, [b.conversationId]),
    quickAnswer: await store.getQuickAnswer(ws, b.quickAnswer.id),
    crmConnections: await store.listCrmConnections(ws),
    crmDeliveries: await store.listCrmDeliveries(ws),
    forms: await store.listForms(ws),
    formSubmissions: await store.listFormSubmissions(ws, { limit: 100 }),
    callbacks: await store.listCallbacks(ws),
    callbackEvents: await store.listCallbackEvents(ws, b.callback.id),
    attachment: await store.getAttachment(ws, b.attachment.id),
    attachmentData: await store.readAttachmentData(ws, b.attachment.id),
  }
}

/** A body for each route that takes one, pointing at B wherever the body can name something. */
function sampleBody(id: RouteId): unknown {
  const samples: Partial<Record<RouteId, unknown>> = {
    login: { email: b.operator.email, password: 'wrong' },
    sendMessage: { clientId: 'isolation-1', body: 'A writes into B?' },
    patchVisitor: { name: 'A renames B?' },
    createVisitor: { widgetId: b.widget.id },
    createWorkspace: { name: 'W', operator: { email: 'w@example.test', name: 'W', password: 'password123' } },
    createLine: { name: 'A line' },
    createOperator: {
      email: 'new-agent@example.test',
      name: 'New',
      password: 'password123',
      role: 'operator',
    },
    createWidget: { lineId: b.line.id, name: 'Widget on B line' },
    updateLine: { name: 'A renames B?', settings: { routing: { queue: [b.operator.id] } } },
    updateWidget: {
      name: 'A renames B?',
      settings: { color: '#000000' },
      allowedOrigins: ['https://a-takes-b.example'],
    },
    createQuickAnswer: { scope: 'workspace', shortcut: '/iso', title: 'A answer', text: 'for A only' },
    updateQuickAnswer: { title: 'A renames B?', text: 'A rewrites B?' },
    createCrmConnection: {
      name: 'A crm',
      settings: { kind: 'bitrix24', webhookUrl: 'https://a.example.test/rest/1/tok/' },
    },
    updateCrmConnection: { name: 'A renames B?', userMap: { [b.operator.id]: '1' } },
    // issue 5 item 3: web forms
    createForm: { name: 'A form', definition: { version: 1, sections: [{ key: 's', fields: [] }] } },
    replaceForm: { name: 'A renames B?', definition: { version: 1, sections: [{ key: 's', fields: [] }] } },
  }
  // issue 5, item 2: callback requests
  Object.assign(samples, {
    assignCallback: { operatorId: b.operator.id },
    callbackOutcome: { outcome: 'called' },
    rescheduleCallback: { dueAt: Date.UTC(2030, 0, 1) },
  })
  // issue 3 audit: an operator's own profile (nothing in it can name B)
  Object.assign(samples, { updateMe: { name: 'A admin', avatarUrl: 'https://a.example/a.png' } })
  // issue 6, item 1: the widget identity secret
  Object.assign(samples, { setWidgetIdentitySecret: { secret: 'a-writes-b-secret-0123456789abcdef' } })
  if (!(id in samples)) throw new Error(`Add a sample body for route ${id} to workspace-isolation.test.ts`)
  return { ...(samples[id] as object), workspaceId: b.workspace.id }
}

beforeAll(async () => {
  h = await createHarness()
  await seedWorkspace(h, 'a')
  b = await seedB()
  admin = await signIn(h, 'admin-a@example.test')
  secrets.push(
    b.workspace.id,
    b.workspace.name,
    b.operator.id,
    b.operator.email,
    b.line.id,
    b.extraLine.id,
    b.extraLine.name,
    b.widget.id,
    b.widget.publicSlug,
    b.visitorId,
    b.conversationId,
    b.messageId,
    'B-private-message-text',
    'B-visitor-name',
    b.quickAnswer.id,
    'B-quick-answer-title',
    'B-quick-answer-text',
    'b-visitor@example.test',
    b.crmConnection.id,
    'B-crm-connection-name',
    'b-crm-token',
    b.form.id,
    b.formSubmission.id,
    'B-form-name',
    'B-form-label',
    'B-form-answer',
    b.callback.id,
    'B-callback-name',
    'B-callback-topic',
    '+14155550123',
    b.delivery.id,
    'B-delivery-error',
    b.attachment.id,
    'b-private-file.txt',
    'B-attachment-bytes',
    'B-line-greeting-text',
    'B-widget-title-text',
    'b-identity-secret-0123456789abcdefghijklmn',
  )
  bBefore = await snapshotB()
})
afterAll(async () => {
  expect(h.unexpected).toEqual([])
  await h.close()
})

const scoped = routeTable.filter(
  (r) => r.auth === 'session' || r.auth === 'admin' || r.auth === 'admin-token',
)

describe('workspace isolation', () => {
  it('covers the operator and admin routes', () => {
    expect(scoped.length).toBeGreaterThanOrEqual(11)
  })

  for (const route of scoped) {
    it(`${route.method.toUpperCase()} ${route.path} never reveals or changes workspace B`, async () => {
      const candidates = [
        b.conversationId,
        b.callback.id,
        b.delivery.id,
        b.attachment.id,
        b.quickAnswer.id,
        b.crmConnection.id,
        b.form.id,
        b.formSubmission.id,
        b.visitorId,
        b.widget.id,
        b.line.id,
        b.operator.id,
        b.workspace.id,
      ]
      const paths = pathParams(route.path).length
        ? candidates.map((id) =>
            pathParams(route.path).reduce((p, name) => p.replace(`:${name}`, id), route.path),
          )
        : [route.path]
      for (const path of paths) {
        const url = `${path}?workspaceId=${b.workspace.id}`
        const res =
          route.method === 'get'
            ? await h.app.request(url, { headers: { Cookie: admin.cookie } })
            : await h.app.request(
                url,
                json(
                  route.body ? sampleBody(route.id as RouteId) : {},
                  admin.headers,
                  route.method.toUpperCase(),
                ),
              )
        const text = await res.text()
        expect([200, 201, 401, 403, 404, 409]).toContain(res.status)
        for (const secret of secrets)
          expect(text, `${route.id} ${path} leaked ${secret}`).not.toContain(secret)
      }
    })
  }

  it("does not serve B's attachment to A's operator", async () => {
    for (const path of [`/api/attachments/${b.attachment.id}`, `/api/attachments/${b.attachment.id}/link`]) {
      const res = await h.app.request(path, { headers: { Cookie: admin.cookie } })
      expect([401, 404]).toContain(res.status)
      expect(await res.text()).not.toContain('B-attachment-bytes')
    }
  })

  it('left every piece of B untouched', async () => {
    const after = await snapshotB()
    expect(after).toEqual(bBefore)
    // The snapshot holds what the attacks aimed at (a snapshot of nothing would compare equal too).
    expect(after.conversations).toMatchObject([{ id: b.conversationId, status: 'open', lastSeq: 1 }])
    expect(after.lines.map((l) => l.name).sort()).toEqual(['B-line-name', 'General'])
    expect(after.widgets).toMatchObject([
      { id: b.widget.id, settings: { color: '#123456' }, allowedOrigins: ['https://b-shop.example.test'] },
    ])
    expect(after.identitySecret).toBe('b-identity-secret-0123456789abcdefghijklmn')
    expect(after.crmConnections).toMatchObject([{ id: b.crmConnection.id, name: 'B-crm-connection-name' }])
    expect(after.crmDeliveries.find((d) => d.id === b.delivery.id)).toMatchObject({ status: 'dead' })
    expect(after.forms).toMatchObject([{ id: b.form.id, name: 'B-form-name' }])
    expect(after.formSubmissions).toMatchObject([{ id: b.formSubmission.id }])
    expect(after.callbacks).toMatchObject([{ id: b.callback.id, status: 'new', assigneeId: null }])
    expect(after.operators).toHaveLength(1)
    expect(after.quickAnswer).toEqual(b.quickAnswer)
    expect(after.visitor?.name).toBe('B-visitor-name')
    expect(after.attachment?.id).toBe(b.attachment.id)
  })
})
