/**
 * A form's definition, values, per-field errors and file uploads (issue 5 item 3), shared by the
 * form panel (and so the pre-chat form) and the callback panel's extra fields.
 */
import { useEffect, useState } from 'preact/hooks'
import type { FieldValue, FormDefinition } from '../../server/forms/form-types.ts'
import type { ChannelPanelProps } from '../channels/channel-types.ts'
import type { Values } from './form-fields.tsx'
import { initialValues } from './initial-values.ts'

export type FormSource = Pick<ChannelPanelProps, 'baseUrl' | 'visitorToken' | 'prefill'> & {
  config: { locale: string; texts?: Record<string, string> }
}

type Loaded = { form: { definition: FormDefinition }; texts: Record<string, string> }

/** `loaded`: undefined while loading, null for no form (none given, off, or unreachable). */
export function useForm(p: FormSource, formId: string | undefined) {
  const [loaded, setLoaded] = useState<Loaded | null>()
  const [values, setValues] = useState<Values>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const api = `${p.baseUrl}api/`
  const auth = async (): Promise<Record<string, string>> => {
    const token = await p.visitorToken().catch(() => '')
    return token ? { Authorization: `Bearer ${token}` } : {}
  }

  useEffect(() => {
    // A server-made id (from the widget config, or checked by the public page); no escaping needed.
    if (!formId) return setLoaded(null)
    fetch(`${api}forms/${formId}?locale=${p.config.locale}`)
      .then((r) => (r.ok ? r.json() : null))
      .then(
        (r: Loaded | null) => {
          if (r) setValues(initialValues(r.form.definition, p.prefill, location.href))
          setLoaded(r)
        },
        () => setLoaded(null),
      )
  }, [formId])

  const t: Record<string, string> = { ...loaded?.texts, ...p.config.texts }
  const set = (key: string, v: FieldValue) => {
    setValues((old) => ({ ...old, [key]: v }))
    setErrors(({ [key]: _, ...rest }) => rest)
  }
  const upload = async (key: string, file?: File) => {
    if (!file) return
    set(key, '')
    const r = await fetch(`${api}attachments?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: await auth(),
      body: file,
    }).catch(() => null)
    const body = r?.ok && (await r.json())
    if (body) set(key, body.attachment.id)
    else
      setErrors((e) => ({
        ...e,
        [key]: t[`form.${{ 413: 'fileTooLarge', 415: 'fileType' }[r?.status ?? 0] ?? 'failed'}`]!,
      }))
  }
  return { loaded, t, values, errors, setErrors, set, upload, auth, api }
}
