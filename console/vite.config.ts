import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

// Served by the Openline server at /console/ (SPA fallback to index.html), issue "Chat end to end".
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/console', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
})
