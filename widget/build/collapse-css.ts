/**
 * Collapses the line breaks of the CSS the widget keeps in template literals (`*-css.ts` modules):
 * one rule per line reads well in the source and costs ~80 B brotli in the bundle (issue "widget
 * size"). Only whitespace runs that hold a line break are touched, so spaces inside values,
 * selectors and strings stay as written. Expressions (`${light}`) are left alone.
 */
import { type ESTree, type Plugin, parseSync, Visitor } from 'vite'

/** Next to these a line break means nothing in CSS; elsewhere (`.a\n.b`) it is a descendant combinator. */
const SEPARATOR = /[{};,>]/

/**
 * One quasi's raw text. `open`/`close`: whether the text starts the literal / ends it (rather than
 * meeting a `${…}` expression, whose value is unknown here).
 */
export function collapseCssText(raw: string, open = true, close = true): string {
  return raw.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s*\n\s*/g, (run, at: number, text: string) => {
    const before = at === 0 ? (open ? '{' : '') : text[at - 1]!
    const after = at + run.length === text.length ? (close ? '}' : '') : text[at + run.length]!
    return SEPARATOR.test(before) || SEPARATOR.test(after) ? '' : ' '
  })
}

/** Rewrites every template literal of a module; null when nothing changed. */
export function collapseCssModule(code: string, filename: string): string | null {
  const { program, errors } = parseSync(filename, code)
  if (errors.length > 0) throw new Error(`collapse-css: cannot parse ${filename}: ${errors[0]?.message}`)
  const edits: { start: number; end: number; text: string }[] = []
  new Visitor({
    TemplateLiteral(node: ESTree.TemplateLiteral) {
      node.quasis.forEach((q, i) => {
        // A quasi's span includes its delimiters: the opening ` or }, the closing ` or ${.
        const start = q.start + 1
        const end = q.end - (q.tail ? 1 : 2)
        const raw = code.slice(start, end)
        if (raw !== q.value.raw) throw new Error(`collapse-css: unexpected offsets in ${filename}`)
        const text = collapseCssText(raw, i === 0, q.tail)
        if (text !== raw) edits.push({ start, end, text })
      })
    },
  }).visit(program)
  if (edits.length === 0) return null
  let out = code
  for (const e of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, e.start) + e.text + out.slice(e.end)
  return out
}

/** Applies to `*-css.ts` modules only: they hold nothing but stylesheets. */
export function collapseCss(): Plugin {
  return {
    name: 'openline:collapse-css',
    transform(code, id) {
      const file = id.split('?')[0] ?? ''
      if (!file.endsWith('-css.ts')) return null
      const out = collapseCssModule(code, file)
      return out === null ? null : { code: out, map: null }
    },
  }
}
