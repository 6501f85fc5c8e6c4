/**
 * Builds the browser apps once per test run so the browser tests always exercise the current
 * source (`npm test` must pass on a fresh clone without a separate build step).
 */
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

const CONFIGS = ['widget/vite.config.ts', 'console/vite.config.ts', 'public-page/vite.config.ts']

export default async function setup(): Promise<void> {
  for (const config of CONFIGS) {
    await build({ configFile: fileURLToPath(new URL(`../${config}`, import.meta.url)), logLevel: 'warn' })
  }
}
