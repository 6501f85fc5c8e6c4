import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

// index.html is served by the Openline server at /chat/<slug>; its assets live under /public-page/.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/public-page/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/public-page', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
})
