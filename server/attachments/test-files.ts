/** Minimal real-format samples for the attachment tests (not imported by production code). */
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0))

export const PNG = new Uint8Array([
  0x89,
  0x50,
  0x4e,
  0x47,
  0x0d,
  0x0a,
  0x1a,
  0x0a,
  0,
  0,
  0,
  13,
  ...ascii('IHDR'),
  0,
  0,
  0,
  1,
  0,
  0,
  0,
  1,
  8,
  6,
  0,
  0,
  0,
])
export const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, ...ascii('JFIF'), 0])
export const GIF = new Uint8Array([...ascii('GIF89a'), 1, 0, 1, 0, 0, 0, 0])
export const WEBP = new Uint8Array([...ascii('RIFF'), 26, 0, 0, 0, ...ascii('WEBPVP8 ')])
export const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n')
export const MP3 = new Uint8Array([...ascii('ID3'), 4, 0, 0, 0, 0, 0, 0])
export const MP3_NO_TAG = new Uint8Array([0xff, 0xfb, 0x90, 0x64, 0, 0])
export const MP4 = new Uint8Array([0, 0, 0, 24, ...ascii('ftypisom'), 0, 0, 2, 0, ...ascii('isomiso2')])
export const M4A = new Uint8Array([0, 0, 0, 24, ...ascii('ftypM4A '), 0, 0, 2, 0, ...ascii('isomiso2')])

/** A zip's local header followed by the entry names an Office document has. */
function officeZip(part: string): Uint8Array {
  return new Uint8Array([
    0x50,
    0x4b,
    0x03,
    0x04,
    20,
    0,
    0,
    0,
    ...ascii(`[Content_Types].xml....${part}....PK`),
  ])
}
export const DOCX = officeZip('word/document.xml')
export const XLSX = officeZip('xl/workbook.xml')
export const PLAIN_ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, ...ascii('evil.exe')])

export const TEXT = new TextEncoder().encode('Order #42\nПривет, zamówienie — 2 szt.\n')
export const HTML = new TextEncoder().encode(
  '<!doctype html><html><script>alert(document.cookie)</script></html>',
)
export const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
export const SCRIPT_IN_TEXT = new TextEncoder().encode('hello\n<script>alert(1)</script>')
export const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0])
export const INVALID_UTF8 = new Uint8Array([0x61, 0x62, 0xc3, 0x28, 0x63])
