/**
 * Compiles the widget's JSX to Preact's `createElement(type, props, ...children)` (the "classic"
 * runtime) instead of `jsx(type, { ...props, children })`: no `children:` key per element and no
 * preact/jsx-runtime module — ~300 B brotli less for the same vnodes (issue "widget size"). The
 * runtime's names are injected into each .tsx module only: a plain .ts module must not import
 * Preact (the display-rules chunk has none).
 */
import type { Plugin, UserConfig } from 'vite'

const H = '__olH'
const FRAGMENT = '__olF'

export function classicJsx(): Plugin {
  return {
    name: 'openline:classic-jsx',
    enforce: 'pre',
    config: (): UserConfig => ({
      oxc: { jsx: { runtime: 'classic', pragma: H, pragmaFrag: FRAGMENT, development: false } },
    }),
    transform(code, id) {
      if (!(id.split('?')[0] ?? '').endsWith('.tsx')) return null
      return {
        code: `import { createElement as ${H}, Fragment as ${FRAGMENT} } from 'preact';${code}`,
        map: null,
      }
    },
  }
}
