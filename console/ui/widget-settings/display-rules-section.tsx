/** Where and when the launcher shows, and per-page welcome messages (issue 5 item 5, contract C5). */
import { useState } from 'preact/hooks'
import { T, useT } from '../../i18n/index.ts'
import {
  DEFAULT_DISPLAY_RULES,
  type DisplayRulesDraft,
  linesToList,
  type Path,
  pathKey,
  type WidgetDraft,
} from '../../state/index.ts'
import {
  DraftCheck,
  type DraftCtx,
  DraftNumber,
  DraftSelect,
  DraftText,
  ItemActions,
  idOf,
  valueAt,
} from '../forms/draft-fields.tsx'

export function DisplayRulesSection({ ctx }: { ctx: DraftCtx<WidgetDraft> }) {
  const t = useT()
  const c = ctx as DraftCtx
  const rules = ctx.state.draft.settings.displayRules
  const base: Path = ['settings', 'displayRules']
  return (
    <fieldset class="card settings-section" data-testid="widget-display-rules">
      <legend>{t('displayRulesSection.displayRules')}</legend>
      <div class="field field-check">
        <input
          id="widget-rules-on"
          type="checkbox"
          checked={rules !== undefined}
          onChange={(e) =>
            ctx.dispatch({
              type: 'set',
              path: base,
              value: e.currentTarget.checked ? DEFAULT_DISPLAY_RULES : undefined,
            })
          }
          data-testid="widget-rules-on"
        />
        <label for="widget-rules-on">{t('displayRulesSection.showTheButtonOnly')}</label>
      </div>
      {rules && <Rules ctx={c} rules={rules} base={base} />}
    </fieldset>
  )
}

function Rules({ ctx, rules, base }: { ctx: DraftCtx; rules: DisplayRulesDraft; base: Path }) {
  const t = useT()
  const p = (...rest: (string | number)[]): Path => [...base, ...rest]
  return (
    <>
      <p class="hint">
        <T
          k="displayRulesSection.patternsMatchThePage"
          slots={{ star: <code>*</code>, example: <code>shop.example.com/cart*</code> }}
        />
      </p>
      <div class="field-grid">
        <ListField ctx={ctx} path={p('include')} label={t('displayRulesSection.showOnlyOnThese')} />
        <ListField ctx={ctx} path={p('exclude')} label={t('displayRulesSection.neverShowOnThese')} />
        <DraftNumber
          ctx={ctx}
          path={p('delaySeconds')}
          label={t('displayRulesSection.delayBeforeTheButton')}
          min={0}
          max={3600}
        />
        <DraftNumber
          ctx={ctx}
          path={p('timeOnPageSeconds')}
          label={t('displayRulesSection.timeOnThePage')}
          min={0}
          max={3600}
        />
        <DraftSelect
          ctx={ctx}
          path={p('device')}
          label={t('displayRulesSection.devices')}
          options={[
            { value: 'all', label: t('displayRulesSection.allDevices') },
            { value: 'phone', label: t('displayRulesSection.phonesOnly') },
            { value: 'desktop', label: t('displayRulesSection.computersOnly') },
          ]}
        />
        <DraftSelect
          ctx={ctx}
          path={p('visitor')}
          label={t('displayRulesSection.visitors')}
          options={[
            { value: 'all', label: t('displayRulesSection.everyone') },
            { value: 'new', label: t('displayRulesSection.newVisitors') },
            { value: 'returning', label: t('displayRulesSection.returningVisitors') },
          ]}
        />
        <DraftText ctx={ctx} path={p('utm', 'source')} label={t('displayRulesSection.utmSourceMatches')} />
        <DraftText ctx={ctx} path={p('utm', 'medium')} label={t('displayRulesSection.utmMediumMatches')} />
        <DraftText
          ctx={ctx}
          path={p('utm', 'campaign')}
          label={t('displayRulesSection.utmCampaignMatches')}
        />
        <ListField ctx={ctx} path={p('referrer')} label={t('displayRulesSection.cameFromReferrerPatterns')} />
        <DraftCheck
          ctx={ctx}
          path={p('hideWhenClosed')}
          label={t('displayRulesSection.hideTheButtonWhile')}
        />
      </div>
      <fieldset class="proactive" data-testid="widget-proactive">
        <legend>{t('displayRulesSection.welcomeMessages')}</legend>
        <p class="hint">{t('displayRulesSection.shownNextToThe')}</p>
        <ol>
          {rules.proactive.map((m, i) => (
            <li key={i} class="card">
              <div class="field-grid">
                <DraftText
                  ctx={ctx}
                  path={p('proactive', i, 'page')}
                  label={t('displayRulesSection.pagePattern')}
                  keepEmpty
                />
                <DraftNumber
                  ctx={ctx}
                  path={p('proactive', i, 'delaySeconds')}
                  label={t('displayRulesSection.afterSeconds')}
                  min={0}
                  max={3600}
                />
                <DraftText
                  ctx={ctx}
                  path={p('proactive', i, 'message')}
                  label={t('displayRulesSection.message')}
                  multiline
                  keepEmpty
                />
              </div>
              <ItemActions
                ctx={ctx}
                listPath={p('proactive')}
                index={i}
                count={rules.proactive.length}
                name={t('displayRulesSection.welcomeMessageFor', { page: m.page })}
              />
            </li>
          ))}
        </ol>
        <button
          type="button"
          class="button small"
          onClick={() =>
            ctx.dispatch({
              type: 'insert',
              path: p('proactive'),
              value: { page: '*', delaySeconds: 10, message: t('displayRulesSection.defaultWelcome') },
            })
          }
          data-testid="widget-proactive-add"
        >
          {t('displayRulesSection.addAWelcomeMessage')}
        </button>
      </fieldset>
    </>
  )
}

/**
 * A list of patterns edited as lines of text (kept as typed until the field loses focus, so blank
 * lines do not vanish mid-typing); errors of any item show under it.
 */
/** A list edited as lines of a textarea; also the allowed origins' box (allowed-origins-section.tsx). */
export function ListField({
  ctx,
  path,
  label,
  hint,
}: {
  ctx: DraftCtx
  path: Path
  label: string
  hint?: string
}) {
  const t = useT()
  const id = idOf(ctx, path)
  const describedBy = [hint ? `${id}-hint` : '', errorsOf(ctx, path).length > 0 ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ')
  const list = valueAt<string[] | undefined>(ctx, path) ?? []
  const [text, setText] = useState<string | null>(null)
  const key = pathKey(path)
  const errors = errorsOf(ctx, path)
  const where = (k: string) =>
    k === key ? '' : t('displayRulesSection.lineN', { n: Number(k.slice(key.length + 1)) + 1 })
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        rows={3}
        value={text ?? list.join('\n')}
        onInput={(e) => setText(e.currentTarget.value)}
        onBlur={(e) => {
          ctx.dispatch({ type: 'set', path, value: linesToList(e.currentTarget.value) })
          setText(null)
        }}
        aria-invalid={errors.length > 0 ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        data-testid={id}
      />
      {hint && (
        <p id={`${id}-hint`} class="hint field-hint">
          {hint}
        </p>
      )}
      {errors.length > 0 && (
        <p id={`${id}-error`} class="form-error">
          {errors.map(([k, m]) => `${where(k)}${m}`).join(' ')}
        </p>
      )}
    </div>
  )
}

/** The server's errors for a list and for each of its lines. */
function errorsOf(ctx: DraftCtx, path: Path): [string, string][] {
  const key = pathKey(path)
  return Object.entries(ctx.state.errors).filter(([k]) => k === key || k.startsWith(`${key}.`))
}
