import { useEffect, useRef } from 'preact/hooks'
import { fill } from '../app/fill.ts'
import type { WidgetConfig } from '../host-contract.ts'
import type { ChannelKind } from './channel-types.ts'

export interface ChooserProps {
  config: WidgetConfig
  channels: ChannelKind[]
  onChoose(channel: ChannelKind): void
  autoFocus: boolean
}

/** Several channels: the visitor picks one inside the panel (issue 5, item 1). */
export function Chooser({ config, channels, onChoose, autoFocus }: ChooserProps) {
  const t = config.texts
  const first = useRef<HTMLButtonElement>(null)
  // The first choice takes focus when the visitor opened the panel (not when a reload restored it).
  useEffect(() => {
    if (autoFocus) first.current?.focus()
  }, [autoFocus])
  const { open, estimatedWaitMinutes } = config.line
  const note = !open
    ? t['chooser.closed']
    : estimatedWaitMinutes && estimatedWaitMinutes > config.settings.channels.waitThresholdMinutes
      ? fill(t['chooser.wait'], { minutes: estimatedWaitMinutes })
      : ''
  return (
    <div class="ol-choices" data-testid="openline-chooser">
      <p class="ol-choose-q">{t['chooser.title']}</p>
      {note && <p class="ol-choose-note">{note}</p>}
      {channels.map((c, i) => (
        <button
          key={c}
          type="button"
          class="ol-choice"
          data-channel={c}
          ref={i === 0 ? first : undefined}
          onClick={() => onChoose(c)}
        >
          {t[`chooser.${c}`]}
        </button>
      ))}
    </div>
  )
}
