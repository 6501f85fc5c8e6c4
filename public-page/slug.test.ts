import { describe, expect, it } from 'vitest'
import { slugFromPath } from './slug.ts'

describe('slugFromPath', () => {
  it('reads the slug of /chat/<slug>', () => {
    expect(slugFromPath('/chat/acme-shop')).toBe('acme-shop')
    expect(slugFromPath('/chat/acme_shop/')).toBe('acme_shop')
  })

  it('rejects anything else', () => {
    expect(slugFromPath('/chat/')).toBeNull()
    expect(slugFromPath('/chat/ab')).toBeNull()
    expect(slugFromPath('/chat/a/b')).toBeNull()
    expect(slugFromPath('/chat/%3Cscript%3E')).toBeNull()
    expect(slugFromPath('/console/')).toBeNull()
  })
})
