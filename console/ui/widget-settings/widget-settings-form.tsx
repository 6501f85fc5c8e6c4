/**
 * The settings of one widget (issue 5 items 1, 5, 6, 7): channels, appearance, display rules,
 * language and texts, edited as one draft with a live preview and saved with
 * PATCH /api/admin/widgets/:id (contract C5); refused fields show the server's message.
 */
import { useEffect, useReducer, useRef, useState } from 'preact/hooks'
import { type AdminForm, ApiError, type WidgetAdminApi, type WidgetSummary } from '../../api/index.ts'
import { useT } from '../../i18n/index.ts'
import {
  type DraftAction,
  type DraftState,
  draftReducer,
  initDraft,
  issueLocation,
  settingsIssues,
  textsLocale,
  type WidgetDraft,
  widgetDraftOf,
  widgetPatchOf,
} from '../../state/index.ts'
import { errorText } from '../error-text.ts'
import { type DraftCtx, DraftText } from '../forms/draft-fields.tsx'
import { SaveBar, SaveErrorSummary } from '../save-bar.tsx'
import { AppearanceSection } from './appearance-section.tsx'
import { ChannelsSection } from './channels-section.tsx'
import { DisplayRulesSection } from './display-rules-section.tsx'
import { TextsSection } from './texts-section.tsx'
import { WidgetPreview } from './widget-preview.tsx'

export interface WidgetSettingsFormProps {
  api: WidgetAdminApi
  widget: WidgetSummary
  forms: readonly AdminForm[] | null
  onSaved?(widget: WidgetSummary): void
}

type Reducer = (s: DraftState<WidgetDraft>, a: DraftAction<WidgetDraft>) => DraftState<WidgetDraft>

export function WidgetSettingsForm({ api, widget, forms, onSaved }: WidgetSettingsFormProps) {
  const t = useT()
  const [state, dispatch] = useReducer<DraftState<WidgetDraft>, DraftAction<WidgetDraft>, WidgetDraft>(
    draftReducer as Reducer,
    widgetDraftOf(widget),
    initDraft,
  )
  const ctx: DraftCtx<WidgetDraft> = { state, dispatch, prefix: 'widget' }
  const summary = useRef<HTMLDivElement>(null)
  const [picked, setPicked] = useState<'en' | 'ru' | 'pl'>('en')
  const locale = textsLocale(state.draft.settings.language, picked)
  const [texts, setTexts] = useState<{ locale: string; texts: Record<string, string> } | null>(null)
  const [textsError, setTextsError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    setTextsError(null)
    api.widgetConfig(widget.id, locale).then(
      (config) => live && setTexts({ locale, texts: config.texts ?? {} }),
      (e: unknown) =>
        live && setTextsError(t('widgetSettingsForm.textsCouldNotLoad', { error: errorText(e, t) })),
    )
    return () => {
      live = false
    }
  }, [api, widget.id, locale])

  useEffect(() => {
    if (state.status === 'failed') summary.current?.focus()
  }, [state.status])

  async function save(event: Event) {
    event.preventDefault()
    if (state.status === 'saving') return
    dispatch({ type: 'save.started' })
    try {
      const saved = await api.updateWidget(widget.id, widgetPatchOf(state.saved, state.draft))
      dispatch({ type: 'save.succeeded', saved: widgetDraftOf(saved) })
      onSaved?.(saved)
    } catch (e) {
      dispatch({
        type: 'save.failed',
        message: errorText(e, t),
        issues: e instanceof ApiError ? settingsIssues(e.issues) : undefined,
      })
    }
  }

  const c = ctx as DraftCtx
  const shownTexts = texts?.locale === locale ? texts.texts : null
  return (
    <div class="widget-settings">
      <form class="widget-settings-form" onSubmit={save} noValidate data-testid="widget-settings-form">
        <SaveErrorSummary
          state={state}
          prefix="widget"
          summaryRef={summary}
          describe={(path) => issueLocation(path, 'settings')}
        />
        <DraftText ctx={c} path={['name']} label={t('widgetSettingsForm.widgetNameForYou')} keepEmpty />
        <ChannelsSection ctx={ctx} forms={forms} />
        <AppearanceSection ctx={ctx} />
        <TextsSection
          ctx={ctx}
          locale={locale}
          onLocale={setPicked}
          defaults={shownTexts}
          defaultsError={textsError}
        />
        <DisplayRulesSection ctx={ctx} />
        <SaveBar
          state={state}
          prefix="widget"
          saveLabel={t('common.saveSettings')}
          discardLabel={t('widgetSettingsForm.discardChanges')}
          onReset={() => dispatch({ type: 'reset' })}
          sticky
        />
      </form>
      <WidgetPreview settings={state.draft.settings} texts={shownTexts} />
    </div>
  )
}
