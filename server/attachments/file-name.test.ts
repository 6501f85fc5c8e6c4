import { describe, expect, it } from 'vitest'
import { contentDisposition, MAX_NAME_CHARS, sanitizeFileName } from './file-name.ts'
import { sniffContent } from './sniff.ts'
import * as f from './test-files.ts'

const png = sniffContent(f.PNG)!
const pdf = sniffContent(f.PDF)!
const text = sniffContent(f.TEXT)!

describe('sanitizeFileName', () => {
  it('keeps an ordinary name', () => {
    expect(sanitizeFileName('Фото заказа.png', png)).toBe('Фото заказа.png')
    expect(sanitizeFileName('IMG.JPEG.png', png)).toBe('IMG.JPEG.png')
  })
  it('drops paths, control and bidi-override characters', () => {
    expect(sanitizeFileName('../../etc/passwd', text)).toBe('passwd.txt')
    expect(sanitizeFileName('C:\\Users\\x\\scan.pdf', pdf)).toBe('scan.pdf')
    expect(sanitizeFileName('invoice\u202Efdp.exe', pdf)).toBe('invoice_fdp.exe.pdf')
    expect(sanitizeFileName('a\u0000b\nc.png', png)).toBe('a_b_c.png')
    expect(sanitizeFileName('<b>"x"|y?.png', png)).toBe('_b__x__y_.png')
  })
  it('makes the extension match the content', () => {
    expect(sanitizeFileName('photo.png', pdf)).toBe('photo.png.pdf')
    expect(sanitizeFileName('page.html', text)).toBe('page.html.txt')
    expect(sanitizeFileName('notes', text)).toBe('notes.txt')
  })
  it('falls back to "file" and bounds the length, keeping the extension', () => {
    expect(sanitizeFileName('', png)).toBe('file.png')
    expect(sanitizeFileName(' ... ', png)).toBe('file.png')
    const long = sanitizeFileName(`${'я'.repeat(500)}.png`, png)
    expect([...long]).toHaveLength(MAX_NAME_CHARS)
    expect(long.endsWith('.png')).toBe(true)
  })
})

describe('contentDisposition', () => {
  it('is an attachment with an ASCII fallback and the exact UTF-8 name (RFC 6266, RFC 8187)', () => {
    expect(contentDisposition("Счёт (копия)'s.pdf")).toBe(
      `attachment; filename="____ (_____)'s.pdf"; filename*=UTF-8''%D0%A1%D1%87%D1%91%D1%82%20%28%D0%BA%D0%BE%D0%BF%D0%B8%D1%8F%29%27s.pdf`,
    )
  })
})
