// `npm run bench` runs every benchmark; `npm run bench -- <name>...` runs some.
// `--profile` runs our server under --cpu-prof (api.document_read) and prints the top
// self-time functions; its figures are then not recorded. Results merge into
// bench/results.json (an object keyed by benchmark name).
import { ensureBuilt, writeResult } from '../bench/lib.mjs'

const BENCHMARKS = {
  'api.document_read': () => import('../bench/api-document-read.mjs'),
  'startup.cold': () => import('../bench/startup-cold.mjs'),
  'redline.1pct': () => caseOf('../bench/redline.mjs', '1pct'),
  'redline.10pct': () => caseOf('../bench/redline.mjs', '10pct'),
  'redline.rewrite': () => caseOf('../bench/redline.mjs', 'rewrite'),
  'table.json': () => import('../bench/table-json.mjs'),
  'table.docx': () => import('../bench/table-docx.mjs'),
  'table.pdf': () => import('../bench/table-pdf.mjs'),
  'consensus.engine': () => import('../bench/consensus.mjs'),
  'portal.news_page': () => import('../bench/portal-news-page.mjs'),
}

/** A module that runs several cases: `run({ ...opts, case })`. */
async function caseOf(modulePath, name) {
  const mod = await import(modulePath)
  return { run: (opts) => mod.run({ ...opts, case: name }) }
}

const args = process.argv.slice(2)
const profile = args.includes('--profile')
const names = args.filter((a) => !a.startsWith('--'))
const unknown = names.filter((n) => !(n in BENCHMARKS))
if (unknown.length) {
  process.stderr.write(
    `bench: unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}\n`,
  )
  process.exit(2)
}

ensureBuilt()
let failed = false
for (const name of names.length ? names : Object.keys(BENCHMARKS)) {
  try {
    const bench = await BENCHMARKS[name]()
    const { entry, summary, profileSummary, record } = await bench.run({ profile })
    if (record) writeResult(entry)
    if (profileSummary) process.stdout.write(`${profileSummary}\n`)
    process.stdout.write(`${summary}${record ? '' : ' (not recorded)'}\n`)
  } catch (err) {
    failed = true
    process.stderr.write(`${name}: ERROR ${err instanceof Error ? err.stack : String(err)}\n`)
  }
}
process.exit(failed ? 1 : 0)
