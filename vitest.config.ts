import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url))

export default defineConfig({
  resolve: {
    alias: {
      '@core': r('./core'),
      '@server': r('./server'),
      '@web': r('./web/src'),
      '@test': r('./test'),
    },
  },
  test: {
    include: ['core/**/*.test.ts', 'server/**/*.test.ts', 'test/api/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'test/e2e/**'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
