/**
 * Online / Away for this operator (issue "Open lines"): away operators get no new offers. A select
 * rather than a switch: it names the current status in words, not only by a pressed state.
 */

import { useT } from '../i18n/index.ts'
import type { PresenceStatus } from '../state/index.ts'

export interface PresenceToggleProps {
  status: PresenceStatus
  onChange(status: PresenceStatus): void
}

export function PresenceToggle({ status, onChange }: PresenceToggleProps) {
  const t = useT()
  return (
    <label class={`presence ${status}`}>
      <span class="presence-dot" aria-hidden="true" />
      <span class="sr-only">{t('presenceToggle.yourStatus')}</span>
      <select
        class="presence-select"
        value={status}
        data-testid="presence-toggle"
        title={status === 'away' ? t('presenceToggle.awayHint') : t('presenceToggle.onlineHint')}
        onChange={(e) =>
          onChange((e.currentTarget as HTMLSelectElement).value === 'away' ? 'away' : 'online')
        }
      >
        <option value="online">{t('presenceToggle.online')}</option>
        <option value="away">{t('presenceToggle.away')}</option>
      </select>
    </label>
  )
}
