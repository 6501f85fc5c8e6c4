/**
 * The widget's side of attachments (issue 5, item 4; docs/attachments.md): upload with the visitor
 * token, and download through a short-lived signed link — a browser cannot put a bearer token on a
 * navigation, and the bytes must arrive as a real download (Content-Disposition: attachment).
 */
import type { WireAttachment } from '../../../server/protocol/messages.ts'
import type { ChatController } from '../../realtime/types.ts'

/** The visitor's token; the visitor record is created when the panel opens, so wait for it. */
export function visitorToken(chat: ChatController): Promise<string> {
  return new Promise((resolve) => {
    const check = () => {
      const token = chat.getState().visitor?.token
      if (token) {
        stop()
        resolve(token)
      }
    }
    const stop = chat.subscribe(check)
    check()
  })
}

async function call(url: string, token: string, init?: RequestInit): Promise<unknown> {
  const res = await fetch(url, { ...init, headers: { Authorization: `Bearer ${token}` } })
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  return res.json()
}

export async function uploadFile(baseUrl: string, chat: ChatController, file: File): Promise<WireAttachment> {
  const token = await visitorToken(chat)
  const url = `${baseUrl}api/attachments?name=${encodeURIComponent(file.name)}`
  return ((await call(url, token, { method: 'POST', body: file })) as { attachment: WireAttachment })
    .attachment
}

/** Starts the download in place: the answer is an attachment, so the page does not navigate. */
export async function openFile(baseUrl: string, chat: ChatController, id: string): Promise<void> {
  const token = await visitorToken(chat)
  const { url } = (await call(`${baseUrl}api/attachments/${id}/link`, token)) as { url: string }
  location.assign(url)
}

/** 300 B, 12 KB, 1.5 MB (decimal units, as file managers show them). */
export const formatSize = (n: number): string =>
  n < 1e3 ? `${n} B` : n < 1e6 ? `${Math.round(n / 1e3)} KB` : `${(n / 1e6).toFixed(1)} MB`
