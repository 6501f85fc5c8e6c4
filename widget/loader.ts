/**
 * Entry of dist/widget/loader.js — a stable name the snippet points at. Keep it tiny (budget in
 * bench/size-budget.ts): the panel arrives as a separate, hashed chunk.
 */
import { boot } from './boot/boot.ts'

boot({
  window,
  document,
  scriptUrl: import.meta.url,
  loadApp: () => import('./app/start.tsx'),
  fetch: (url) => fetch(url),
})
