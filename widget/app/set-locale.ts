import type { WidgetConfig } from '../host-contract.ts'
import type { ChatController } from '../realtime/types.ts'
import { readLocale } from './commands.ts'

export interface SetLocaleDeps {
  baseUrl: string
  widgetId: string
  fetch(url: string): Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>
  setConfig(config: WidgetConfig): void
  identify: ChatController['identify']
}

/**
 * `Openline('setLocale', code)` (issue 5 items 7 and 8): the texts of that language (`lang`, an
 * explicit choice, wins over the widget's language setting), and the server's own words to this
 * visitor — the auto-replies — follow it too: the code goes into the visitor context as `locale`
 * (server/i18n/visitor-locale.ts). Checked before anything async: a misuse throws at the caller.
 */
export function setLocale(code: unknown, deps: SetLocaleDeps): Promise<void> {
  const locale = readLocale(code)
  return deps
    .fetch(`${deps.baseUrl}api/widgets/${encodeURIComponent(deps.widgetId)}/config?lang=${locale}`)
    .then(async (res) => {
      if (!res.ok) throw new Error(`Openline('setLocale'): HTTP ${res.status}`)
      deps.setConfig((await res.json()) as WidgetConfig)
      return deps.identify({ context: { locale } })
    })
}
