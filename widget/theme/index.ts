export { contrastRatio, DEFAULT_COLOR, luminance, onColor, safeColor } from './contrast.ts'
