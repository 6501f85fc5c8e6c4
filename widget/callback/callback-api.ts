import type { ChannelPanelProps } from '../channels/channel-types.ts'
import { encodeJson } from '../realtime/json-encode.ts'

/** GET /api/callback-requests/options (server/http/routes/callbacks-routes.ts). */
export interface CallbackOptions {
  timeZone: string
  slots: number[]
  consentText: string | null
}

export interface ApiError {
  code: string
  issues?: Array<{ path: string[] }>
  /** invalid_submission: a message per extra field (issue 5 item 3). */
  fields?: Record<string, string>
}

/** One call to the visitor's callback API; rejects with the server's `error` object. */
export async function callApi<T>(p: ChannelPanelProps, path: string, body?: object): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${await p.visitorToken()}` }
  if (body) headers['content-type'] = 'application/json'
  const res = await fetch(`${p.baseUrl}api/callback-requests${path}`, {
    method: body ? 'POST' : 'GET',
    headers,
    // Never the page's JSON.stringify: a hostile host may have replaced it (tests/browser/hostile-hosts).
    body: body && encodeJson(body),
  })
  // A body that is not JSON (a proxy's error page) rejects here, and the form says "not sent".
  const json = await res.json()
  if (!res.ok) throw json.error as ApiError | undefined
  return json as T
}
