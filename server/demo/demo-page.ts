/**
 * `/demo`: a sample shop page with the demo widget's snippet pasted in, exactly as a business
 * would paste it — the quick start's first click, and the host page of the browser tests.
 */
import type { Env, Hono } from 'hono'
import { renderSnippet } from '../../embed-snippet/index.ts'
import type { Store } from '../store/types.ts'
import { DEMO } from './demo-account.ts'

export function mountDemoPage<E extends Env>(app: Hono<E>, deps: { store: Store; publicUrl: string }): void {
  app.get('/demo', async (c) => {
    const widget = await deps.store.findWidgetBySlug(DEMO.slug)
    if (!widget) return c.text('The demo is switched off (DEMO=false) or was removed.', 404)
    return c.html(demoPageHtml(renderSnippet({ publicUrl: deps.publicUrl, widgetId: widget.id })))
  })
}

export function demoPageHtml(snippet: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Demo Shop — Openline demo</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1d2430; background: #f7f7f5; }
  header { background: #23395d; color: #fff; padding: 1.5rem 2rem; }
  main { max-width: 46rem; margin: 2rem auto; padding: 0 1.5rem; }
  .product { background: #fff; border-radius: 8px; padding: 1rem 1.5rem; margin-bottom: 1rem; box-shadow: 0 1px 3px #0002; }
</style>
</head>
<body>
<header><h1>Demo Shop</h1><p>A sample website with the Openline widget pasted in.</p></header>
<main>
  <p>Click the chat button in the corner and write a message. Then sign in to the operator console
  (<a href="/console/">/console/</a>, ${DEMO.email} / ${DEMO.password}) in another browser window and answer.</p>
  <div class="product"><h2>Handmade mug</h2><p>Stoneware, 350 ml. €18</p></div>
  <div class="product"><h2>Linen apron</h2><p>Washed linen, one size. €34</p></div>
</main>
${snippet}
</body>
</html>`
}
