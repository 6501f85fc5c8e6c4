/**
 * What a file really is, from its first bytes (issue "One button, three ways", item 4: "type
 * allow-list checked by content, not by extension"). The file name and the Content-Type the client
 * sends are never consulted: a `.png` holding HTML is HTML, and HTML is not on the list.
 *
 * Pure: bytes in, verdict out. Only what is listed here may be stored; everything else is refused.
 */

export type SniffedKind =
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'webp'
  | 'pdf'
  | 'docx'
  | 'xlsx'
  | 'mp3'
  | 'mp4'
  | 'm4a'
  | 'text'

export interface Sniffed {
  kind: SniffedKind
  /** The Content-Type the file is served with. */
  contentType: string
  /** Extensions that name this kind; the first is appended when the file's name has none of them. */
  extensions: readonly string[]
}

const KINDS: Record<SniffedKind, Omit<Sniffed, 'kind'>> = {
  png: { contentType: 'image/png', extensions: ['png'] },
  jpeg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jfif'] },
  gif: { contentType: 'image/gif', extensions: ['gif'] },
  webp: { contentType: 'image/webp', extensions: ['webp'] },
  pdf: { contentType: 'application/pdf', extensions: ['pdf'] },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
  },
  mp3: { contentType: 'audio/mpeg', extensions: ['mp3'] },
  mp4: { contentType: 'video/mp4', extensions: ['mp4', 'm4v'] },
  m4a: { contentType: 'audio/mp4', extensions: ['m4a'] },
  text: { contentType: 'text/plain; charset=utf-8', extensions: ['txt', 'csv', 'log', 'md'] },
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false
  return signature.every((b, i) => bytes[offset + i] === b)
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0))

function indexOfBytes(bytes: Uint8Array, needle: readonly number[]): number {
  const first = needle[0]
  outer: for (let i = bytes.indexOf(first ?? 0); i !== -1 && i <= bytes.length - needle.length; ) {
    for (let j = 1; j < needle.length; j++) {
      if (bytes[i + j] !== needle[j]) {
        i = bytes.indexOf(first ?? 0, i + 1)
        continue outer
      }
    }
    return i
  }
  return -1
}

/**
 * Office Open XML is a zip whose entries name the document part. Every entry's name appears in the
 * zip's central directory, so a byte search finds `word/` or `xl/` parts however the zip was written
 * (with or without data descriptors). Plain zips (which could carry anything) are not allowed.
 */
function sniffZip(bytes: Uint8Array): SniffedKind | undefined {
  if (indexOfBytes(bytes, ascii('[Content_Types].xml')) === -1) return undefined
  if (indexOfBytes(bytes, ascii('word/document.xml')) !== -1) return 'docx'
  if (indexOfBytes(bytes, ascii('xl/workbook.xml')) !== -1) return 'xlsx'
  return undefined
}

function sniffIsoMedia(bytes: Uint8Array): SniffedKind | undefined {
  if (!startsWith(bytes, ascii('ftyp'), 4)) return undefined
  const brand = String.fromCharCode(...bytes.subarray(8, 12))
  return brand === 'M4A ' ? 'm4a' : 'mp4'
}

/** MPEG audio frame sync (11 set bits), layer III, with an ID3 tag or without. */
function isMp3(bytes: Uint8Array): boolean {
  if (startsWith(bytes, ascii('ID3'))) return true
  const [b0, b1] = [bytes[0] ?? 0, bytes[1] ?? 0]
  return b0 === 0xff && (b1 & 0xe0) === 0xe0 && (b1 & 0x06) === 0x02
}

/**
 * Tags browsers sniff as HTML or XML (WHATWG MIME Sniffing §7.1), plus SVG. A file starting with
 * one (after white space and an optional BOM), or containing a script anywhere, is refused even as
 * plain text: nosniff makes it harmless in a browser, but a downloaded `.html` opened from disk is not.
 */
const MARKUP = /^\s*<|<\s*(script|html|iframe|svg|object|embed|body|meta)\b/i

/** Control characters other than tab, line feed, form feed and carriage return mean binary. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is looked for
const BINARY_CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/

function isPlainText(bytes: Uint8Array): boolean {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return false
  }
  return !BINARY_CONTROL.test(text) && !MARKUP.test(text)
}

function detect(bytes: Uint8Array): SniffedKind | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp'
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf'
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(bytes)
  const media = sniffIsoMedia(bytes)
  if (media) return media
  if (isMp3(bytes)) return 'mp3'
  if (isPlainText(bytes)) return 'text'
  return undefined
}

/** The allowed kind of these bytes, or undefined when they are empty or not on the allow-list. */
export function sniffContent(bytes: Uint8Array): Sniffed | undefined {
  if (bytes.length === 0) return undefined
  const kind = detect(bytes)
  return kind && { kind, ...KINDS[kind] }
}

/** Every Content-Type the server may answer a download with (for the docs and tests). */
export const ALLOWED_CONTENT_TYPES: readonly string[] = Object.values(KINDS).map((k) => k.contentType)
