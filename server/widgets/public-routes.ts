/** The public widget configuration (issue 5): texts for the visitor's locale and the line's state. */
import type { HttpDeps } from '../http/deps.ts'
import type { Locale } from '../i18n/index.ts'
import { readLineSettings } from '../line-settings/index.ts'
import type { Widget } from '../store/types.ts'
import { buildWidgetConfig, type PublicWidgetConfig } from './build-config.ts'
import { lineStatusOf } from './line-status.ts'

export async function publicWidgetConfig(
  deps: Pick<HttpDeps, 'store' | 'clock' | 'config'>,
  widget: Widget,
  query: { locale?: string | undefined; lang?: Locale | undefined },
): Promise<PublicWidgetConfig> {
  const { store, clock, config } = deps
  const now = clock.now()
  const [line, waiting] = await Promise.all([
    store.getLine(widget.workspaceId, widget.lineId),
    store.listWaitingConversations(widget.workspaceId, widget.lineId),
  ])
  const settings = readLineSettings(line?.settings ?? {})
  return buildWidgetConfig(widget, {
    publicUrl: config.publicUrl,
    requestedLocale: query.locale,
    ...(query.lang && { explicitLocale: query.lang }),
    line: lineStatusOf(
      settings,
      waiting.map((c) => c.createdAt),
      now,
    ),
  })
}
