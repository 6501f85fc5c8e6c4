/**
 * The issue 5 pages in the console shell: forms, submissions and widget settings. Each page's code
 * is imported on first visit (a chunk of its own), so the inbox does not download the builders.
 */
import type { ComponentType } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import type { ConsoleApi } from '../../api/index.ts'
import type { Route } from '../../state/index.ts'
import { errorText } from '../error-text.ts'
import './pages.css'
import { useT } from '../../i18n/index.ts'

export type Issue5Route = Extract<Route, { name: 'forms' | 'form' | 'submissions' | 'widgets' | 'widget' }>

export const isIssue5Route = (route: Route): route is Issue5Route =>
  route.name === 'forms' ||
  route.name === 'form' ||
  route.name === 'submissions' ||
  route.name === 'widgets' ||
  route.name === 'widget'

interface PageProps {
  api: ConsoleApi
  route: Issue5Route
  navigate(route: Route): void
}

type Loaded = { kind: 'forms' | 'widgets'; Page: ComponentType<PageProps> }

async function load(kind: 'forms' | 'widgets'): Promise<Loaded> {
  if (kind === 'widgets') {
    const { WidgetsPage } = await import('../widget-settings/index.ts')
    return {
      kind,
      Page: (p) => (
        <WidgetsPage
          api={p.api}
          route={p.route as Extract<Route, { name: 'widgets' | 'widget' }>}
          navigate={p.navigate}
        />
      ),
    }
  }
  const { FormsPage, SubmissionsPage } = await import('./index.ts')
  return {
    kind,
    Page: (p) => {
      const t = useT()
      const forms = p.api.forms
      if (!forms) return <p class="form-error">{t('lazyPages.formsAreNotAvailable')}</p>
      return p.route.name === 'submissions' ? (
        <SubmissionsPage api={forms} route={p.route} navigate={p.navigate} />
      ) : (
        <FormsPage
          api={forms}
          route={p.route as Extract<Route, { name: 'forms' | 'form' }>}
          navigate={p.navigate}
        />
      )
    },
  }
}

export function Issue5Pages(props: PageProps) {
  const t = useT()
  const kind = props.route.name === 'widgets' || props.route.name === 'widget' ? 'widgets' : 'forms'
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    load(kind).then(
      (l) => live && setLoaded(l),
      (e: unknown) => live && setError(t('lazyPages.couldNotLoad', { error: errorText(e, t) })),
    )
    return () => {
      live = false
    }
  }, [kind])
  if (error)
    return (
      <p class="form-error" role="alert">
        {error}
      </p>
    )
  if (!loaded || loaded.kind !== kind) return <p class="hint">{t('lazyPages.loading')}</p>
  return <loaded.Page {...props} />
}
