import { defineConfig } from 'vitest/config'

// One runner for the whole repository. Unit tests sit next to the code (`*.test.ts[x]`), end-to-end
// and browser tests under `tests/`. Component tests opt into a DOM with a
// `// @vitest-environment happy-dom` pragma, so server tests stay on plain Node.
export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/.data/**'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Two cores: keep parallelism modest so real servers, PostgreSQL and Chromium are not starved.
    maxWorkers: 2,
    fileParallelism: true,
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
})
