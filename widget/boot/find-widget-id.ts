/**
 * The widget id comes from the inline snippet's `Openline('init', { widgetId })`, or — for pages whose
 * CSP forbids inline scripts — from `data-openline-widget` on the loader's script tag (one widget
 * per page).
 */
export function findWidgetId(queue: ArrayLike<ArrayLike<unknown>>, doc: Document): string | null {
  for (let i = 0; i < queue.length; i++) {
    const args = queue[i]!
    const options = args[1] as { widgetId?: unknown } | undefined
    if (args[0] === 'init' && typeof options?.widgetId === 'string') return options.widgetId
  }
  return doc.querySelector('script[data-openline-widget]')?.getAttribute('data-openline-widget') ?? null
}
