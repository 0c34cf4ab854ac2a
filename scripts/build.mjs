// Builds the server bundle (dist/server/concord.js, esbuild) and the web app (dist/web, Vite).
// Dependencies stay external: they are installed by npm ci and loaded from node_modules.
import { existsSync } from 'node:fs'
import { build } from 'esbuild'

const started = Date.now()
await build({
  entryPoints: ['server/cli/main.ts'],
  outfile: 'dist/server/concord.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
})
console.log(`server bundle built in ${Date.now() - started} ms`)

if (existsSync('web/vite.config.ts') && !process.argv.includes('--server-only')) {
  const { build: viteBuild } = await import('vite')
  await viteBuild({ configFile: 'web/vite.config.ts', logLevel: 'warn' })
  console.log(`web app built in ${Date.now() - started} ms`)
}
