import { describe, expect, it } from 'vitest'
import { readTraits } from './events.ts'

describe("Openline('identify') with an identified id (issue 6, item 1)", () => {
  it('takes the id as a string, a number as a string, with its userHash', () => {
    expect(readTraits({ id: 'u-42', userHash: 'ab', email: 'a@b.c' })).toEqual({
      id: 'u-42',
      userHash: 'ab',
      email: 'a@b.c',
    })
    expect(readTraits({ id: 42 })).toEqual({ id: '42' })
    expect(readTraits({ id: null })).toEqual({ id: null })
  })

  it.each([{ id: '' }, { id: 'x'.repeat(129) }, { id: {} }, { id: Number.NaN }, { id: true }])(
    'says what id must be: %j',
    (value) => {
      expect(() => readTraits(value)).toThrow(/id as a string of 1-128 characters or a number/)
    },
  )

  it('does not change the object the page passed', () => {
    const traits = { id: 7 }
    readTraits(traits)
    expect(traits).toEqual({ id: 7 })
  })
})
