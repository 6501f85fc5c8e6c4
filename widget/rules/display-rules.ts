/**
 * Display rules (issue 5, item 5): ONE pure evaluator, used by the widget's rules chunk and tested
 * directly. No zod, no DOM: the caller gathers the context (widget/rules/index.ts).
 */
import type { DisplayRules } from '../../server/widgets/settings-schema.ts'

export interface RuleContext {
  /** The page address (location.href, or the URL given to `Openline('page', url)`). */
  url: string
  referrer: string
  utm: { source?: string; medium?: string; campaign?: string }
  device: 'phone' | 'desktop'
  isReturning: boolean
  /** Since the current page view began (reset by `Openline('page', url)`). */
  timeOnPageMs: number
  /** Since the widget loaded on this document (not reset by SPA navigation). */
  sinceLoadMs: number
  lineOpen: boolean
}

export interface RuleDecision {
  show: boolean
  /** Wait this long before showing the launcher (0 = now). */
  showInMs: number
  /** A welcome next to the launcher, from the first `proactive` entry matching the page. */
  proactive?: { message: string; inMs: number }
}

const HIDE: RuleDecision = { show: false, showInMs: 0 }

/**
 * `*` matches any run of characters; everything else literally, case-insensitively, whole string.
 * Compiled without the `g` flag: a global RegExp keeps `lastIndex` between `.test()` calls.
 */
export function compilePattern(pattern: string): RegExp {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')
  return new RegExp(`^${body}$`, 'i')
}

/**
 * A pattern with a scheme ("https://shop.example/*") is matched against the whole address; one
 * starting with "/" against path + query ("/checkout*"); any other against host + path + query
 * ("shop.example/blog/*"). The fragment is ignored.
 */
export function matchesUrl(pattern: string, url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return compilePattern(pattern).test(url)
  }
  const path = parsed.pathname + parsed.search
  const target = pattern.includes('://')
    ? `${parsed.origin}${path}`
    : pattern.startsWith('/')
      ? path
      : parsed.host + path
  return compilePattern(pattern).test(target)
}

export function evaluateDisplayRules(rules: DisplayRules | undefined, ctx: RuleContext): RuleDecision {
  if (!rules) return { show: true, showInMs: 0 }
  const onPage = (p: string) => matchesUrl(p, ctx.url)
  if (rules.exclude.some(onPage)) return HIDE
  if (rules.include.length > 0 && !rules.include.some(onPage)) return HIDE
  if (rules.device !== 'all' && rules.device !== ctx.device) return HIDE
  if (rules.visitor !== 'all' && (rules.visitor === 'returning') !== ctx.isReturning) return HIDE
  if (rules.hideWhenClosed && !ctx.lineOpen) return HIDE
  for (const key of ['source', 'medium', 'campaign'] as const) {
    const pattern = rules.utm[key]
    if (pattern && !compilePattern(pattern).test(ctx.utm[key] ?? '')) return HIDE
  }
  if (rules.referrer.length > 0 && !rules.referrer.some((p) => matchesUrl(p, ctx.referrer))) return HIDE
  const showInMs = Math.max(
    0,
    rules.delaySeconds * 1000 - ctx.sinceLoadMs,
    rules.timeOnPageSeconds * 1000 - ctx.timeOnPageMs,
  )
  const welcome = rules.proactive.find((p) => onPage(p.page))
  if (!welcome) return { show: true, showInMs }
  const inMs = Math.max(showInMs, welcome.delaySeconds * 1000 - ctx.timeOnPageMs)
  return { show: true, showInMs, proactive: { message: welcome.message, inMs } }
}

/** A visitor first seen more than this long ago is "returning" (a new visit, not a reload). */
export const RETURNING_AFTER_MS = 30 * 60_000

export function isReturningVisitor(firstSeenAt: number | null, now: number): boolean {
  return firstSeenAt !== null && now - firstSeenAt >= RETURNING_AFTER_MS
}

/** UTM tags from the page address. */
export function utmOf(url: string): RuleContext['utm'] {
  let params: URLSearchParams
  try {
    params = new URL(url).searchParams
  } catch {
    return {}
  }
  const utm: RuleContext['utm'] = {}
  for (const key of ['source', 'medium', 'campaign'] as const) {
    const value = params.get(`utm_${key}`)
    if (value !== null) utm[key] = value
  }
  return utm
}
