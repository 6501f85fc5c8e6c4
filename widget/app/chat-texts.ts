import type { ChatTexts } from '../chat/texts.ts'
import { fill } from './fill.ts'

/**
 * The chat panel's texts from the config's catalog texts (issue 5: the catalogs live on the server).
 * Complete: the widget's bundle carries no English defaults (chat-texts.test.ts checks every key).
 */
export function chatTexts(t: Record<string, string>): ChatTexts {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(t))
    if (key.startsWith('chat.') && !key.includes('.', 5)) out[key.slice(5)] = t[key]
  const status = (s: string) => t[`chat.status.${s}`] ?? ''
  return {
    ...(out as Omit<ChatTexts, 'status' | 'typing' | 'queuePosition' | 'callMeBack'>),
    // The offer under a no-answer auto-reply opens the callback form: its submit button's words.
    callMeBack: t['callback.submit'] ?? '',
    status: {
      pending: status('pending'),
      sent: status('sent'),
      delivered: status('delivered'),
      read: status('read'),
      failed: status('failed'),
    },
    typing: (name) => (name ? fill(t['chat.typing'], { name }) : (t['chat.typingSomeone'] ?? '')),
    queuePosition: (position) => fill(t['chat.queuePosition'], { position }),
  }
}
