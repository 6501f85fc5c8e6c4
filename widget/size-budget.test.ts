import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { measureWidget, overBudget, SIZE_BUDGET, type WidgetSizes } from '../bench/size-budget.ts'

// `npm test` enforces the budgets of bench/size-budget.ts on a fresh build of the widget.
describe('widget size budget', () => {
  let outDir = ''
  let sizes: WidgetSizes

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'openline-widget-size-'))
    await build({
      configFile: fileURLToPath(new URL('./vite.config.ts', import.meta.url)),
      build: { outDir, emptyOutDir: true },
      logLevel: 'silent',
    })
    sizes = await measureWidget(outDir)
  })

  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true })
  })

  it('keeps the loader within its brotli budget', () => {
    expect(sizes.loader.brotli).toBeLessThanOrEqual(SIZE_BUDGET.loaderBrotli)
  })

  it('keeps the whole widget within its brotli budget', () => {
    expect(sizes.widget.brotli).toBeLessThanOrEqual(SIZE_BUDGET.widgetBrotli)
    expect(overBudget(sizes)).toEqual([])
  })

  it('ships a stable loader.js and lazily loaded, hashed chunks that do not import the loader back', async () => {
    const names = sizes.files.map((f) => f.file)
    expect(names).toContain('loader.js')
    const chunks = names.filter((n) => n !== 'loader.js')
    expect(chunks.length).toBeGreaterThan(0)
    const loader = await readFile(join(outDir, 'loader.js'), 'utf8')
    const sources = await Promise.all(chunks.map((c) => readFile(join(outDir, c), 'utf8')))
    for (const chunk of chunks) {
      expect(chunk).toMatch(/-[\w-]{8}\.js$/)
      // Imported lazily: by the loader, or (the callback and form panels, issue 5) by the panel chunk.
      const base = chunk.replace('chunks/', '')
      const lazily = [loader, ...sources].some(
        (c) => c.includes(`import(\`./${chunk}\`)`) || c.includes(`import(\`./${base}\`)`),
      )
      expect(lazily, chunk).toBe(true)
      // A chunk importing loader.js would re-run it from a different URL when a page adds ?v=… to it.
      const code = await readFile(join(outDir, chunk), 'utf8')
      expect(code).not.toContain('loader.js')
      // Production JSX: development JSX would tag every element with its file name and line.
      expect(code).not.toContain('lineNumber')
    }
    // No Vite preload helper: it would add <link rel=modulepreload> on the host page's origin.
    expect(loader).not.toContain('modulepreload')
  })
})

describe('overBudget', () => {
  it('names each budget that is exceeded', () => {
    const at = (brotli: number) => ({ raw: brotli, gzip: brotli, brotli })
    expect(overBudget({ loader: at(2049), widget: at(25_601), files: [] })).toEqual([
      'loader.js is 2049 B brotli, budget 2048 B',
      'the whole widget is 25601 B brotli, budget 25600 B',
    ])
    expect(overBudget({ loader: at(2048), widget: at(25_600), files: [] })).toEqual([])
  })
})
