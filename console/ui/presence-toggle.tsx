/**
 * Online / Away for this operator (issue "Open lines"): away operators get no new offers. A select
 * rather than a switch: it names the current status in words, not only by a pressed state.
 */
import type { PresenceStatus } from '../state/index.ts'

export interface PresenceToggleProps {
  status: PresenceStatus
  onChange(status: PresenceStatus): void
}

export function PresenceToggle({ status, onChange }: PresenceToggleProps) {
  return (
    <label class={`presence ${status}`}>
      <span class="presence-dot" aria-hidden="true" />
      <span class="sr-only">Your status</span>
      <select
        class="presence-select"
        value={status}
        data-testid="presence-toggle"
        title={
          status === 'away' ? 'Away: no new chats are offered to you' : 'Online: new chats are offered to you'
        }
        onChange={(e) =>
          onChange((e.currentTarget as HTMLSelectElement).value === 'away' ? 'away' : 'online')
        }
      >
        <option value="online">Online</option>
        <option value="away">Away</option>
      </select>
    </label>
  )
}
