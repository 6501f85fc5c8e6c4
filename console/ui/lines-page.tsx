import { useEffect, useState } from 'preact/hooks'
import type { ConsoleApi, LineDetail, LineSummary, Operator } from '../api/index.ts'
import { type Translate, useT } from '../i18n/index.ts'
import type { Route } from '../state/index.ts'
import { adminOnlyError } from './error-text.ts'
import { LineSettingsForm } from './line-settings/index.ts'
import { Link } from './link.tsx'

export interface LinesPageProps {
  api: ConsoleApi
  route: Extract<Route, { name: 'lines' } | { name: 'line' }>
  navigate(route: Route): void
  /** IANA zones to offer; the browser's list by default. */
  timeZones?: readonly string[]
}

function loadError(e: unknown, t: Translate): string {
  return adminOnlyError(e, t('linesPage.onlyAdmins'), t)
}

function browserTimeZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []
}

/** /console/lines and /console/lines/<id> (issue "Open lines"). */
export function LinesPage({ api, route, navigate, timeZones }: LinesPageProps) {
  const t = useT()
  const [lines, setLines] = useState<LineSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    api.listLines().then(
      (list) => live && setLines(list),
      (e: unknown) => live && setError(loadError(e, t)),
    )
    return () => {
      live = false
    }
  }, [api])

  return (
    <section class="lines-page" aria-labelledby="lines-title">
      <h1 id="lines-title">{t('linesPage.lines')}</h1>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {!error && lines === null && <p class="hint">{t('linesPage.loadingLines')}</p>}
      {lines && (
        <nav aria-label={t('linesPage.lines')}>
          <ul class="line-list" data-testid="line-list">
            {lines.map((line) => (
              <li key={line.id}>
                <Link
                  to={{ name: 'line', id: line.id }}
                  navigate={navigate}
                  aria-current={route.name === 'line' && route.id === line.id ? 'page' : undefined}
                  data-testid="line-link"
                >
                  {line.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {route.name === 'line' && (
        <LineSettings
          key={route.id}
          api={api}
          lineId={route.id}
          timeZones={timeZones ?? browserTimeZones()}
          onRenamed={(saved) =>
            setLines((list) => list?.map((l) => (l.id === saved.id ? { ...l, name: saved.name } : l)) ?? list)
          }
        />
      )}
      {route.name === 'lines' && lines && lines.length > 0 && (
        <p class="hint">{t('linesPage.pickALineTo')}</p>
      )}
    </section>
  )
}

interface LineSettingsProps {
  api: ConsoleApi
  lineId: string
  timeZones: readonly string[]
  onRenamed(line: LineDetail): void
}

function LineSettings({ api, lineId, timeZones, onRenamed }: LineSettingsProps) {
  const t = useT()
  const [loaded, setLoaded] = useState<{ line: LineDetail; operators: Operator[] } | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    Promise.all([api.getLine(lineId), api.listOperators()]).then(
      ([line, operators]) => live && setLoaded({ line, operators }),
      (e: unknown) => live && setError(loadError(e, t)),
    )
    return () => {
      live = false
    }
  }, [api, lineId])

  if (error)
    return (
      <p class="form-error" role="alert" data-testid="line-load-error">
        {error}
      </p>
    )
  if (!loaded) return <p class="hint">{t('linesPage.loadingSettings')}</p>
  return (
    <article class="line-settings" aria-labelledby="line-settings-title">
      <h2 id="line-settings-title">{t('linesPage.settingsOf', { name: loaded.line.name })}</h2>
      <LineSettingsForm
        line={loaded.line}
        operators={loaded.operators}
        api={api}
        timeZones={timeZones}
        onSaved={onRenamed}
      />
    </article>
  )
}
