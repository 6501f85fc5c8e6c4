/**
 * Language and the override of every visitor-facing text (issue 5 items 6, 7). The defaults listed
 * are the catalog texts of the chosen language as the public config endpoint serves them.
 */

import { useT } from '../../i18n/index.ts'
import type { WidgetDraft } from '../../state/index.ts'
import { WIDGET_LANGUAGE_CHOICES } from '../../state/index.ts'
import { type DraftCtx, DraftSelect, DraftText } from '../forms/draft-fields.tsx'

/** Languages are named in their own language; only "auto" is a sentence of the console's. */
const LANGUAGE_NAMES: Record<Exclude<(typeof WIDGET_LANGUAGE_CHOICES)[number], 'auto'>, string> = {
  en: 'English',
  ru: 'Русский',
  pl: 'Polski',
}

export interface TextsSectionProps {
  ctx: DraftCtx<WidgetDraft>
  /** The language whose texts are listed (picked by the admin while the setting is "auto"). */
  locale: 'en' | 'ru' | 'pl'
  onLocale(locale: 'en' | 'ru' | 'pl'): void
  /** Texts of that language as served; null while loading or when unavailable. */
  defaults: Record<string, string> | null
  defaultsError: string | null
}

export function TextsSection({ ctx, locale, onLocale, defaults, defaultsError }: TextsSectionProps) {
  const t = useT()
  const c = ctx as DraftCtx
  const language = ctx.state.draft.settings.language
  const overrides = ctx.state.draft.settings.texts
  const keys = defaults ? Object.keys(defaults) : []
  // The config serves texts with the saved overrides applied: for those the catalog text is unknown.
  const saved = ctx.state.saved.settings.texts
  const hintOf = (key: string) =>
    saved[key] ? t('textsSection.overridden') : t('textsSection.defaultText', { text: defaults?.[key] ?? '' })
  const count = Object.values(overrides).filter((v) => typeof v === 'string' && v !== '').length
  return (
    <fieldset class="card settings-section" data-testid="widget-texts">
      <legend>{t('textsSection.languageAndTexts')}</legend>
      <DraftSelect
        ctx={c}
        path={['settings', 'language']}
        label={t('textsSection.language')}
        options={WIDGET_LANGUAGE_CHOICES.map((l) => ({
          value: l,
          label: l === 'auto' ? t('textsSection.browserLanguage') : LANGUAGE_NAMES[l],
        }))}
      />
      {language === 'auto' && (
        <div class="field">
          <label for="widget-texts-locale">{t('textsSection.listTheTextsOf')}</label>
          <select
            id="widget-texts-locale"
            value={locale}
            onChange={(e) => onLocale(e.currentTarget.value as 'en' | 'ru' | 'pl')}
            data-testid="widget-texts-locale"
          >
            <option value="en">{t('textsSection.english')}</option>
            <option value="ru">{t('textsSection.русский')}</option>
            <option value="pl">{t('textsSection.polski')}</option>
          </select>
        </div>
      )}
      <details class="texts-list">
        <summary data-testid="widget-texts-toggle">
          {t('textsSection.everyVisitorFacingText', { count })}
        </summary>
        {defaultsError && <p class="form-error">{defaultsError}</p>}
        {!defaults && !defaultsError && <p class="hint">{t('textsSection.loadingTexts')}</p>}
        {keys.map((key) => (
          <DraftText
            key={key}
            ctx={c}
            path={['settings', 'texts', key]}
            label={key}
            placeholder={saved[key] ? undefined : defaults?.[key]}
            hint={hintOf(key)}
            multiline={(defaults?.[key]?.length ?? 0) > 60}
          />
        ))}
      </details>
    </fieldset>
  )
}
