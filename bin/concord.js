#!/usr/bin/env node
// The `concord` command: runs the bundled server (npm run build produces dist/server).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const bundle = fileURLToPath(new URL('../dist/server/concord.js', import.meta.url))
if (!existsSync(bundle)) {
  process.stderr.write('concord: the server is not built yet; run `npm run build` first.\n')
  process.exit(1)
}
const { main } = await import(bundle)
await main(process.argv)
