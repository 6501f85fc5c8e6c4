import { describe, expect, it } from 'vitest'
import { contrastRatio, readableTextColor } from './text-color.ts'

describe('readableTextColor', () => {
  it.each([
    ['#1f6feb', '#ffffff'],
    ['#ffcc00', '#000000'],
    ['#000000', '#ffffff'],
    ['#ffffff', '#000000'],
    ['#777777', '#000000'],
    ['#767676', '#000000'],
    ['#b3261e', '#ffffff'],
    ['#00ff00', '#000000'],
  ])('on %s → %s', (background, text) => {
    expect(readableTextColor(background)).toBe(text)
  })

  it('always reaches WCAG AA (4.5:1) for normal text', () => {
    for (let v = 0; v < 256 ** 3; v += 7919) {
      const hex = `#${v.toString(16).padStart(6, '0')}`
      expect(contrastRatio(hex, readableTextColor(hex))).toBeGreaterThanOrEqual(4.5)
    }
  })

  it('computes the WCAG ratio', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21)
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2)
  })
})
