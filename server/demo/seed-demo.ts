import { randomUUID } from 'node:crypto'
import type { Store } from '../store/types.ts'
import { createWorkspaceWithDefaults } from '../workspaces/index.ts'
import { DEMO } from './demo-account.ts'

export interface DemoInfo {
  email: string
  password: string
  slug: string
  widgetId: string
  /** True on the start that created it (main.ts warns: its password is published). */
  created: boolean
}

/**
 * On an empty installation, creates the demo workspace, operator, line and widget. Several nodes
 * may start at once on one empty database: a shared setting elects the one node that seeds.
 * Returns the demo's sign-in and widget whenever the demo widget exists (first start or later).
 */
export async function seedDemo(store: Store, { now }: { now: number }): Promise<DemoInfo | undefined> {
  let created = false
  if ((await store.countWorkspaces()) === 0) {
    const ticket = randomUUID()
    const winner = await store.getOrCreateSetting('demo-seed', () => ticket)
    if (winner === ticket) {
      created = true
      await createWorkspaceWithDefaults(store, {
        name: DEMO.workspaceName,
        operator: { email: DEMO.email, name: DEMO.operatorName, password: DEMO.password },
        lineName: DEMO.lineName,
        widget: { name: DEMO.widgetName, publicSlug: DEMO.slug },
        now,
      })
    }
  }
  const widget = await store.findWidgetBySlug(DEMO.slug)
  if (!widget) return undefined
  return { email: DEMO.email, password: DEMO.password, slug: DEMO.slug, widgetId: widget.id, created }
}
