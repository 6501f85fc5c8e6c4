/**
 * The standalone public form link, /form/<formId> (issue 5 item 3: "the same form engine serves …
 * as a standalone public form link"). It frames the widget's FormPanel like the public chat page
 * frames the chat panel; the visitor is anonymous (no widget, so no visitor token).
 */
import { render } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import type { FormDefinition } from '../server/forms/form-types.ts'
import { FormPanel } from '../widget/form/index.ts'

export interface PublicFormPageProps {
  baseUrl: string
  formId: string
  locale: string
  /** URL parameters: they prefill fields by key, as `Openline('prefill', …)` does in the widget. */
  prefill: Record<string, string>
}

export function PublicFormPage({ baseUrl, formId, locale, prefill }: PublicFormPageProps) {
  const [def, setDef] = useState<FormDefinition>()
  const [title, setTitle] = useState('')
  useEffect(() => {
    fetch(`${baseUrl}api/forms/${formId}?locale=${encodeURIComponent(locale)}`)
      .then((r) => (r.ok ? r.json() : undefined))
      .then((r?: { form: { definition: FormDefinition }; texts: Record<string, string> }) => {
        if (!r) return
        setDef(r.form.definition)
        setTitle(r.form.definition.title || r.texts['form.title'] || '')
        document.title = r.form.definition.title || r.texts['form.title'] || document.title
      })
      .catch(() => undefined)
  }, [formId])
  return (
    <main class="pp-chat">
      <div class="pp-frame">
        <div class="ol-panel" data-layout="page" data-theme="auto">
          <div class="ol-head">
            <h1 class="ol-title">{title}</h1>
          </div>
          {def?.description && <p class="ol-note">{def.description}</p>}
          <FormPanel
            baseUrl={baseUrl}
            formId={formId}
            config={{ locale }}
            visitorToken={() => Promise.reject(new Error('anonymous'))}
            prefill={prefill}
            emit={() => undefined}
            autoFocus={false}
          />
        </div>
      </div>
    </main>
  )
}

export function mountPublicFormPage(root: HTMLElement, formId: string): void {
  render(
    <PublicFormPage
      baseUrl={`${location.origin}/`}
      formId={formId}
      locale={navigator.language}
      prefill={Object.fromEntries(new URLSearchParams(location.search))}
    />,
    root,
  )
}
