/**
 * /console/submissions[/<formId>] (issue 5 item 3): every operator reads what visitors sent, newest
 * first, with the labels stored with each submission — so renamed, edited or switched-off forms
 * still read as they did. Refreshed on demand (real time is not needed for leads in a list).
 */
import { useCallback, useEffect, useState } from 'preact/hooks'
import type { FieldValue, FormSubmission, SubmittedField } from '../../../server/forms/form-types.ts'
import type { FormsApi } from '../../api/index.ts'
import { type Translate, useI18n, useT } from '../../i18n/index.ts'
import type { Route } from '../../state/index.ts'
import { errorText } from '../error-text.ts'

export interface SubmissionsPageProps {
  api: FormsApi
  route: Extract<Route, { name: 'submissions' }>
  navigate(route: Route): void
}

interface FormChoice {
  id: string
  name: string
}

export function SubmissionsPage({ api, route, navigate }: SubmissionsPageProps) {
  const t = useT()
  const formId = route.formId
  const [items, setItems] = useState<FormSubmission[] | null>(null)
  const [forms, setForms] = useState<FormChoice[]>([])
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)

  // Admins see every form in the filter; other operators cannot list forms and get those seen.
  useEffect(() => {
    let live = true
    api.listForms().then(
      (list) =>
        live && setForms(list.map((f) => ({ id: f.id, name: f.enabled ? f.name : `${f.name} (off)` }))),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [api])

  const load = useCallback(() => {
    setLoading(true)
    setError(null)
    api
      .listSubmissions(formId ?? undefined)
      .then((list) => setItems([...list].sort((a, b) => b.createdAt - a.createdAt)))
      .catch((e: unknown) => setError(errorText(e, t)))
      .finally(() => setLoading(false))
  }, [api, formId, t])
  useEffect(load, [load])

  const choices = forms.length > 0 ? forms : seenForms(items ?? [], formId)
  return (
    <section class="submissions-page" aria-labelledby="submissions-title">
      <h1 id="submissions-title">{t('submissionsPage.formSubmissions')}</h1>
      <div class="toolbar">
        <div class="field inline">
          <label for="submissions-form">{t('submissionsPage.form')}</label>
          <select
            id="submissions-form"
            value={formId ?? ''}
            onChange={(e) => navigate({ name: 'submissions', formId: e.currentTarget.value || null })}
            data-testid="submissions-form"
          >
            <option value="">{t('submissionsPage.allForms')}</option>
            {choices.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          class="button"
          onClick={load}
          disabled={loading}
          data-testid="submissions-refresh"
        >
          {loading ? t('submissionsPage.loading') : t('submissionsPage.refresh')}
        </button>
      </div>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {items?.length === 0 && <p class="hint">{t('submissionsPage.noSubmissionsYet')}</p>}
      <ol class="submission-list" data-testid="submission-list">
        {items?.map((s) => (
          <SubmissionCard key={s.id} submission={s} />
        ))}
      </ol>
    </section>
  )
}

function seenForms(items: readonly FormSubmission[], current: string | null): FormChoice[] {
  const byId = new Map<string, string>()
  for (const s of items) if (!byId.has(s.formId)) byId.set(s.formId, s.formName)
  if (current && !byId.has(current)) byId.set(current, current)
  return [...byId].map(([id, name]) => ({ id, name }))
}

function SubmissionCard({ submission: s }: { submission: FormSubmission }) {
  const { t, locale } = useI18n()
  const when = new Date(s.createdAt)
  return (
    <li class="card submission" data-testid="submission" data-submission-id={s.id}>
      <p class="submission-head">
        <strong>{s.formName}</strong>{' '}
        <time dateTime={when.toISOString()} class="hint">
          {when.toLocaleString(locale)}
        </time>
      </p>
      <dl class="submission-values">
        {s.fields.map((f) => (
          <div key={f.key} class="submission-value" data-testid={`submission-value-${f.key}`}>
            <dt>{f.label}</dt>
            <dd>{displayValue(t, f, s.values[f.key])}</dd>
          </div>
        ))}
      </dl>
      {s.pageUrl && (
        <p class="hint">
          {t('submissionsPage.sentFrom')} <span class="page-url">{s.pageUrl}</span>
        </p>
      )}
      {s.utm && Object.keys(s.utm).length > 0 && (
        <p class="hint">
          {Object.entries(s.utm)
            .map(([k, v]) => `utm_${k}=${v}`)
            .join(', ')}
        </p>
      )}
    </li>
  )
}

/** A value in words: option labels instead of values, Yes/No for consent, a link for a file. */
export function displayValue(t: Translate, field: SubmittedField, value: FieldValue | undefined) {
  if (value === undefined || value === null || value === '') return <span class="hint">—</span>
  if (field.type === 'file' && typeof value === 'string')
    return (
      <a href={`/api/attachments/${encodeURIComponent(value)}`} download>
        {t('submissionsPage.downloadTheFile')}
      </a>
    )
  if (typeof value === 'boolean') return value ? t('submissionsPage.yes') : t('submissionsPage.no')
  const label = (v: string) => field.options?.[v] ?? v
  return Array.isArray(value) ? value.map(label).join(', ') : label(String(value))
}
