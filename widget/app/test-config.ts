/** A widget config as the server builds it (real catalogs), for the widget's unit tests. */
import type { Widget } from '../../server/store/types.ts'
import { buildWidgetConfig } from '../../server/widgets/build-config.ts'
import type { LineStatus } from '../../server/widgets/line-status.ts'
import type { WidgetConfig } from '../host-contract.ts'

export function testConfig(
  settings: Record<string, unknown> = {},
  options: { line?: Partial<LineStatus>; locale?: string } = {},
): WidgetConfig {
  const widget: Widget = {
    id: 'w1',
    workspaceId: 'ws1',
    lineId: 'l1',
    name: 'Acme',
    publicSlug: 'acme',
    settings,
    allowedOrigins: [],
    createdAt: 0,
  }
  return buildWidgetConfig(widget, {
    publicUrl: 'https://chat.example',
    requestedLocale: options.locale,
    line: { open: true, nextOpening: null, estimatedWaitMinutes: 0, ...options.line },
  })
}
