/**
 * Makes the widget immune to a host page that replaced `window.Promise` (old polyfills, zone-style
 * wrappers, or worse): every bare `Promise` in the widget's modules — ours and Preact's —
 * is rewritten to the engine's own %Promise%, taken from an async function's result,
 * which no page script can swap. Issue "Chat end to end", item 3 (hostile host pages).
 */
import type { Plugin } from 'vite'

const LOCAL = '__olPromise'
/** `Promise` as an identifier: not a property (`x.Promise`), not inside a word, not an object key. */
const BARE_PROMISE = /(?<![.\w$'"`])Promise\b(?!\s*:[^:])/g

export function rewritePromise(code: string): string | null {
  const replaced = code.replace(BARE_PROMISE, LOCAL)
  if (replaced === code) return null
  return `const ${LOCAL} = (async () => {})().constructor;\n${replaced}`
}

export function intrinsicPromise(): Plugin {
  return {
    name: 'openline:intrinsic-promise',
    enforce: 'post',
    transform(code, id) {
      if (!/\.(m?js|tsx?)$/.test(id.split('?')[0] ?? '')) return null
      const rewritten = rewritePromise(code)
      return rewritten === null ? null : { code: rewritten, map: null }
    },
  }
}
