import { describe, expect, it } from 'vitest'
import { kib, ms, renderTable, times } from './format.ts'

describe('renderTable', () => {
  it('aligns the label column left and the numbers right', () => {
    const text = renderTable(
      'T',
      ['what', 'p50'],
      [
        ['floor', '0.41'],
        ['openline delivery', '12.3'],
      ],
    )
    const lines = text.split('\n')
    expect(lines[0]).toBe('T')
    expect(lines[2]).toBe('what                p50')
    expect(lines[4]).toBe('floor              0.41')
    expect(lines[5]).toBe('openline delivery  12.3')
  })
})

describe('number formats', () => {
  it('shows missing values as a dash, not NaN', () => {
    expect(ms(Number.NaN)).toBe('—')
    expect(times(Number.POSITIVE_INFINITY)).toBe('—')
    expect(ms(0.4567)).toBe('0.46')
    expect(ms(123.45)).toBe('123.5')
    expect(kib(3584)).toBe('3.5 KiB')
  })
})
