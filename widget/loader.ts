/**
 * Entry of dist/widget/loader.js — a stable name the snippet points at. Keep it tiny (budget in
 * bench/size-budget.ts): the panel and the display rules arrive as separate, hashed chunks.
 */
import { boot } from './boot/boot.ts'

boot({
  window,
  document,
  scriptUrl: import.meta.url,
  // Destructured: the bundler then hands over the chunk's own export instead of building a module
  // namespace object for start.tsx (a helper in the chunk, ~50 B brotli).
  loadApp: () => import('./app/start.tsx').then(({ start }) => ({ start })),
  loadRules: () => import('./rules/index.ts'),
  locale: navigator.language,
  fetch: (url) => fetch(url),
})
