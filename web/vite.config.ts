/**
 * Vite configuration of the web workspace. The SPA is built into dist/web, which the server
 * serves with an index.html fallback for client routes; in development Vite proxies the API.
 */
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))
const apiTarget = process.env.CONCORD_API_URL ?? 'http://localhost:3000'

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: {
    alias: {
      '@core': `${repoRoot}core`,
      '@web': `${repoRoot}web/src`,
    },
  },
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // core/text/model.ts builds zod schemas at load (with `z…` and its `nfcString…`);
      // the browser uses only its plain functions (through the word diff). Building a
      // schema has no effect but its value, so unused schemas — and zod with them, about
      // 250 kB — stay out of the bundle. A schema the browser does use is kept as usual.
      treeshake: { manualPureFunctions: ['z', 'nfcString'] },
    },
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/health': apiTarget,
      '/ready': apiTarget,
    },
  },
})
