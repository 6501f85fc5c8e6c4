import { afterEach, describe, expect, it } from 'vitest'
import { encodeJson } from './json-encode.ts'

const samples: unknown[] = [
  { type: 'message.send', id: 'a1', conversationId: 'c1', body: 'Hello "world" \\ \n\t\r\u0001 é 😀 \u2028' },
  { type: 'message.read', id: 'x', conversationId: 'c', seq: 12 },
  { widgetId: 'w', context: { page: 'https://e.com/?a=1', device: 'phone', skip: undefined } },
  [1, 'two', null, true, false, { a: [] }],
  { n: -0.5, big: 1e21, nan: Number.NaN },
]

describe('encodeJson', () => {
  it.each(samples)('matches JSON.stringify for %j', (value) => {
    expect(encodeJson(value)).toBe(JSON.stringify(value))
  })

  it('escapes every control character like JSON.stringify does', () => {
    const s = `${Array.from({ length: 0x30 }, (_, i) => String.fromCharCode(i)).join('')}"\\\u007f`
    expect(encodeJson({ [s]: s })).toBe(JSON.stringify({ [s]: s }))
  })

  it('escapes lone surrogates like JSON.stringify does', () => {
    const s = 'a\ud800b\udc00 \udc00\ud800 😀\ud83d'
    expect(encodeJson(s)).toBe(JSON.stringify(s))
    expect(JSON.parse(encodeJson(s))).toBe(s)
  })

  describe('on a page that patched the globals', () => {
    const original = JSON.stringify
    afterEach(() => {
      JSON.stringify = original
      delete (Array.prototype as { toJSON?: unknown }).toJSON
    })

    it('still produces the right frame', () => {
      // What Prototype.js 1.6 did, and what some analytics snippets do to JSON.stringify.
      Object.defineProperty(Array.prototype, 'toJSON', { value: () => 'broken', configurable: true })
      JSON.stringify = () => '{"hijacked":true}'
      const frame = { type: 'message.send', id: 'a', body: 'hi', list: [1, 2] }
      expect(JSON.parse(encodeJson(frame))).toEqual(frame)
    })
  })
})
