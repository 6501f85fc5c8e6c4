/** Everything the console's UI needs from the outside world, built once in main.tsx. */
import type { ConsoleApi } from '../api/index.ts'
import type { LanguageEnv } from '../i18n/index.ts'
import type { Notifier } from '../notify/index.ts'
import type { OpenSocket, Timers } from '../realtime/index.ts'
import type { ConsoleHistory } from './history.ts'

export interface PageEvents {
  isVisible(): boolean
  /** Fires on tab visibility and network changes; returns the unsubscribe function. */
  onVisibilityChange(listener: () => void): () => void
  onOnline(listener: () => void): () => void
}

export interface ConsoleDeps {
  api: ConsoleApi
  openSocket: OpenSocket
  /** Operator socket URL, e.g. wss://chat.example.com/ws?role=operator (same origin: the cookie authenticates). */
  wsUrl: string
  timers: Timers
  clock: { now(): number }
  random: () => number
  newId: () => string
  notifier: Notifier
  history: ConsoleHistory
  page: PageEvents
  clipboard: { writeText(text: string): Promise<void> } | null
  /** Issue 5, item 7: where the console's language choice is read and remembered. */
  language: LanguageEnv
}
