import { type RoutingSettings, readRoutingSettings } from '../routing/index.ts'
import type { Line, Operator } from '../store/types.ts'

/**
 * A line's effective routing settings (issue "Open lines").
 *
 * - No `routing` key at all (every line made before routing existed, the demo line): nothing is
 *   routed automatically — the queue is empty, conversations wait (visitors still get their
 *   place) and the first operator to reply claims one, exactly as before routing existed. The
 *   console's "Waiting" inbox depends on this.
 * - `routing` set but its `queue` empty: `evenly` over all the workspace's operators, oldest
 *   account first, so a line configured without picking people reaches whoever is online.
 */
export function lineRoutingSettings(line: Line, operators: readonly Operator[]): RoutingSettings {
  const settings = readRoutingSettings(line.settings.routing)
  if (line.settings.routing === undefined || settings.queue.length > 0) return settings
  const everyone = [...operators]
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
    .map((op) => op.id)
  return { ...settings, mode: 'evenly', queue: everyone }
}
