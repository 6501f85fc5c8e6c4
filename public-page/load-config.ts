/**
 * GET /api/public/chat/:slug. The page's three outcomes are values, not exceptions: a slug that
 * does not exist is an ordinary case (a mistyped or retired link) with its own friendly page.
 */
import type { WidgetSettings } from '../server/widgets/settings-schema.ts'

export interface PublicChatConfig {
  widgetId: string
  lineId: string
  name: string
  publicSlug: string
  settings: WidgetSettings
  publicUrl: string
  wsUrl: string
  /** Issue 5, item 7: the language the server chose and its catalog texts (with the widget's overrides). */
  locale?: string
  texts?: Record<string, string>
}

export type ConfigResult =
  | { kind: 'ready'; config: PublicChatConfig }
  | { kind: 'not-found' }
  | { kind: 'error'; message: string }

export type FetchJson = (url: string) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>

export async function loadPublicChat(
  fetchJson: FetchJson,
  baseUrl: string,
  slug: string,
  /** navigator.language: picks the texts when the widget's language is 'auto'. */
  locale?: string,
): Promise<ConfigResult> {
  let res: Awaited<ReturnType<FetchJson>>
  const url = new URL(`api/public/chat/${encodeURIComponent(slug)}`, baseUrl)
  if (locale) url.searchParams.set('locale', locale)
  try {
    res = await fetchJson(url.href)
  } catch (error) {
    return { kind: 'error', message: `The chat could not be reached (${describe(error)}).` }
  }
  if (res.status === 404) return { kind: 'not-found' }
  if (!res.ok) return { kind: 'error', message: `The chat could not be loaded (HTTP ${res.status}).` }
  const body = await res.json().catch((error: unknown) => ({ invalid: describe(error) }))
  if (!isConfig(body)) return { kind: 'error', message: 'The server sent an unexpected answer.' }
  return { kind: 'ready', config: body }
}

function isConfig(value: unknown): value is PublicChatConfig {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return (
    typeof v.widgetId === 'string' &&
    typeof v.wsUrl === 'string' &&
    typeof v.name === 'string' &&
    typeof v.settings === 'object' &&
    v.settings !== null
  )
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
