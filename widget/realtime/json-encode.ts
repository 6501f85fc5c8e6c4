/**
 * A small JSON encoder for our own frames and request bodies. The widget runs inside somebody
 * else's page, and pages do patch `JSON.stringify` or add `Array.prototype.toJSON` (old Prototype.js
 * did): capturing the global at load time would not help when the patch came first, so the widget
 * never depends on it.
 */
export function encodeJson(value: unknown): string {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'string':
      return quote(value)
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null'
    case 'boolean':
      return value ? 'true' : 'false'
    case 'object': {
      if (Array.isArray(value))
        return `[${value.map((v) => (skipped(v) ? 'null' : encodeJson(v))).join(',')}]`
      const record = value as Record<string, unknown>
      const keys = Object.keys(record).filter((k) => !skipped(record[k]))
      return `{${keys.map((k) => `${quote(k)}:${encodeJson(record[k])}`).join(',')}}`
    }
    default:
      throw new TypeError(`Openline: cannot encode a ${typeof value} as JSON`)
  }
}

const skipped = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol'

const ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
}

/**
 * With the `u` flag a surrogate pair is one code point, so the class matches only lone surrogates,
 * which JSON.stringify escapes (well-formed JSON.stringify, ES2019) — as does every control character.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must be escaped.
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/gu

const quote = (s: string): string =>
  `"${s.replace(ESCAPED, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`
