import type { WidgetSettings } from '../../server/widgets/settings-schema.ts'
import { onColor, safeColor } from '../theme/contrast.ts'

/** The main colour and the text colour on it, as the CSS custom properties the stylesheet reads. */
export function themeStyle(color: string | undefined): Record<string, string> {
  const main = safeColor(color)
  return { '--ol-color': main, '--ol-on-color': onColor(main) }
}

export type ThemeMode = WidgetSettings['theme']
