/** The editor of one form field (issue 5 item 3): every property of contract C7's FormField. */
import type { FieldType, FormDefinition, FormField, HiddenSource } from '../../../server/forms/form-types.ts'
import { useT } from '../../i18n/index.ts'
import {
  earlierFields,
  FIELD_TYPES,
  hasOptions,
  moveFieldToSection,
  type Path,
  retype,
  takesPlaceholder,
  UTM_NAMES,
} from '../../state/index.ts'
import { ConditionsEditor } from './conditions-editor.tsx'
import {
  DraftCheck,
  type DraftCtx,
  DraftError,
  DraftNumber,
  DraftSelect,
  DraftText,
  ItemActions,
  idOf,
} from './draft-fields.tsx'

interface Props {
  ctx: DraftCtx
  definition: FormDefinition
  sectionIndex: number
  fieldIndex: number
  count: number
}

export function FieldEditor({ ctx, definition, sectionIndex, fieldIndex, count }: Props) {
  const t = useT()
  const listPath: Path = ['definition', 'sections', sectionIndex, 'fields']
  const path: Path = [...listPath, fieldIndex]
  const field = definition.sections[sectionIndex]?.fields[fieldIndex] as FormField
  const name = t('fieldEditor.fieldNamed', { name: field.label || field.key })
  const typeChoices = FIELD_TYPES.map((f) => ({ value: f.type, label: t(f.label) }))
  const typeLabel = FIELD_TYPES.find((f) => f.type === field.type)?.label
  return (
    <fieldset class="card field-editor" data-testid={idOf(ctx, path)}>
      <legend>
        {fieldIndex + 1}. {field.label || field.key}{' '}
        <span class="hint">({typeLabel ? t(typeLabel) : field.type})</span>
      </legend>
      <ItemActions ctx={ctx} listPath={listPath} index={fieldIndex} count={count} name={name} />
      {definition.sections.length > 1 && (
        <div class="field inline">
          <label for={`${idOf(ctx, path)}-section`}>{t('fieldEditor.section')}</label>
          <select
            id={`${idOf(ctx, path)}-section`}
            value={String(sectionIndex)}
            onChange={(e) =>
              ctx.dispatch({
                type: 'set',
                path: ['definition'],
                value: moveFieldToSection(
                  definition,
                  sectionIndex,
                  fieldIndex,
                  Number(e.currentTarget.value),
                ),
              })
            }
            data-testid={`${idOf(ctx, path)}-section`}
          >
            {definition.sections.map((s, i) => (
              <option key={s.key} value={String(i)}>
                {i + 1}. {s.title || t('formsBuilder.sectionN', { n: i + 1 })}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="field-grid">
        <DraftSelect
          ctx={ctx}
          path={[...path, 'type']}
          label={t('fieldEditor.type')}
          options={typeChoices}
          onPick={(type) => ctx.dispatch({ type: 'set', path, value: retype(field, type as FieldType, t) })}
        />
        <DraftText ctx={ctx} path={[...path, 'label']} label={t('fieldEditor.label')} keepEmpty />
        <DraftText
          ctx={ctx}
          path={[...path, 'key']}
          label={t('fieldEditor.key')}
          hint={t('fieldEditor.theNameOfThe')}
          keepEmpty
        />
        {takesPlaceholder(field.type) && (
          <DraftText ctx={ctx} path={[...path, 'placeholder']} label={t('fieldEditor.placeholder')} />
        )}
        {field.type !== 'hidden' && (
          <DraftText ctx={ctx} path={[...path, 'help']} label={t('fieldEditor.helpText')} />
        )}
        <DefaultEditor ctx={ctx} path={[...path, 'default']} field={field} />
        {field.type === 'number' && (
          <>
            <DraftNumber ctx={ctx} path={[...path, 'min']} label={t('fieldEditor.minimum')} step={0.01} />
            <DraftNumber ctx={ctx} path={[...path, 'max']} label={t('fieldEditor.maximum')} step={0.01} />
          </>
        )}
        {field.type !== 'hidden' && (
          <DraftCheck ctx={ctx} path={[...path, 'required']} label={t('fieldEditor.required')} />
        )}
      </div>
      {hasOptions(field.type) && <OptionsEditor ctx={ctx} path={[...path, 'options']} field={field} />}
      {field.type === 'hidden' && <SourceEditor ctx={ctx} path={[...path, 'source']} field={field} />}
      <ConditionsEditor
        ctx={ctx}
        path={[...path, 'showIf']}
        refs={earlierFields(definition, sectionIndex, fieldIndex)}
        subject={t('fieldEditor.thisField')}
      />
    </fieldset>
  )
}

function DefaultEditor({ ctx, path, field }: { ctx: DraftCtx; path: Path; field: FormField }) {
  const t = useT()
  if (field.type === 'consent')
    return <DraftCheck ctx={ctx} path={path} label={t('fieldEditor.tickedByDefault')} />
  if (field.type === 'select' || field.type === 'radio')
    return (
      <DraftSelect
        ctx={ctx}
        path={path}
        label={t('fieldEditor.default')}
        options={[{ value: '', label: t('channelsSection.none') }, ...(field.options ?? [])]}
        onPick={(value) => ctx.dispatch({ type: 'set', path, value: value === '' ? undefined : value })}
      />
    )
  if (field.type === 'number')
    return <DraftNumber ctx={ctx} path={path} label={t('fieldEditor.default')} step={0.01} />
  if (field.type === 'file' || field.type === 'checkboxes' || field.type === 'hidden') return null
  return (
    <DraftText
      ctx={ctx}
      path={path}
      label={t('fieldEditor.default')}
      type={field.type === 'date' ? 'date' : 'text'}
    />
  )
}

function OptionsEditor({ ctx, path, field }: { ctx: DraftCtx; path: Path; field: FormField }) {
  const t = useT()
  const options = field.options ?? []
  return (
    <fieldset class="options-editor" data-testid={idOf(ctx, path)}>
      <legend>{t('fieldEditor.options')}</legend>
      <ol>
        {options.map((o, i) => (
          <li key={i} class="option-row">
            <DraftText
              ctx={ctx}
              path={[...path, i, 'label']}
              label={t('fieldEditor.optionLabel', { n: i + 1 })}
              keepEmpty
            />
            <DraftText
              ctx={ctx}
              path={[...path, i, 'value']}
              label={t('fieldEditor.optionValue', { n: i + 1 })}
              keepEmpty
            />
            <ItemActions
              ctx={ctx}
              listPath={path}
              index={i}
              count={options.length}
              name={t('fieldEditor.optionNamed', { name: o.label })}
            />
          </li>
        ))}
      </ol>
      <button
        type="button"
        class="button small"
        onClick={() => {
          const n = options.length + 1
          ctx.dispatch({
            type: 'insert',
            path,
            value: { value: `option_${n}`, label: t('formsBuilder.optionN', { n }) },
          })
        }}
        data-testid={`${idOf(ctx, path)}-add`}
      >
        {t('fieldEditor.addOption')}
      </button>
      <DraftError ctx={ctx} path={path} />
    </fieldset>
  )
}

function SourceEditor({ ctx, path, field }: { ctx: DraftCtx; path: Path; field: FormField }) {
  const t = useT()
  const source: HiddenSource = field.source ?? { from: 'pageUrl' }
  const setFrom = (from: string) =>
    ctx.dispatch({
      type: 'set',
      path,
      value:
        from === 'param'
          ? { from: 'param', name: 'ref' }
          : from === 'utm'
            ? { from: 'utm', name: 'source' }
            : { from: 'pageUrl' },
    })
  return (
    <div class="field-grid">
      <DraftSelect
        ctx={ctx}
        path={[...path, 'from']}
        label={t('fieldEditor.valueComesFrom')}
        options={[
          { value: 'param', label: t('fieldEditor.sourceParam') },
          { value: 'utm', label: t('fieldEditor.sourceUtm') },
          { value: 'pageUrl', label: t('fieldEditor.sourcePageUrl') },
        ]}
        onPick={setFrom}
      />
      {source.from === 'param' && (
        <DraftText ctx={ctx} path={[...path, 'name']} label={t('fieldEditor.parameterName')} keepEmpty />
      )}
      {source.from === 'utm' && (
        <DraftSelect
          ctx={ctx}
          path={[...path, 'name']}
          label={t('fieldEditor.utmTag')}
          options={UTM_NAMES.map((n) => ({ value: n, label: `utm_${n}` }))}
        />
      )}
    </div>
  )
}
