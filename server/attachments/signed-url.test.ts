import { describe, expect, it } from 'vitest'
import { type DownloadGrant, signDownload, verifyDownload } from './signed-url.ts'

const SECRET = 'test-secret-that-is-at-least-32-characters'
const grant: DownloadGrant = { workspaceId: 'w1', attachmentId: 'a1', visitorId: 'v1', expiresAt: 1_000 }

describe('signed download links', () => {
  const sig = signDownload(SECRET, grant)
  it('verifies until the expiry, not after', () => {
    expect(verifyDownload(SECRET, grant, sig, 999)).toBe(true)
    expect(verifyDownload(SECRET, grant, sig, 1_000)).toBe(true)
    expect(verifyDownload(SECRET, grant, sig, 1_001)).toBe(false)
  })
  it('breaks when any part is changed', () => {
    for (const changed of [
      { ...grant, attachmentId: 'a2' },
      { ...grant, visitorId: 'v2' },
      { ...grant, workspaceId: 'w2' },
      { ...grant, expiresAt: 2_000 },
    ]) {
      expect(verifyDownload(SECRET, changed, sig, 0)).toBe(false)
    }
    expect(verifyDownload('another-secret-that-is-at-least-32-chars', grant, sig, 0)).toBe(false)
    expect(verifyDownload(SECRET, grant, `${sig.slice(0, -2)}AA`, 0)).toBe(false)
    expect(verifyDownload(SECRET, grant, '', 0)).toBe(false)
    expect(verifyDownload(SECRET, { ...grant, expiresAt: Number.NaN }, sig, 0)).toBe(false)
  })
})
