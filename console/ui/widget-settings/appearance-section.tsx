/** Colour with its contrast check, position, launcher, operator display, theme (issue 5 item 6). */

import { type MessageKey, T, useT } from '../../i18n/index.ts'
import {
  colorFacts,
  formatRatio,
  LAUNCHER_ICON_NAMES,
  WIDGET_POSITIONS,
  type WidgetDraft,
} from '../../state/index.ts'
import { DraftCheck, type DraftCtx, DraftError, DraftSelect, DraftText } from '../forms/draft-fields.tsx'

const POSITION_NAMES: Record<(typeof WIDGET_POSITIONS)[number], MessageKey> = {
  'bottom-right': 'appearanceSection.bottomRight',
  'bottom-left': 'appearanceSection.bottomLeft',
  'middle-right': 'appearanceSection.middleRight',
  'middle-left': 'appearanceSection.middleLeft',
  'top-right': 'appearanceSection.topRight',
  'top-left': 'appearanceSection.topLeft',
}

const ICON_NAMES: Record<(typeof LAUNCHER_ICON_NAMES)[number], MessageKey> = {
  chat: 'appearanceSection.iconChat',
  phone: 'appearanceSection.iconPhone',
  mail: 'appearanceSection.iconMail',
  question: 'appearanceSection.iconQuestion',
  none: 'appearanceSection.noIcon',
}

export function AppearanceSection({ ctx }: { ctx: DraftCtx<WidgetDraft> }) {
  const t = useT()
  const c = ctx as DraftCtx
  const settings = ctx.state.draft.settings
  const facts = colorFacts(settings.color)
  const setColor = (value: string) => ctx.dispatch({ type: 'set', path: ['settings', 'color'], value })
  return (
    <fieldset class="card settings-section" data-testid="widget-appearance">
      <legend>{t('appearanceSection.appearance')}</legend>
      <div class="field color-field">
        <label for="widget-settings-color">{t('appearanceSection.mainColour')}</label>
        <span class="color-inputs">
          <input
            id="widget-settings-color"
            type="text"
            value={settings.color}
            onInput={(e) => setColor(e.currentTarget.value.trim())}
            aria-describedby="widget-color-facts"
            data-testid="widget-settings-color"
          />
          <input
            type="color"
            aria-label={t('appearanceSection.pickTheMainColour')}
            value={facts.valid ? settings.color : '#1f6feb'}
            onInput={(e) => setColor(e.currentTarget.value)}
          />
        </span>
        <p id="widget-color-facts" class="hint" data-testid="widget-color-facts">
          {facts.valid ? (
            <T
              k="appearanceSection.textOnIt"
              slots={{
                swatch: (
                  <span class="swatch" style={{ background: settings.color, color: facts.textColor }}>
                    {t('appearanceSection.colourCode', {
                      name:
                        facts.textColor === '#ffffff'
                          ? t('appearanceSection.white')
                          : t('appearanceSection.black'),
                      code: facts.textColor,
                    })}
                  </span>
                ),
                ratio: <strong data-testid="widget-contrast-ratio">{formatRatio(facts.textRatio)}</strong>,
              }}
            />
          ) : (
            t('appearanceSection.writeAsHex')
          )}
        </p>
        {facts.valid && facts.textRatio < 4.5 && (
          <p class="form-error" data-testid="widget-contrast-warning">
            {t('appearanceSection.textOnThisColour')}
          </p>
        )}
        {facts.valid && facts.pageRatio < 3 && (
          <p class="hint warning" data-testid="widget-page-contrast-warning">
            {t('appearanceSection.theButtonStandsOut', { ratio: formatRatio(facts.pageRatio) })}
          </p>
        )}
        <DraftError ctx={c} path={['settings', 'color']} />
      </div>
      <fieldset class="radio-group positions" data-testid="widget-position">
        <legend>{t('appearanceSection.position')}</legend>
        {WIDGET_POSITIONS.map((p) => (
          <div class="radio-option" key={p}>
            <input
              type="radio"
              id={`widget-position-${p}`}
              name="widget-position"
              checked={settings.position === p}
              onChange={() => ctx.dispatch({ type: 'set', path: ['settings', 'position'], value: p })}
              data-testid={`widget-position-${p}`}
            />
            <label for={`widget-position-${p}`}>{t(POSITION_NAMES[p])}</label>
          </div>
        ))}
      </fieldset>
      <div class="field-grid">
        <DraftText
          ctx={c}
          path={['settings', 'launcherLabel']}
          label={t('appearanceSection.buttonLabel')}
          hint={t('appearanceSection.emptyTheLanguageS')}
        />
        <DraftSelect
          ctx={c}
          path={['settings', 'launcherIcon']}
          label={t('appearanceSection.buttonIcon')}
          options={LAUNCHER_ICON_NAMES.map((i) => ({ value: i, label: t(ICON_NAMES[i]) }))}
        />
        <DraftText
          ctx={c}
          path={['settings', 'title']}
          label={t('appearanceSection.panelTitle')}
          hint={t('appearanceSection.emptyTheLanguageS')}
        />
        <DraftText
          ctx={c}
          path={['settings', 'greeting']}
          label={t('appearanceSection.greeting')}
          multiline
          hint={t('appearanceSection.emptyTheLanguageS')}
        />
        <DraftCheck
          ctx={c}
          path={['settings', 'showOperatorName']}
          label={t('appearanceSection.showTheOperatorS')}
        />
        <DraftCheck
          ctx={c}
          path={['settings', 'showOperatorAvatar']}
          label={t('appearanceSection.showTheOperatorS2')}
        />
        <DraftSelect
          ctx={c}
          path={['settings', 'theme']}
          label={t('appearanceSection.theme')}
          options={[
            { value: 'auto', label: t('appearanceSection.themeAuto') },
            { value: 'light', label: t('appearanceSection.themeLight') },
            { value: 'dark', label: t('appearanceSection.themeDark') },
          ]}
        />
      </div>
    </fieldset>
  )
}
