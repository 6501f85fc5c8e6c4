import { expect, it } from 'vitest'
import { expectStoreError, type GetStore, seedTenant, T0, uniqueName } from './fixtures.ts'

/** Lines, widgets and visitors. */
export function catalogContract(getStore: GetStore): void {
  it('creates lines with JSON settings, scoped to their workspace', async () => {
    const store = getStore()
    const a = await seedTenant(store)
    const b = await seedTenant(store)
    const settings = { hours: { mon: ['09:00', '17:00'] }, autoReply: 'Hi', enabled: true }
    const line = await store.createLine({
      workspaceId: a.workspace.id,
      name: 'Support',
      settings,
      now: T0 + 1,
    })
    expect(line).toEqual({
      id: expect.any(String),
      workspaceId: a.workspace.id,
      name: 'Support',
      settings,
      createdAt: T0 + 1,
    })
    expect(await store.getLine(a.workspace.id, line.id)).toEqual(line)
    expect(await store.listLines(a.workspace.id)).toEqual([a.line, line])
    expect(a.line.settings).toEqual({})
    expect(await store.getLine(b.workspace.id, line.id)).toBeUndefined()
    expect(await store.listLines(b.workspace.id)).toEqual([b.line])
  })

  it('creates widgets and finds them by id and slug, scoped by workspace', async () => {
    const store = getStore()
    const a = await seedTenant(store)
    const b = await seedTenant(store)
    const slug = uniqueName('acme')
    const widget = await store.createWidget({
      workspaceId: a.workspace.id,
      lineId: a.line.id,
      name: 'Shop',
      publicSlug: slug,
      settings: { color: '#123456', texts: { greeting: 'Hello' } },
      allowedOrigins: ['https://shop.example'],
      now: T0 + 2,
    })
    expect(widget).toEqual({
      id: expect.any(String),
      workspaceId: a.workspace.id,
      lineId: a.line.id,
      name: 'Shop',
      publicSlug: slug,
      settings: { color: '#123456', texts: { greeting: 'Hello' } },
      allowedOrigins: ['https://shop.example'],
      createdAt: T0 + 2,
    })
    expect(a.widget.allowedOrigins).toEqual([])
    expect(await store.findWidget(widget.id)).toEqual(widget)
    expect(await store.findWidgetBySlug(slug)).toEqual(widget)
    expect(await store.findWidgetBySlug(uniqueName('nope'))).toBeUndefined()
    expect(await store.getWidget(a.workspace.id, widget.id)).toEqual(widget)
    expect(await store.getWidget(b.workspace.id, widget.id)).toBeUndefined()
    expect(await store.listWidgets(a.workspace.id)).toEqual([a.widget, widget])
    expect(await store.listWidgets(b.workspace.id)).toEqual([b.widget])
  })

  it('rejects a duplicate widget slug with conflict', async () => {
    const store = getStore()
    const a = await seedTenant(store)
    const b = await seedTenant(store)
    const input = {
      workspaceId: b.workspace.id,
      lineId: b.line.id,
      name: 'Copy',
      publicSlug: a.widget.publicSlug,
    }
    await expectStoreError(store.createWidget({ ...input, now: T0 }), 'conflict')
  })

  it("refuses a widget on another workspace's line with not_found", async () => {
    const store = getStore()
    const a = await seedTenant(store)
    const b = await seedTenant(store)
    const input = { workspaceId: b.workspace.id, lineId: a.line.id, name: 'X', publicSlug: uniqueName('x') }
    await expectStoreError(store.createWidget({ ...input, now: T0 }), 'not_found')
    expect(await store.listWidgets(b.workspace.id)).toEqual([b.widget])
  })

  it('creates visitors and patches only the given fields', async () => {
    const store = getStore()
    const { workspace, widget } = await seedTenant(store)
    const visitor = await store.createVisitor({
      workspaceId: workspace.id,
      widgetId: widget.id,
      context: { page: '/pricing', language: 'de' },
      now: T0 + 3,
    })
    expect(visitor).toEqual({
      id: expect.any(String),
      workspaceId: workspace.id,
      widgetId: widget.id,
      name: null,
      email: null,
      phone: null,
      context: { page: '/pricing', language: 'de' },
      createdAt: T0 + 3,
      lastSeenAt: T0 + 3,
      externalId: null,
    })
    const named = await store.updateVisitor(workspace.id, visitor.id, {
      name: 'Vera',
      email: 'vera@example.com',
    })
    expect(named).toEqual({ ...visitor, name: 'Vera', email: 'vera@example.com' })
    const moved = await store.updateVisitor(workspace.id, visitor.id, {
      context: { page: '/checkout' },
      lastSeenAt: T0 + 9,
      email: null,
      phone: '+49 30 1234',
    })
    expect(moved).toEqual({
      ...named,
      context: { page: '/checkout' },
      lastSeenAt: T0 + 9,
      email: null,
      phone: '+49 30 1234',
    })
    expect(await store.updateVisitor(workspace.id, visitor.id, {})).toEqual(moved)
    expect(await store.getVisitor(workspace.id, visitor.id)).toEqual(moved)
  })

  it('allows visitors without a widget (the hosted page) and scopes reads and writes', async () => {
    const store = getStore()
    const a = await seedTenant(store)
    const b = await seedTenant(store)
    const visitor = await store.createVisitor({ workspaceId: a.workspace.id, widgetId: null, now: T0 })
    expect(visitor.widgetId).toBeNull()
    expect(visitor.context).toEqual({})
    expect(await store.getVisitor(b.workspace.id, visitor.id)).toBeUndefined()
    await expectStoreError(store.updateVisitor(b.workspace.id, visitor.id, { name: 'Mallory' }), 'not_found')
    await expectStoreError(store.updateVisitor(b.workspace.id, visitor.id, {}), 'not_found')
    expect(await store.getVisitor(a.workspace.id, visitor.id)).toEqual(visitor)
  })

  it("refuses a visitor on another workspace's widget with not_found", async () => {
    const store = getStore()
    const a = await seedTenant(store)
    const b = await seedTenant(store)
    await expectStoreError(
      store.createVisitor({ workspaceId: b.workspace.id, widgetId: a.widget.id, now: T0 }),
      'not_found',
    )
  })
}
