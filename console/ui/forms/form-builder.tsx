/**
 * The form builder (issue 5 item 3): name, on/off, texts and sections of fields, edited as one
 * draft and saved with PUT /api/admin/forms/:id; the server's validation issues appear next to the
 * field they concern. A live preview runs the form's conditions as the visitor would see them.
 */
import type { AdminForm, FormInput, FormsApi } from '../../api/index.ts'
import { useT } from '../../i18n/index.ts'
import {
  conditionProblems,
  earlierFields,
  FIELD_TYPES,
  issueLocation,
  newField,
  newSection,
} from '../../state/index.ts'
import { SaveBar, SaveErrorSummary } from '../save-bar.tsx'
import { useDraftForm } from '../use-draft-form.ts'
import { ConditionsEditor } from './conditions-editor.tsx'
import { DraftCheck, type DraftCtx, DraftText, ItemActions } from './draft-fields.tsx'
import { FieldEditor } from './field-editor.tsx'
import { FormPreview } from './form-preview.tsx'

export interface FormBuilderProps {
  api: Pick<FormsApi, 'updateForm'>
  form: AdminForm
  onSaved?(form: AdminForm): void
}

const inputOf = (form: AdminForm): FormInput => ({
  name: form.name,
  enabled: form.enabled,
  definition: form.definition,
})

export function FormBuilder({ api, form, onSaved }: FormBuilderProps) {
  const t = useT()
  const { state, dispatch, summary, save } = useDraftForm(inputOf(form), {
    send: ({ draft }) => api.updateForm(form.id, { ...draft, name: draft.name.trim() }),
    draftOf: inputOf,
    onSaved,
  })
  const ctx: DraftCtx<FormInput> = { state, dispatch, prefix: 'form' }
  const def = state.draft.definition
  const problems = conditionProblems(def, t)

  const c = ctx as DraftCtx
  return (
    <div class="form-builder">
      <form class="form-builder-editor" onSubmit={save} noValidate data-testid="form-builder">
        <SaveErrorSummary
          state={state}
          prefix="form"
          summaryRef={summary}
          describe={(path) => issueLocation(path)}
        />
        <div class="field-grid">
          <DraftText ctx={c} path={['name']} label={t('formBuilder.formNameForOperators')} keepEmpty />
          <DraftCheck
            ctx={c}
            path={['enabled']}
            label={t('formBuilder.formIsOn')}
            hint={t('formBuilder.aFormThatIs')}
          />
          <DraftText ctx={c} path={['definition', 'title']} label={t('formBuilder.titleShownToVisitors')} />
          <DraftText
            ctx={c}
            path={['definition', 'description']}
            label={t('formBuilder.description')}
            multiline
          />
          <DraftText
            ctx={c}
            path={['definition', 'submitLabel']}
            label={t('formBuilder.sendButtonText')}
            placeholder={t('formBuilder.send')}
          />
          <DraftText
            ctx={c}
            path={['definition', 'successMessage']}
            label={t('formBuilder.messageAfterSending')}
            multiline
          />
        </div>
        {def.sections.map((section, s) => (
          <section
            class="card form-section-editor"
            key={section.key}
            aria-labelledby={`form-section-${s}-title`}
          >
            <h3 id={`form-section-${s}-title`}>
              {section.title
                ? t('formBuilder.sectionTitled', { n: s + 1, title: section.title })
                : t('formsBuilder.sectionN', { n: s + 1 })}
            </h3>
            <ItemActions
              ctx={c}
              listPath={['definition', 'sections']}
              index={s}
              count={def.sections.length}
              name={t('formBuilder.sectionNamed', { n: s + 1 })}
            />
            <div class="field-grid">
              <DraftText
                ctx={c}
                path={['definition', 'sections', s, 'title']}
                label={t('formBuilder.sectionTitle')}
              />
              <DraftText
                ctx={c}
                path={['definition', 'sections', s, 'description']}
                label={t('formBuilder.sectionDescription')}
              />
            </div>
            <ConditionsEditor
              ctx={c}
              path={['definition', 'sections', s, 'showIf']}
              refs={earlierFields(def, s)}
              subject={t('formBuilder.thisSection')}
            />
            {section.fields.map((_, f) => (
              <FieldEditor
                key={f}
                ctx={c}
                definition={def}
                sectionIndex={s}
                fieldIndex={f}
                count={section.fields.length}
              />
            ))}
            <AddField
              id={`form-add-field-${s}`}
              onAdd={(type) =>
                dispatch({
                  type: 'insert',
                  path: ['definition', 'sections', s, 'fields'],
                  value: newField(type, def, t),
                })
              }
            />
          </section>
        ))}
        <button
          type="button"
          class="button"
          onClick={() =>
            dispatch({ type: 'insert', path: ['definition', 'sections'], value: newSection(def) })
          }
          data-testid="form-add-section"
        >
          {t('formBuilder.addSection')}
        </button>
        {problems.length > 0 && (
          <ul class="card warning" data-testid="form-condition-problems">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        <SaveBar
          state={state}
          prefix="form"
          saveLabel={t('formBuilder.saveForm')}
          discardLabel={t('formBuilder.discardChanges')}
          onReset={() => dispatch({ type: 'reset' })}
        />
      </form>
      <FormPreview definition={def} />
    </div>
  )
}

function AddField({ id, onAdd }: { id: string; onAdd(type: (typeof FIELD_TYPES)[number]['type']): void }) {
  const t = useT()
  return (
    <div class="field inline add-field">
      <label for={id}>{t('formBuilder.addAField')}</label>
      <select
        id={id}
        value=""
        onChange={(e) => {
          const type = FIELD_TYPES.find((f) => f.type === e.currentTarget.value)?.type
          e.currentTarget.value = ''
          if (type) onAdd(type)
        }}
        data-testid={id}
      >
        <option value="">{t('formBuilder.pickAType')}</option>
        {FIELD_TYPES.map((f) => (
          <option key={f.type} value={f.type}>
            {t(f.label)}
          </option>
        ))}
      </select>
    </div>
  )
}
