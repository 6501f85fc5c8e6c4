import { expect } from 'vitest'
import {
  type Conversation,
  type Line,
  type Operator,
  type Store,
  StoreError,
  type Visitor,
  type Widget,
  type Workspace,
} from '../types.ts'

/** The contract shares one store per suite; every test seeds its own workspace so runs never collide. */
export type GetStore = () => Store

export const T0 = 1_700_000_000_000

export function uniqueName(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`
}

export interface Tenant {
  workspace: Workspace
  operator: Operator
  line: Line
  widget: Widget
  visitor: Visitor
}

export async function seedTenant(store: Store, now = T0): Promise<Tenant> {
  const workspace = await store.createWorkspace({ name: uniqueName('ws'), now })
  const operator = await store.createOperator({
    workspaceId: workspace.id,
    email: `${uniqueName('op')}@example.com`,
    name: 'Olga Operator',
    passwordHash: 'hash',
    role: 'admin',
    now,
  })
  const line = await store.createLine({ workspaceId: workspace.id, name: 'Sales', now })
  const widget = await store.createWidget({
    workspaceId: workspace.id,
    lineId: line.id,
    name: 'Website',
    publicSlug: uniqueName('slug'),
    now,
  })
  const visitor = await store.createVisitor({ workspaceId: workspace.id, widgetId: widget.id, now })
  return { workspace, operator, line, widget, visitor }
}

export function openConversation(store: Store, tenant: Tenant, now = T0): Promise<Conversation> {
  return store.createConversation({
    workspaceId: tenant.workspace.id,
    lineId: tenant.line.id,
    widgetId: tenant.widget.id,
    visitorId: tenant.visitor.id,
    now,
  })
}

export function visitorMessage(tenant: Tenant, conversation: Conversation, clientId: string, now = T0) {
  return {
    workspaceId: tenant.workspace.id,
    conversationId: conversation.id,
    clientId,
    authorKind: 'visitor' as const,
    authorId: tenant.visitor.id,
    authorName: null,
    body: `body of ${clientId}`,
    now,
  }
}

export async function expectStoreError(work: Promise<unknown>, code: StoreError['code']): Promise<void> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(StoreError)
  expect((error as StoreError).code).toBe(code)
}
