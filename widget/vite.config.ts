/**
 * Builds the embeddable widget into dist/widget (served at /widget/): `loader.js` keeps a stable name
 * because businesses paste its URL; everything it imports lazily gets a content hash and can be
 * cached forever.
 */
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { classicJsx } from './build/classic-jsx.ts'
import { collapseCss } from './build/collapse-css.ts'
import { intrinsicPromise } from './build/intrinsic-promise.ts'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig({
  root: here('.'),
  base: '/widget/',
  publicDir: false,
  logLevel: 'warn',
  // There is no Preact plugin installed: classicJsx() has Oxc compile the JSX straight to Preact's
  // createElement (smaller than its automatic runtime), with `development: false` because Vite derives
  // it from NODE_ENV, which is "test" when the test suite builds the widget, and dev JSX adds file
  // names and line numbers to every element. collapseCss() drops the line breaks of *-css.ts.
  plugins: [classicJsx(), collapseCss(), intrinsicPromise()],
  build: {
    outDir: here('../dist/widget'),
    emptyOutDir: true,
    // Evergreen browsers only (Chrome/Edge/Firefox of the last two years, Safari 16.4+ for constructable
    // stylesheets): es2022 keeps class fields as written, es2020 lowered them through helpers.
    target: 'es2022',
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
