/**
 * Widgets with given settings on the test server's demo workspace, embedded on a host site of their
 * own origin (issue 5's browser tests: channels, display rules, languages).
 */
import { renderSnippet } from '../../embed-snippet/index.ts'
import { type HostSite, startHostSite } from './host-site.ts'
import type { TestServer } from './test-server.ts'

/** A widget on a line open around the clock (so the channel order never depends on the hour). */
export async function createTestWidget(
  server: TestServer,
  settings: Record<string, unknown>,
): Promise<string> {
  const demo = await server.store.findWidget(server.demo.widgetId)
  if (!demo) throw new Error('no demo widget')
  const now = Date.now()
  const line = await server.store.createLine({
    workspaceId: demo.workspaceId,
    name: 'Always open',
    settings: { workingHours: { alwaysOpen: true } },
    now,
  })
  const widget = await server.store.createWidget({
    workspaceId: demo.workspaceId,
    lineId: line.id,
    name: 'Test widget',
    publicSlug: `t-${crypto.randomUUID().slice(0, 12)}`,
    settings,
    now,
  })
  return widget.id
}

/**
 * Every path under the site serves the same page embedding the widget (like an SPA's fallback). It
 * declares a device-width viewport, as real sites do, so a phone context lays it out at phone width.
 */
export async function hostWidget(server: TestServer, widgetId: string, paths: string[]): Promise<HostSite> {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Shop</title></head>
<body><h1>Shop</h1>${renderSnippet({ publicUrl: server.url, widgetId })}</body></html>`
  return startHostSite(Object.fromEntries(paths.map((p) => [p, { html }])))
}
