import { describe, expect, it } from 'vitest'
import { contrastRatio, onColor, safeColor } from './contrast.ts'

describe('onColor', () => {
  it.each([
    '#1f6feb',
    '#ffcc00',
    '#000000',
    '#ffffff',
    '#777777',
    '#00ff00',
    '#e91e63',
    '#767676',
    '#808080',
  ])('keeps text on %s at 4.5:1 or better', (color) => {
    expect(contrastRatio(color, onColor(color))).toBeGreaterThanOrEqual(4.5)
  })

  it('picks black on light colours and white on dark ones', () => {
    expect(onColor('#ffcc00')).toBe('#000000')
    expect(onColor('#1f3a93')).toBe('#ffffff')
  })

  it('falls back to the default colour for junk', () => {
    expect(safeColor('red; background:url(x)')).toBe('#1f6feb')
    expect(safeColor('#ABCDEF')).toBe('#ABCDEF')
  })
})
