/** The browser shell: builds the console's dependencies from the real window and mounts the app. */
import { render } from 'preact'
import { createConsoleApi, createHttpClient } from './api/index.ts'
import { browserLanguageEnv } from './i18n/browser-language.ts'
import { createNotifier } from './notify/index.ts'
import { browserSocket } from './realtime/index.ts'
import { App } from './ui/app.tsx'
import type { ConsoleDeps } from './ui/deps.ts'
import { browserHistory } from './ui/history.ts'
import './styles.css'

function consoleDeps(win: Window): ConsoleDeps {
  const wsOrigin = win.location.origin.replace(/^http/, 'ws')
  return {
    api: createConsoleApi(createHttpClient({ fetch: win.fetch.bind(win) })),
    openSocket: browserSocket(WebSocket),
    wsUrl: `${wsOrigin}/ws?role=operator`,
    timers: {
      setTimeout: (fn, ms) => win.setTimeout(fn, ms),
      clearTimeout: (handle) => win.clearTimeout(handle as number | undefined),
    },
    clock: { now: () => Date.now() },
    random: Math.random,
    newId: () => win.crypto.randomUUID(),
    notifier: createNotifier({
      Notification: typeof Notification === 'undefined' ? undefined : Notification,
      AudioContext: typeof AudioContext === 'undefined' ? undefined : AudioContext,
      isHidden: () => win.document.visibilityState === 'hidden' || !win.document.hasFocus(),
      focus: () => win.focus(),
    }),
    history: browserHistory(win),
    page: {
      isVisible: () => win.document.visibilityState === 'visible',
      onVisibilityChange(listener) {
        win.document.addEventListener('visibilitychange', listener)
        return () => win.document.removeEventListener('visibilitychange', listener)
      },
      onOnline(listener) {
        win.addEventListener('online', listener)
        return () => win.removeEventListener('online', listener)
      },
    },
    clipboard: win.navigator.clipboard ?? null,
    language: browserLanguageEnv(win),
  }
}

const root = document.getElementById('app')
if (root) render(<App deps={consoleDeps(window)} />, root)
