/**
 * The web-form panel (issue 5 item 3; contract C6): loads an enabled form's definition, re-evaluates
 * its conditions on every change with the same zod-free evaluator the server uses, and leaves all
 * validation to the server, whose per-field messages (already in the visitor's language) it shows.
 * A lazy chunk of the widget, also used by the standalone public form page (/form/<formId>).
 */
import { useEffect, useRef, useState } from 'preact/hooks'
import type { ChannelPanelProps } from '../channels/channel-types.ts'
import { encodeJson } from '../realtime/json-encode.ts'
import { adoptCss } from './adopt-css.ts'
import { formCss } from './form-css.ts'
import { answers, FormFields } from './form-fields.tsx'
import { UTM } from './initial-values.ts'
import { useForm } from './use-form.ts'

/** What the panel needs of C6's props (the public page has no widget config). */
export type FormPanelProps = Pick<
  ChannelPanelProps,
  'baseUrl' | 'visitorToken' | 'prefill' | 'emit' | 'autoFocus'
> & {
  formId: string
  config: { locale: string; texts?: Record<string, string> }
}

export function FormPanel(p: FormPanelProps) {
  const { loaded, t, values, errors, setErrors, set, upload, auth, api } = useForm(p, p.formId)
  // 0 idle, 1 sending, 2 sent, 3 failed
  const [state, setState] = useState(0)
  const [attempt, setAttempt] = useState(0)
  const ref = useRef<HTMLFormElement & HTMLParagraphElement>(null)

  // Focus: the first control when the visitor opened the panel, the first field the server refused
  // after each rejected attempt, the confirmation once sent (so keyboard users never land on <body>).
  useEffect(() => {
    const el = ref.current
    if (!el) return
    adoptCss(el, formCss)
    if (state === 2) return el.focus()
    const bad = el.querySelector<HTMLElement>('[aria-invalid=true]')
    if (attempt ? bad : p.autoFocus) (bad ?? el.querySelector<HTMLElement>('input,select,textarea'))?.focus()
  }, [loaded, state === 2, attempt])

  if (loaded === undefined) return null
  if (!loaded)
    return (
      <p class="ol-note" role="alert">
        {t['form.notFound']}
      </p>
    )
  const def = loaded.form.definition
  if (state === 2)
    return (
      <p class="ol-note" role="status" tabIndex={-1} ref={ref}>
        {def.successMessage || t['form.thanks']}
      </p>
    )

  const submit = async (e: Event) => {
    e.preventDefault()
    if (state === 1) return
    setState(1)
    const href = location.href
    const q = new URL(href).searchParams
    const r = await fetch(`${api}forms/${p.formId}/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(await auth()) },
      // Absent UTM tags are null here and undefined in JSON; the server drops empty ones.
      body: encodeJson({
        values: answers(def, values),
        pageUrl: href,
        utm: Object.fromEntries(UTM.map((n) => [n, q.get(`utm_${n}`) ?? undefined])),
        locale: p.config.locale,
      }),
    }).catch(() => null)
    const body = await r?.json().catch(() => null)
    if (r?.ok) {
      p.emit('lead', { kind: 'form', id: body.submission.id })
      return setState(2)
    }
    setState(body?.error?.fields ? 0 : 3)
    setErrors(body?.error?.fields ?? {})
    setAttempt(attempt + 1)
  }

  return (
    <form class="ol-form" ref={ref} noValidate onSubmit={submit}>
      <FormFields def={def} values={values} errors={errors} texts={t} set={set} upload={upload} />
      {state === 3 && (
        <p class="ol-err" role="alert">
          {t['form.failed']}
        </p>
      )}
      <button type="submit" class="ol-rate-send" aria-disabled={state === 1}>
        {state === 1 ? t['form.sending'] : def.submitLabel || t['form.submit']}
      </button>
    </form>
  )
}
