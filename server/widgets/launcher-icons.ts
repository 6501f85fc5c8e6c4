/**
 * Built-in launcher icons (issue 5, item 6) as SVG path data for a 24×24 stroked icon. The server
 * resolves the setting to a path, so the loader carries no icon set.
 */
import type { LAUNCHER_ICONS } from './settings-schema.ts'

export const LAUNCHER_ICON_PATHS: Record<(typeof LAUNCHER_ICONS)[number], string> = {
  chat: 'M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-4.9A8 8 0 1 1 21 12z',
  phone: 'M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2z',
  mail: 'M3 5h18v14H3zM3 6l9 7 9-7',
  question: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3M12 17h.01',
  none: '',
}
