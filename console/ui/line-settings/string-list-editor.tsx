import { useState } from 'preact/hooks'
import { useT } from '../../i18n/index.ts'
import type { Path } from '../../state/index.ts'
import { FieldError } from './fields.tsx'
import { type FormContext, fieldId, testIdOf, valueAt } from './form-context.ts'

interface StringListProps {
  ctx: FormContext
  path: Path
  legend: string
  /** Label of the input that adds an entry. */
  addLabel: string
  inputType?: 'text' | 'date'
  placeholder?: string
  hint?: string
}

/** A list of short strings (holiday dates): each removable, new ones typed and added. */
export function StringListEditor({
  ctx,
  path,
  legend,
  addLabel,
  inputType = 'text',
  placeholder,
  hint,
}: StringListProps) {
  const t = useT()
  const items = valueAt<string[]>(ctx, path) ?? []
  const [text, setText] = useState('')
  const inputId = `${fieldId(path)}-new`
  const add = () => {
    const value = text.trim()
    if (value === '' || items.includes(value)) return
    ctx.dispatch({ type: 'insert', path, value })
    setText('')
  }
  return (
    <fieldset class="subsection" data-testid={testIdOf(path)}>
      <legend>{legend}</legend>
      {hint && <p class="hint">{hint}</p>}
      {items.length === 0 ? (
        <p class="hint">{t('stringListEditor.none')}</p>
      ) : (
        <ul class="chip-list">
          {items.map((item, index) => (
            <li key={item} data-testid={`${testIdOf(path)}-item`}>
              <span>{item}</span>
              <button
                type="button"
                class="button small"
                onClick={() => ctx.dispatch({ type: 'remove', path, index })}
                aria-label={t('common.removeName', { name: item })}
              >
                {t('stringListEditor.remove')}
              </button>
              <FieldError ctx={ctx} path={[...path, index]} />
            </li>
          ))}
        </ul>
      )}
      <FieldError ctx={ctx} path={path} />
      <div class="inline-add">
        <label for={inputId}>{addLabel}</label>
        <input
          id={inputId}
          type={inputType}
          value={text}
          placeholder={placeholder}
          onInput={(event) => setText(event.currentTarget.value)}
          onKeyDown={(event) => {
            // Enter adds the entry instead of submitting the whole form.
            if (event.key === 'Enter') {
              event.preventDefault()
              add()
            }
          }}
          data-testid={`${testIdOf(path)}-input`}
        />
        <button type="button" class="button small" onClick={add} data-testid={`${testIdOf(path)}-add`}>
          {t('stringListEditor.add')}
        </button>
      </div>
    </fieldset>
  )
}
