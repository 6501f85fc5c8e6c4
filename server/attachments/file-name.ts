/**
 * File names come from the uploader and end up in another person's download dialog, so they are
 * reduced to something inert: no path, no control or bidi-override characters (which can disguise
 * `exe.pdf` as `fdp.exe`), no characters file systems reject, bounded length, and an extension that
 * matches what the content really is (a PDF named `photo.png` is saved as `photo.png.pdf`).
 */
import type { Sniffed } from './sniff.ts'

export const MAX_NAME_CHARS = 120
const FALLBACK = 'file'

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed
const UNSAFE = /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
}

function truncate(name: string, max: number): string {
  const chars = [...name]
  if (chars.length <= max) return name
  const ext = extensionOf(name)
  const keep = ext && ext.length < 16 ? ext.length + 1 : 0
  return chars.slice(0, max - keep).join('') + (keep ? `.${ext}` : '')
}

/** The name to store and offer for download. */
export function sanitizeFileName(raw: string, sniffed: Sniffed): string {
  const base = raw.split(/[/\\]/).pop() ?? ''
  let name = base.normalize('NFC').replace(UNSAFE, '_').trim()
  name = name.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '')
  if (!name) name = FALLBACK
  if (!sniffed.extensions.includes(extensionOf(name))) name = `${name}.${sniffed.extensions[0]}`
  return truncate(name, MAX_NAME_CHARS)
}

/** RFC 6266 / RFC 8187: an ASCII fallback plus the exact UTF-8 name. */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_')
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`
}
