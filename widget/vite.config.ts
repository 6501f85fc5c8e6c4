/**
 * Builds the embeddable widget into dist/widget (served at /widget/): `loader.js` keeps a stable name
 * because businesses paste its URL; everything it imports lazily gets a content hash and can be
 * cached forever.
 */
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { intrinsicPromise } from './build/intrinsic-promise.ts'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig({
  root: here('.'),
  base: '/widget/',
  publicDir: false,
  logLevel: 'warn',
  plugins: [intrinsicPromise()],
  // There is no Preact plugin installed: Oxc compiles the JSX straight to preact's automatic runtime.
  // `development: false` because Vite derives it from NODE_ENV, which is "test" when the test
  // suite builds the widget, and dev JSX adds file names and line numbers to every element.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact', development: false } },
  build: {
    outDir: here('../dist/widget'),
    emptyOutDir: true,
    target: 'es2020',
    minify: true,
    reportCompressedSize: false,
    // Library mode: without it Vite wraps every dynamic import in its preload helper (~1 KB, and it
    // would add <link rel=modulepreload> with root-relative URLs to the host page, the wrong origin).
    // Chunks are imported relative to loader.js's own URL instead.
    lib: { entry: { loader: here('loader.ts') }, formats: ['es'] },
    rolldownOptions: {
      output: {
        // Library mode keeps whitespace and comments for the benefit of downstream bundlers; this is
        // shipped to browsers as is, so minify fully.
        minify: true,
        comments: false,
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
})
