/**
 * Operator uploads (issue 5, item 4; docs/attachments.md): the raw file as the body, its name in
 * `?name=`, the session cookie and the CSRF token like every state-changing console call.
 */
import type { WireAttachment } from '../../../server/protocol/messages.ts'
import { toApiError } from '../../api/http-client.ts'

export async function uploadAttachment(
  file: File,
  csrfToken: string,
  fetchFn: (input: string, init: RequestInit) => Promise<Response> = (input, init) => fetch(input, init),
): Promise<WireAttachment> {
  const response = await fetchFn(`/api/attachments?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'X-CSRF-Token': csrfToken, Accept: 'application/json' },
    credentials: 'same-origin',
    body: file,
  })
  const payload: unknown = await response.json().catch(() => null)
  if (!response.ok) throw toApiError(response.status, payload)
  return (payload as { attachment: WireAttachment }).attachment
}

/** 300 B, 12 KB, 1.5 MB (decimal units, as file managers show them; the same in the widget). */
export const formatSize = (n: number): string =>
  n < 1e3 ? `${n} B` : n < 1e6 ? `${Math.round(n / 1e3)} KB` : `${(n / 1e6).toFixed(1)} MB`

/** The `attachments` part of a `message.send` frame for an outbox entry (ids only). */
export function attachmentIdsOf(entry: { attachments?: readonly WireAttachment[] }): {
  attachments?: string[]
} {
  return entry.attachments?.length ? { attachments: entry.attachments.map((a) => a.id) } : {}
}
