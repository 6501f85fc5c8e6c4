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
    case 'object':
      return Array.isArray(value) ? encodeArray(value) : encodeObject(value as Record<string, unknown>)
    default:
      throw new TypeError(`Openline: cannot encode a ${typeof value} as JSON`)
  }
}

const skipped = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol'

function encodeArray(items: unknown[]): string {
  let out = '['
  for (let i = 0; i < items.length; i++) {
    const item = items[i]
    out += `${i ? ',' : ''}${skipped(item) ? 'null' : encodeJson(item)}`
  }
  return `${out}]`
}

function encodeObject(record: Record<string, unknown>): string {
  let out = '{'
  let first = true
  const keys = Object.keys(record)
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!
    const item = record[key]
    if (skipped(item)) continue
    out += `${first ? '' : ','}${quote(key)}:${encodeJson(item)}`
    first = false
  }
  return `${out}}`
}

const hex4 = (code: number): string => `\\u${code.toString(16).padStart(4, '0')}`

function quote(s: string): string {
  let out = '"'
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 0x22) out += '\\"'
    else if (c === 0x5c) out += '\\\\'
    else if (c < 0x20) out += c === 0x0a ? '\\n' : c === 0x0d ? '\\r' : c === 0x09 ? '\\t' : hex4(c)
    else if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(s.charCodeAt(i + 1))) out += s[i]! + s[++i]!
    else if (c >= 0xd800 && c <= 0xdfff) out += hex4(c)
    else out += s[i]
  }
  return `${out}"`
}

const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff
