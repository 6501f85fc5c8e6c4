/**
 * The settings of one widget (issue 5 items 1, 5, 6, 7): channels, appearance, display rules,
 * language and texts, and the sites it may run on (issue 2 audit), edited as one draft with a live
 * preview and saved with PATCH /api/admin/widgets/:id (contract C5); refused fields show the
 * server's message.
 */
import { useEffect, useState } from 'preact/hooks'
import type { AdminForm, WidgetAdminApi, WidgetSummary } from '../../api/index.ts'
import { useT } from '../../i18n/index.ts'
import {
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
import { useDraftForm } from '../use-draft-form.ts'
import { AllowedOriginsSection } from './allowed-origins-section.tsx'
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

export function WidgetSettingsForm({ api, widget, forms, onSaved }: WidgetSettingsFormProps) {
  const t = useT()
  const { state, dispatch, summary, save } = useDraftForm(widgetDraftOf(widget), {
    send: ({ saved, draft }) => api.updateWidget(widget.id, widgetPatchOf(saved, draft)),
    draftOf: widgetDraftOf,
    onSaved,
    issuesOf: settingsIssues,
  })
  const ctx: DraftCtx<WidgetDraft> = { state, dispatch, prefix: 'widget' }
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
        <AllowedOriginsSection ctx={ctx} />
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
