import { describe, expect, it } from 'vitest'
import { sniffContent } from './sniff.ts'
import * as f from './test-files.ts'

describe('sniffContent (issue 5, item 4: type by content, not by name)', () => {
  it.each([
    ['png', f.PNG, 'image/png'],
    ['jpeg', f.JPEG, 'image/jpeg'],
    ['gif', f.GIF, 'image/gif'],
    ['webp', f.WEBP, 'image/webp'],
    ['pdf', f.PDF, 'application/pdf'],
    ['docx', f.DOCX, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['xlsx', f.XLSX, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['mp3', f.MP3, 'audio/mpeg'],
    ['mp3', f.MP3_NO_TAG, 'audio/mpeg'],
    ['mp4', f.MP4, 'video/mp4'],
    ['m4a', f.M4A, 'audio/mp4'],
    ['text', f.TEXT, 'text/plain; charset=utf-8'],
  ])('recognises %s', (kind, bytes, contentType) => {
    expect(sniffContent(bytes)).toMatchObject({ kind, contentType })
  })

  it.each([
    ['HTML', f.HTML],
    ['SVG', f.SVG],
    ['text with a script inside', f.SCRIPT_IN_TEXT],
    ['a Windows executable', f.EXE],
    ['a zip that is not an Office document', f.PLAIN_ZIP],
    ['invalid UTF-8', f.INVALID_UTF8],
    ['an empty file', new Uint8Array(0)],
    ['binary with NUL bytes', new Uint8Array([0x61, 0, 0x62])],
  ])('refuses %s', (_name, bytes) => {
    expect(sniffContent(bytes)).toBeUndefined()
  })

  it('refuses HTML after leading white space and a BOM', () => {
    const bytes = new TextEncoder().encode('\ufeff  \n <HTML><body>hi</body></HTML>')
    expect(sniffContent(bytes)).toBeUndefined()
  })

  it('a truncated signature is not enough', () => {
    expect(sniffContent(new Uint8Array([0x89, 0x50, 0x4e]))).toBeUndefined()
    expect(sniffContent(new TextEncoder().encode('GIF8'))).toMatchObject({ kind: 'text' })
  })
})
