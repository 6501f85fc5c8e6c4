/** The console's URLs under /console/ (History API routing, issue "Chat end to end"). */
export type Route =
  | { name: 'inbox' }
  | { name: 'conversation'; id: string }
  | { name: 'install' }
  | { name: 'lines' }
  | { name: 'line'; id: string }
  | { name: 'not-found' }

export const CONSOLE_BASE = '/console/'

export function parseRoute(pathname: string, base = CONSOLE_BASE): Route {
  const root = base.replace(/\/$/, '')
  if (pathname !== root && !pathname.startsWith(base)) return { name: 'not-found' }
  const rest = pathname.slice(base.length).replace(/\/+$/, '')
  if (rest === '' || rest === 'index.html') return { name: 'inbox' }
  if (rest === 'install') return { name: 'install' }
  if (rest === 'lines') return { name: 'lines' }
  const line = /^lines\/([^/]+)$/.exec(rest)
  if (line) return { name: 'line', id: decodeURIComponent(line[1]!) }
  const match = /^c\/([^/]+)$/.exec(rest)
  if (match) return { name: 'conversation', id: decodeURIComponent(match[1]!) }
  return { name: 'not-found' }
}

export function routeHref(route: Route, base = CONSOLE_BASE): string {
  switch (route.name) {
    case 'inbox':
    case 'not-found':
      return base
    case 'install':
      return `${base}install`
    case 'conversation':
      return `${base}c/${encodeURIComponent(route.id)}`
    case 'lines':
      return `${base}lines`
    case 'line':
      return `${base}lines/${encodeURIComponent(route.id)}`
  }
}
