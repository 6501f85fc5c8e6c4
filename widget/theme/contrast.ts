/**
 * WCAG 2 contrast: text on the business's main colour is black or white, whichever contrasts more
 * (one of them always reaches at least 4.58:1, so AA for normal text holds for any colour). Kept
 * tiny: the loader carries it.
 */
export const DEFAULT_COLOR = '#1f6feb'

/** Relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  let sum = 0
  for (let i = 0; i < 3; i++) {
    const c = Number.parseInt(hex.substr(1 + 2 * i, 2), 16) / 255
    sum += [0.2126, 0.7152, 0.0722][i]! * (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
  }
  return sum
}

export function contrastRatio(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)]
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05)
}

/** Black contrast (L + 0.05) / 0.05 equals white contrast 1.05 / (L + 0.05) at L ≈ 0.179. */
export function onColor(hex: string): '#000000' | '#ffffff' {
  return luminance(hex) > 0.179 ? '#000000' : '#ffffff'
}

/** Settings are validated server-side; this keeps a junk value from reaching a CSS property anyway. */
export function safeColor(hex: string | undefined): string {
  return hex && /^#[0-9a-f]{6}$/i.test(hex) ? hex : DEFAULT_COLOR
}
