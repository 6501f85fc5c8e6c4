import { useEffect, useRef, useState } from 'preact/hooks'
import type { ChannelPanelProps } from '../channels/channel-types.ts'
import { adoptCss, answers, FormFields, formCss, useForm } from '../form/index.ts'
import { type ApiError, type CallbackOptions, callApi } from './callback-api.ts'
import { callbackCss } from './callback-css.ts'
import { formatDue, groupSlots } from './slot-groups.ts'

type Errors = Record<string, string | undefined>

/** The light check (issue 5: the server validates for real): digits, spaces and phone punctuation. */
const PHONE = /^\+?[\d\s().-]{6,40}$/
const SERVER_ERRORS: Record<string, [string, string]> = {
  invalid_phone: ['phone', 'invalidPhone'],
  consent_required: ['consent', 'required'],
  slot_unavailable: ['slot', 'failed'],
}

/**
 * The callback request form (issue 5, item 2): name, phone, topic, "as soon as possible" or a slot
 * in the visitor's local time, consent where configured; then a confirmation with the time. With
 * `settings.callback.extraFormId`, that form's fields follow the topic (issue 5 item 3), rendered
 * by the form panel's renderer and validated by the server's form engine.
 */
export function CallbackPanel(p: ChannelPanelProps) {
  const t = p.config.texts
  const locale = p.config.locale
  const form = useRef<HTMLFormElement>(null)
  const [opts, setOpts] = useState<CallbackOptions | null>()
  const [slot, setSlot] = useState(false)
  const [errors, setErrors] = useState<Errors>({})
  const [sending, setSending] = useState(false)
  const [done, setDone] = useState<string>()
  const extra = useForm(p, p.config.settings.callback?.extraFormId)

  const load = () =>
    callApi<CallbackOptions>(p, `/options?locale=${locale}`).then(setOpts, () => setOpts(null))
  useEffect(() => void load(), [])
  useEffect(() => {
    const el = form.current
    if (!el) return
    adoptCss(el, formCss)
    adoptCss(el, callbackCss)
    const invalid = el.querySelector<HTMLElement>('[aria-invalid=true]')
    if (invalid) invalid.focus()
    else if (p.autoFocus && !errors.form) el.querySelector('input')?.focus()
    // Not on extra.errors: typing clears them, and focus must stay where the visitor types.
  }, [opts, errors, extra.loaded])

  if (done) {
    return (
      <p class="ol-cb" role="status" tabIndex={-1} ref={(el) => el?.focus()}>
        {done}
      </p>
    )
  }
  const def = extra.loaded?.form.definition
  if (!opts || extra.loaded === undefined)
    return (
      <p class="ol-note" role="alert">
        {opts === null && t['callback.failed']}
      </p>
    )

  const required = t['callback.required']
  async function submit(e: Event) {
    e.preventDefault()
    if (sending || !opts) return
    const f = new FormData(form.current!)
    const v = (k: string) => String(f.get(k) ?? '').trim()
    const found: Errors = {}
    if (!v('name')) found.name = required
    if (!PHONE.test(v('phone'))) found.phone = t['callback.invalidPhone']
    if (opts.consentText && !f.get('consent')) found.consent = required
    setErrors(found)
    if (Object.keys(found).length) return
    setSending(true)
    try {
      const { callback } = await callApi<{ callback: { id: string; preferred: string; dueAt: number } }>(
        p,
        '',
        {
          name: v('name'),
          phone: v('phone'),
          topic: v('topic') || undefined,
          slot: slot ? Number(v('slot')) : null,
          consent: !!f.get('consent'),
          locale,
          extra: def && answers(def, extra.values),
        },
      )
      p.emit('lead', { kind: 'callback', id: callback.id })
      setDone(
        callback.preferred === 'asap' && callback.dueAt < Date.now() + 60_000
          ? t['callback.confirmedAsap']
          : t['callback.confirmedAt']?.replace('{time}', formatDue(callback.dueAt, locale)),
      )
    } catch (error) {
      const { code = '', fields } = (error as ApiError | undefined) ?? {}
      if (code === 'slot_unavailable') void load()
      // Which field the server refused, and the text to show there; the extra fields' messages sit at
      // those fields. A new `errors` object runs the focus effect: the first refused field takes focus.
      extra.setErrors(fields ?? {})
      const [field, text] = fields ? [] : (SERVER_ERRORS[code] ?? ['form', 'failed'])
      setErrors(field ? { [field]: t[`callback.${text}`] } : {})
    } finally {
      setSending(false)
    }
  }

  /** Error text under a field, tied to it for screen readers. */
  const err = (name: string) =>
    errors[name] && (
      <p id={`ol-cb-${name}`} class="ol-cb-e">
        {errors[name]}
      </p>
    )
  const invalid = (name: string) => ({
    name,
    'aria-invalid': !!errors[name],
    'aria-describedby': errors[name] ? `ol-cb-${name}` : undefined,
  })
  const field = (name: string, type: string, autocomplete?: string) => (
    <div>
      <label>
        {t[`callback.${name}`]}
        <input
          class="ol-input"
          type={type}
          autocomplete={autocomplete}
          defaultValue={p.prefill[name]}
          {...invalid(name)}
        />
      </label>
      {err(name)}
    </div>
  )

  return (
    <form class="ol-cb" ref={form} onSubmit={submit}>
      {field('name', 'text', 'name')}
      {field('phone', 'tel', 'tel')}
      {field('topic', 'text')}
      {def && <FormFields def={def} texts={extra.t} {...extra} />}
      <fieldset>
        <legend>{t['callback.when']}</legend>
        <label class="ol-cb-r">
          <input type="radio" name="when" checked={!slot} onChange={() => setSlot(false)} />
          {t['callback.asap']}
        </label>
        {opts.slots.length > 0 && (
          <label class="ol-cb-r">
            <input type="radio" name="when" checked={slot} onChange={() => setSlot(true)} />
            {t['callback.slot']}
          </label>
        )}
        {slot && (
          <>
            <select
              class="ol-input"
              aria-label={t['callback.slot']}
              {...invalid('slot')}
              aria-describedby="ol-cb-z ol-cb-slot"
            >
              {groupSlots(opts.slots, locale).map((g) => (
                <optgroup key={g.label} label={g.label}>
                  {g.slots.map((s) => (
                    <option key={s.at} value={s.at}>
                      {s.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
            <p id="ol-cb-z" class="ol-rate-status">
              {t['callback.timeZoneNote']?.replace('{zone}', opts.timeZone)}
            </p>
            {err('slot')}
          </>
        )}
      </fieldset>
      {opts.consentText && (
        <div>
          <label class="ol-cb-r">
            <input type="checkbox" {...invalid('consent')} />
            {opts.consentText}
          </label>
          {err('consent')}
        </div>
      )}
      {errors.form && (
        <p class="ol-cb-e" role="alert">
          {errors.form}
        </p>
      )}
      <button type="submit" class="ol-rate-send" aria-disabled={sending}>
        {t[sending ? 'callback.sending' : 'callback.submit']}
      </button>
    </form>
  )
}
