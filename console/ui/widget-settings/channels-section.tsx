/** Channels on/off and their order, the forms behind them (issue 5 item 1, contract C5). */
import type { AdminForm } from '../../api/index.ts'
import { type MessageKey, useT } from '../../i18n/index.ts'
import { WIDGET_CHANNELS, type WidgetDraft } from '../../state/index.ts'
import { type DraftCtx, DraftNumber, DraftSelect, ItemActions } from '../forms/draft-fields.tsx'

const NAMES: Record<(typeof WIDGET_CHANNELS)[number], MessageKey> = {
  chat: 'channelsSection.liveChat',
  callback: 'channelsSection.callbackRequest',
  form: 'channelsSection.webForm',
}

export function ChannelsSection({
  ctx,
  forms,
}: {
  ctx: DraftCtx<WidgetDraft>
  forms: readonly AdminForm[] | null
}) {
  const t = useT()
  const c = ctx as DraftCtx
  const enabled = ctx.state.draft.settings.channels.enabled
  const path = ['settings', 'channels', 'enabled'] as const
  const formChoices = [
    { value: '', label: t('channelsSection.none') },
    ...(forms ?? []).map((f) => ({
      value: f.id,
      label: f.enabled ? f.name : t('channelsSection.formOff', { name: f.name }),
    })),
  ]
  const pickForm = (key: 'formId' | 'preChatFormId' | 'offHoursFormId') => (value: string) =>
    ctx.dispatch({
      type: 'set',
      path: ['settings', 'channels', key],
      value: value === '' ? undefined : value,
    })
  return (
    <fieldset class="card settings-section" data-testid="widget-channels">
      <legend>{t('channelsSection.channels')}</legend>
      <p class="hint">{t('channelsSection.whatTheButtonOffers')}</p>
      <div class="field-grid">
        {WIDGET_CHANNELS.map((channel) => (
          <div class="field field-check" key={channel}>
            <input
              id={`widget-channel-${channel}`}
              type="checkbox"
              checked={enabled.includes(channel)}
              onChange={() => ctx.dispatch({ type: 'toggle', path, value: channel })}
              data-testid={`widget-channel-${channel}`}
            />
            <label for={`widget-channel-${channel}`}>{t(NAMES[channel])}</label>
          </div>
        ))}
      </div>
      <ol
        class="channel-order"
        aria-label={t('channelsSection.orderOfTheChannels')}
        data-testid="widget-channel-order"
      >
        {enabled.map((channel, i) => (
          <li key={channel}>
            {t(NAMES[channel])}{' '}
            <ItemActions ctx={c} listPath={path} index={i} count={enabled.length} name={t(NAMES[channel])} />
          </li>
        ))}
      </ol>
      {forms === null && <p class="hint">{t('channelsSection.formsCouldNotBe')}</p>}
      <div class="field-grid">
        <DraftSelect
          ctx={c}
          path={['settings', 'channels', 'formId']}
          label={t('channelsSection.formOfTheWeb')}
          options={formChoices}
          onPick={pickForm('formId')}
        />
        <DraftSelect
          ctx={c}
          path={['settings', 'channels', 'preChatFormId']}
          label={t('channelsSection.preChatForm')}
          options={formChoices}
          onPick={pickForm('preChatFormId')}
        />
        <DraftSelect
          ctx={c}
          path={['settings', 'channels', 'offHoursFormId']}
          label={t('channelsSection.offHoursForm')}
          options={formChoices}
          onPick={pickForm('offHoursFormId')}
        />
        <DraftNumber
          ctx={c}
          path={['settings', 'channels', 'waitThresholdMinutes']}
          label={t('channelsSection.putCallbackAndForm')}
          min={0}
          max={1440}
        />
      </div>
    </fieldset>
  )
}
