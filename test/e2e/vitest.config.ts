/**
 * Browser tests: one file per user journey, run one file at a time against the real
 * server (built into dist/) and Debian's chromium driven by playwright-core.
 */
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

export default defineConfig({
  root: repoRoot,
  resolve: {
    alias: {
      '@core': `${repoRoot}core`,
      '@web': `${repoRoot}web/src`,
      '@test': `${repoRoot}test`,
    },
  },
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Building dist/ and starting the server with its demo can take a while on 2 cores.
    hookTimeout: 240_000,
    fileParallelism: false,
  },
})
