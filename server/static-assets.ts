/**
 * Serves the built browser apps (dist/ from `npm run build`): the widget for any site, the console
 * and the public chat page. Kept apart from the API app so API tests never need a build.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Context, Env, Hono } from 'hono'

const HASHED = /-[A-Za-z0-9_-]{8}\.(js|css)$/

export function mountStaticAssets<E extends Env>(app: Hono<E>, distDir: string): void {
  const root = relative(process.cwd(), resolve(distDir)) || '.'

  // The loader runs as a module script on other sites: module scripts are fetched with CORS, and
  // a host page with Cross-Origin-Embedder-Policy needs CORP to accept it.
  app.use('/widget/*', async (c, next) => {
    await next()
    c.header('Access-Control-Allow-Origin', '*')
    c.header('Cross-Origin-Resource-Policy', 'cross-origin')
    c.header('X-Content-Type-Options', 'nosniff')
    // The loader's name is stable (it is pasted into sites), so it must revalidate; chunks are hashed.
    c.header(
      'Cache-Control',
      HASHED.test(c.req.path) ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    )
  })
  app.use('/widget/*', serveStatic({ root }))
  app.use('/public-page/*', serveStatic({ root }))
  app.use('/console/assets/*', serveStatic({ root }))

  const readHtml = htmlReader()
  const page = (file: string) => (c: Context<E>) => {
    const html = readHtml(join(distDir, file))
    if (!html) return c.text('This part of Openline has not been built: run `npm run build`.', 503)
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin')
    return c.html(html)
  }
  const consolePage = page('console/index.html')
  app.get('/', (c) => c.redirect('/console/'))
  app.get('/console', (c) => c.redirect('/console/'))
  app.get('/console/*', (c) => {
    c.header('X-Frame-Options', 'DENY')
    return consolePage(c)
  })
  app.get('/chat/:slug', page('public-page/index.html'))
  // issue 5 item 3: the standalone public form link (public-page/form-page.tsx)
  app.get('/form/:formId', page('public-page/index.html'))
}

/** Built pages do not change while the process runs; read each once. */
function htmlReader(): (path: string) => string | undefined {
  const cache = new Map<string, string>()
  return (path) => {
    const cached = cache.get(path)
    if (cached !== undefined) return cached
    if (!existsSync(path)) return undefined
    const html = readFileSync(path, 'utf8')
    cache.set(path, html)
    return html
  }
}
