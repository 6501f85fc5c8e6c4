/**
 * The display-rules chunk (issue 5, item 5), imported by the loader only when the widget has rules.
 * Gathers the context (device, first visit, referrer, UTM, time on page), runs the one evaluator and
 * schedules the launcher and the proactive welcome. Re-evaluated on `Openline('page', url)` —
 * nothing polls the address.
 */
import type { WidgetConfig } from '../host-contract.ts'
import { evaluateDisplayRules, isReturningVisitor, utmOf } from './display-rules.ts'
import { showProactive } from './proactive.ts'
import { proactiveCss } from './proactive-css.ts'

export interface RulesHost {
  config: WidgetConfig
  /** The wrapper inside the shadow root (the welcome bubble goes here). */
  root: HTMLElement
  show(visible: boolean): void
  adoptStyles(css: string): void
  open(): void
}

/** The browser parts the rules read, so tests can hand in plain values. */
export interface RulesEnv {
  now(): number
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
  isPhone(): boolean
  referrer: string
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined
}

export type StartRules = (host: RulesHost, env?: RulesEnv) => (url: string) => void

const FIRST_SEEN = 'openline.firstSeen'

function browserEnv(): RulesEnv {
  let storage: Storage | undefined
  try {
    storage = localStorage
  } catch {
    // Storage can be unavailable for privacy-restricted documents: every visit counts as new.
  }
  return {
    now: Date.now,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as number),
    // The device's screen, not the layout viewport: a page without a viewport meta tag lays out
    // 980px wide on a phone. Phones are under 600 CSS px on their short side; tablets are not.
    isPhone: () => Math.min(screen.width, screen.height) < 600,
    referrer: document.referrer,
    storage,
  }
}

/** Returns the `page(url)` function; call it once for the current address. */
export const startRules: StartRules = (host, env = browserEnv()) => {
  const loadedAt = env.now()
  let firstSeen: number | null = null
  try {
    firstSeen = Number(env.storage?.getItem(FIRST_SEEN)) || null
    if (firstSeen === null) env.storage?.setItem(FIRST_SEEN, `${loadedAt}`)
  } catch {
    // Quota or privacy mode: treat as a new visitor.
  }
  host.adoptStyles(proactiveCss)
  let timers: unknown[] = []
  let bubble: { remove(): void } | undefined
  return (url) => {
    for (const t of timers) env.clearTimeout(t)
    timers = []
    bubble?.remove()
    const now = env.now()
    const decision = evaluateDisplayRules(host.config.settings.displayRules, {
      url,
      referrer: env.referrer,
      utm: utmOf(url),
      device: env.isPhone() ? 'phone' : 'desktop',
      isReturning: isReturningVisitor(firstSeen, now),
      timeOnPageMs: 0,
      sinceLoadMs: now - loadedAt,
      lineOpen: host.config.line.open,
    })
    host.show(decision.show && decision.showInMs === 0)
    if (!decision.show) return
    if (decision.showInMs > 0) timers.push(env.setTimeout(() => host.show(true), decision.showInMs))
    const welcome = decision.proactive
    if (welcome) {
      timers.push(
        env.setTimeout(() => {
          bubble = showProactive(host, welcome.message)
        }, welcome.inMs),
      )
    }
  }
}
