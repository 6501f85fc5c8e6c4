/** The console's URLs under /console/ (History API routing, issue "Chat end to end"). */
export type Route =
  | { name: 'inbox' }
  | { name: 'conversation'; id: string }
  | { name: 'install' }
  | { name: 'lines' }
  | { name: 'line'; id: string }
  | { name: 'not-found' }
  // Issue 5: form builder, submissions, widget settings (console/ui/forms, console/ui/widget-settings).
  | { name: 'forms' }
  | { name: 'form'; id: string }
  | { name: 'submissions'; formId: string | null }
  | { name: 'widgets' }
  | { name: 'widget'; id: string }
  // Issue 6: CRM connections and the delivery log (console/ui/crm); `subjectId` filters the log to
  // one conversation, callback or form submission (item 2: linked from a conversation's panel).
  | { name: 'crm'; subjectId?: string }
  // Issue 5, item 2: the callbacks queue (console/ui/callbacks).
  | { name: 'callbacks' }
  // Issue "Open lines", items 4 and 6: quick answers (console/ui/quick-answers).
  | { name: 'quick-answers' }
  // Issue 3 audit: the operator's own name and avatar (console/ui/profile).
  | { name: 'profile' }

export const CONSOLE_BASE = '/console/'

export function parseRoute(pathname: string, base = CONSOLE_BASE): Route {
  const root = base.replace(/\/$/, '')
  if (pathname !== root && !pathname.startsWith(base)) return { name: 'not-found' }
  const rest = pathname.slice(base.length).replace(/\/+$/, '')
  if (rest === '' || rest === 'index.html') return { name: 'inbox' }
  if (rest === 'install') return { name: 'install' }
  if (rest === 'lines') return { name: 'lines' }
  if (rest === 'crm') return { name: 'crm' }
  const crmSubject = /^crm\/deliveries\/([^/]+)$/.exec(rest)
  if (crmSubject) return { name: 'crm', subjectId: decodeURIComponent(crmSubject[1]!) }
  if (rest === 'callbacks') return { name: 'callbacks' }
  if (rest === 'quick-answers') return { name: 'quick-answers' }
  if (rest === 'profile') return { name: 'profile' }
  const line = /^lines\/([^/]+)$/.exec(rest)
  if (line) return { name: 'line', id: decodeURIComponent(line[1]!) }
  const issue5 = parseIssue5Route(rest)
  if (issue5) return issue5
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
    case 'forms':
      return `${base}forms`
    case 'form':
      return `${base}forms/${encodeURIComponent(route.id)}`
    case 'submissions':
      return route.formId ? `${base}submissions/${encodeURIComponent(route.formId)}` : `${base}submissions`
    case 'widgets':
      return `${base}widgets`
    case 'widget':
      return `${base}widgets/${encodeURIComponent(route.id)}`
    case 'crm':
      return route.subjectId ? `${base}crm/deliveries/${encodeURIComponent(route.subjectId)}` : `${base}crm`
    case 'callbacks':
      return `${base}callbacks`
    case 'quick-answers':
      return `${base}quick-answers`
    case 'profile':
      return `${base}profile`
  }
}

/** Issue 5: /forms, /forms/<id>, /submissions[/<formId>], /widgets, /widgets/<id>. */
function parseIssue5Route(rest: string): Route | null {
  const [head, id, ...more] = rest.split('/')
  if (more.length > 0) return null
  const decoded = id ? decodeURIComponent(id) : null
  if (head === 'forms') return decoded ? { name: 'form', id: decoded } : { name: 'forms' }
  if (head === 'submissions') return { name: 'submissions', formId: decoded }
  if (head === 'widgets') return decoded ? { name: 'widget', id: decoded } : { name: 'widgets' }
  return null
}
