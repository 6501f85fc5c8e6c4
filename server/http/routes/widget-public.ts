import type { Widget } from '../../store/types.ts'
import { publicWidgetConfig } from '../../widgets/public-routes.ts'
import type { HttpDeps } from '../deps.ts'
import { HttpError } from '../errors.ts'
import type { Mounter } from '../mount.ts'
import { routes } from '../route-table.ts'

/** Short enough that a settings change shows up within a minute, long enough to absorb page views. */
const CACHE_CONTROL = 'public, max-age=60'

function found(widget: Widget | undefined): Widget {
  if (!widget) throw new HttpError(404, 'not_found', 'No such widget')
  return widget
}

export function mountWidgetPublic({ mount }: Mounter, deps: HttpDeps): void {
  const { store } = deps

  // Issue 5: texts for `?locale=` (the browser's language) and the line's state come with it.
  mount(routes.widgetConfig, async (c, { params, query }) => {
    const widget = found(await store.findWidget(params.widgetId))
    c.header('Cache-Control', CACHE_CONTROL)
    return c.json(await publicWidgetConfig(deps, widget, query))
  })

  mount(routes.publicChat, async (c, { params, query }) => {
    const widget = found(await store.findWidgetBySlug(params.slug))
    c.header('Cache-Control', CACHE_CONTROL)
    return c.json(await publicWidgetConfig(deps, widget, query))
  })
}
