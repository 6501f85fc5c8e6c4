/** /console/widgets and /console/widgets/<id> (issue 5): the admin's widgets and their settings. */
import { useEffect, useState } from 'preact/hooks'
import type { AdminForm, ConsoleApi, WidgetSummary } from '../../api/index.ts'
import { type Translate, useT } from '../../i18n/index.ts'
import type { Route } from '../../state/index.ts'
import { adminOnlyError } from '../error-text.ts'
import { Link } from '../link.tsx'
import { WidgetSettingsForm } from './widget-settings-form.tsx'

export interface WidgetsPageProps {
  api: Pick<ConsoleApi, 'listWidgets' | 'forms' | 'widgetAdmin'>
  route: Extract<Route, { name: 'widgets' } | { name: 'widget' }>
  navigate(route: Route): void
}

const loadError = (e: unknown, t: Translate): string => adminOnlyError(e, t('widgetsPage.onlyAdmins'), t)

export function WidgetsPage({ api, route, navigate }: WidgetsPageProps) {
  const t = useT()
  const [widgets, setWidgets] = useState<WidgetSummary[] | null>(null)
  const [forms, setForms] = useState<AdminForm[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    api.listWidgets().then(
      (list) => live && setWidgets(list),
      (e: unknown) => live && setError(loadError(e, t)),
    )
    // Without the forms (API missing or refused) the channel form choices stay empty.
    api.forms?.listForms().then(
      (list) => live && setForms(list),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [api])

  const current = route.name === 'widget' ? widgets?.find((w) => w.id === route.id) : undefined
  return (
    <section class="widgets-page" aria-labelledby="widgets-title">
      <h1 id="widgets-title">{t('widgetsPage.widgets')}</h1>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {!error && widgets === null && <p class="hint">{t('widgetsPage.loadingWidgets')}</p>}
      {widgets && (
        <nav aria-label={t('widgetsPage.widgets')}>
          <ul class="line-list" data-testid="widget-list">
            {widgets.map((w) => (
              <li key={w.id}>
                <Link
                  to={{ name: 'widget', id: w.id }}
                  navigate={navigate}
                  aria-current={current?.id === w.id ? 'page' : undefined}
                  data-testid="widget-link"
                >
                  {w.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {route.name === 'widget' && widgets && !current && (
        <p class="form-error" role="alert">
          {t('widgetsPage.thisWidgetDoesNot')}
        </p>
      )}
      {current && api.widgetAdmin && (
        <article aria-labelledby="widget-settings-title">
          <h2 id="widget-settings-title">{t('widgetsPage.settingsOf', { name: current.name })}</h2>
          <WidgetSettingsForm
            key={current.id}
            api={api.widgetAdmin}
            widget={current}
            forms={forms}
            onSaved={(saved) =>
              setWidgets((list) => list?.map((w) => (w.id === saved.id ? saved : w)) ?? list)
            }
          />
        </article>
      )}
      {route.name === 'widgets' && widgets && widgets.length > 0 && (
        <p class="hint">{t('widgetsPage.pickAWidgetTo')}</p>
      )}
    </section>
  )
}
