/**
 * Size budgets of the embeddable widget (issue "Chat end to end") — the one place they are set.
 * widget/size-budget.test.ts fails `npm test` when a fresh build exceeds them; `npm run size` reports.
 * The loader is on every page of every customer's site, so it is held to 2 KB brotli; everything
 * else loads lazily (first click or idle time after the page's load event).
 */
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

export const SIZE_BUDGET = {
  /** dist/widget/loader.js, brotli-compressed. */
  loaderBrotli: 2048,
  /** The loader plus every chunk and asset the panel needs, each brotli-compressed, summed. */
  widgetBrotli: 25_600,
} as const

export interface Sizes {
  raw: number
  gzip: number
  brotli: number
}

export interface WidgetSizes {
  loader: Sizes
  widget: Sizes
  files: (Sizes & { file: string })[]
}

function sizesOf(bytes: Buffer): Sizes {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

/** Measures a built widget directory (the output of `vite build --config widget/vite.config.ts`). */
export async function measureWidget(dir: string): Promise<WidgetSizes> {
  const paths = (await listFiles(dir)).filter((p) => !p.endsWith('.map')).sort()
  const files = await Promise.all(
    paths.map(async (path) => ({ file: relative(dir, path), ...sizesOf(await readFile(path)) })),
  )
  const loader = files.find((f) => f.file === 'loader.js')
  if (!loader) throw new Error(`${dir} holds no loader.js: build the widget first`)
  const sum = (key: keyof Sizes) => files.reduce((n, f) => n + f[key], 0)
  return { loader, widget: { raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') }, files }
}

/** Human-readable budget violations; empty when everything fits. */
export function overBudget(sizes: WidgetSizes): string[] {
  const problems: string[] = []
  if (sizes.loader.brotli > SIZE_BUDGET.loaderBrotli) {
    problems.push(`loader.js is ${sizes.loader.brotli} B brotli, budget ${SIZE_BUDGET.loaderBrotli} B`)
  }
  if (sizes.widget.brotli > SIZE_BUDGET.widgetBrotli) {
    problems.push(`the whole widget is ${sizes.widget.brotli} B brotli, budget ${SIZE_BUDGET.widgetBrotli} B`)
  }
  return problems
}
