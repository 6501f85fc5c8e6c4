/**
 * A new workspace with everything it needs to take its first chat: an admin operator, a line
 * "General" and a widget on it. The one implementation behind the admin endpoint, the admin CLI and
 * the demo seed.
 */
import { hashPassword } from '../auth/index.ts'
import {
  type Line,
  type Operator,
  type Store,
  StoreError,
  type Widget,
  type Workspace,
} from '../store/types.ts'
import { newPublicSlug } from './public-slug.ts'

export const DEFAULT_LINE_NAME = 'General'
export const DEFAULT_WIDGET_NAME = 'Website'

export interface NewWorkspaceWithDefaults {
  name: string
  operator: { email: string; name: string; password: string }
  /** Defaults: line "General", widget "Website" with a random public slug. */
  lineName?: string
  widget?: { name?: string; publicSlug?: string }
  now: number
}

export interface CreatedWorkspace {
  workspace: Workspace
  operator: Operator
  line: Line
  widget: Widget
}

export async function createWorkspaceWithDefaults(
  store: Store,
  input: NewWorkspaceWithDefaults,
): Promise<CreatedWorkspace> {
  const email = input.operator.email.trim().toLowerCase()
  // The Store has no cross-call transaction: checking first keeps a taken email from leaving an
  // empty workspace behind. A concurrent sign-up with the same email still fails on the unique index.
  if (await store.findOperatorByEmail(email)) {
    throw new StoreError('conflict', 'An operator with this email already exists')
  }
  const passwordHash = await hashPassword(input.operator.password)
  const { now } = input
  const workspace = await store.createWorkspace({ name: input.name, now })
  const operator = await store.createOperator({
    workspaceId: workspace.id,
    email,
    name: input.operator.name,
    passwordHash,
    role: 'admin',
    now,
  })
  const line = await store.createLine({
    workspaceId: workspace.id,
    name: input.lineName ?? DEFAULT_LINE_NAME,
    now,
  })
  const widget = await store.createWidget({
    workspaceId: workspace.id,
    lineId: line.id,
    name: input.widget?.name ?? DEFAULT_WIDGET_NAME,
    publicSlug: input.widget?.publicSlug ?? newPublicSlug(),
    now,
  })
  return { workspace, operator, line, widget }
}
