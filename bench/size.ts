/**
 * `npm run size`: raw, gzip and brotli bytes of the built widget against bench/size-budget.ts.
 * Builds the widget first (Vite's build API, into dist/widget), so the numbers are always those of
 * the code as it is now, never of an older build left behind.
 */
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { measureWidget, overBudget, SIZE_BUDGET, type Sizes } from './size-budget.ts'

const dir = fileURLToPath(new URL('../dist/widget', import.meta.url))
const configFile = fileURLToPath(new URL('../widget/vite.config.ts', import.meta.url))

await build({ configFile, logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } })

const sizes = await measureWidget(dir)
const row = (name: string, s: Sizes, budget?: number) =>
  `${name.padEnd(34)}${String(s.raw).padStart(9)}${String(s.gzip).padStart(9)}${String(s.brotli).padStart(9)}${
    budget === undefined ? '' : `  / ${budget}`
  }`

console.log(`${'file'.padEnd(34)}${'raw'.padStart(9)}${'gzip'.padStart(9)}${'brotli'.padStart(9)}  budget`)
for (const file of sizes.files) console.log(row(file.file, file))
console.log(row('loader (on every page)', sizes.loader, SIZE_BUDGET.loaderBrotli))
console.log(row('whole widget (loader + chunks)', sizes.widget, SIZE_BUDGET.widgetBrotli))

const problems = overBudget(sizes)
if (problems.length > 0) {
  for (const problem of problems) console.error(`over budget: ${problem}`)
  process.exitCode = 1
} else {
  console.log('within budget')
}
