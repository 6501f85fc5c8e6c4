/** /console/forms and /console/forms/<id> (issue 5 item 3): the admin's list of forms and the builder. */
import { useEffect, useState } from 'preact/hooks'
import type { AdminForm, FormsApi } from '../../api/index.ts'
import { type Translate, useT } from '../../i18n/index.ts'
import { newFormInput, type Route } from '../../state/index.ts'
import { adminOnlyError } from '../error-text.ts'
import { Link } from '../link.tsx'
import { FormBuilder } from './form-builder.tsx'

export interface FormsPageProps {
  api: FormsApi
  route: Extract<Route, { name: 'forms' } | { name: 'form' }>
  navigate(route: Route): void
}

const loadError = (e: unknown, t: Translate): string => adminOnlyError(e, t('formsPage.onlyAdmins'), t)

export function FormsPage({ api, route, navigate }: FormsPageProps) {
  const t = useT()
  const [forms, setForms] = useState<AdminForm[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [creating, setCreating] = useState(false)

  useEffect(() => {
    let live = true
    api.listForms().then(
      (list) => live && setForms(list),
      (e: unknown) => live && setError(loadError(e, t)),
    )
    return () => {
      live = false
    }
  }, [api])

  async function create() {
    setCreating(true)
    try {
      const form = await api.createForm(newFormInput(t))
      setForms((list) => [...(list ?? []), form])
      navigate({ name: 'form', id: form.id })
    } catch (e) {
      setError(loadError(e, t))
    } finally {
      setCreating(false)
    }
  }

  const current = route.name === 'form' ? forms?.find((f) => f.id === route.id) : undefined
  return (
    <section class="forms-page" aria-labelledby="forms-title">
      <h1 id="forms-title">{t('formsPage.forms')}</h1>
      {error && (
        <p class="form-error" role="alert" data-testid="forms-error">
          {error}
        </p>
      )}
      {!error && forms === null && <p class="hint">{t('formsPage.loadingForms')}</p>}
      {forms && (
        <nav aria-label={t('formsPage.forms')}>
          <ul class="line-list" data-testid="form-list">
            {forms.map((form) => (
              <li key={form.id}>
                <Link
                  to={{ name: 'form', id: form.id }}
                  navigate={navigate}
                  aria-current={current?.id === form.id ? 'page' : undefined}
                  data-testid="form-link"
                >
                  {form.name}
                </Link>
                {!form.enabled && <span class="hint"> {t('formsPage.off')}</span>}{' '}
                <Link
                  to={{ name: 'submissions', formId: form.id }}
                  navigate={navigate}
                  class="hint"
                  data-testid="form-submissions-link"
                >
                  {t('formsPage.submissions')}
                  <span class="sr-only"> {t('formsPage.of', { name: form.name })}</span>
                </Link>
              </li>
            ))}
          </ul>
          <button type="button" class="button" onClick={create} disabled={creating} data-testid="form-create">
            {creating ? t('formsPage.creating') : t('formsPage.newForm')}
          </button>
        </nav>
      )}
      {route.name === 'form' && forms && !current && (
        <p class="form-error" role="alert">
          {t('formsPage.thisFormDoesNot')}
        </p>
      )}
      {current && (
        <article aria-labelledby="form-builder-title">
          <h2 id="form-builder-title">
            {t('formsPage.edit')} {current.name}
          </h2>
          <FormBuilder
            key={current.id}
            api={api}
            form={current}
            onSaved={(saved) => setForms((list) => list?.map((f) => (f.id === saved.id ? saved : f)) ?? list)}
          />
        </article>
      )}
      {route.name === 'forms' && forms && forms.length > 0 && (
        <p class="hint">{t('formsPage.pickAFormTo')}</p>
      )}
    </section>
  )
}
