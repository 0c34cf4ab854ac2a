// `npm test`: every suite against real parts, then one closing line `N passed, N failed`.
//  1. unit + API tests on SQLite (embedded default)
//  2. the API and database tests again on PostgreSQL (CONCORD_TEST_DB=postgres)
//  3. browser journeys in Debian's Chromium (test/e2e)
// Set CONCORD_TEST_ONLY=sqlite|postgres|e2e (comma-separated) to run a subset.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'

const out = path.resolve('test/artifacts')
mkdirSync(out, { recursive: true })
const only = process.env.CONCORD_TEST_ONLY?.split(',').map((s) => s.trim())
const pgUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

const suites = [
  { name: 'sqlite', args: [], env: { CONCORD_TEST_DB: 'sqlite' } },
  {
    name: 'postgres',
    args: ['server', 'test/api'],
    env: { CONCORD_TEST_DB: 'postgres', DATABASE_URL: pgUrl },
  },
  {
    name: 'e2e',
    args: ['--config', 'test/e2e/vitest.config.ts'],
    env: {},
    when: () => existsSync('test/e2e/vitest.config.ts'),
  },
].filter((s) => (!only || only.includes(s.name)) && (!s.when || s.when()))

let passed = 0
let failed = 0
const lines = []
for (const suite of suites) {
  const report = path.join(out, `vitest-${suite.name}.json`)
  rmSync(report, { force: true })
  console.log(`\n=== ${suite.name} ===`)
  const env = { ...process.env, ...suite.env }
  if (suite.name === 'sqlite') delete env.DATABASE_URL
  const run = spawnSync(
    process.execPath,
    [
      'node_modules/vitest/vitest.mjs',
      'run',
      ...suite.args,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { stdio: 'inherit', env },
  )
  let p = 0
  let f = 0
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8'))
    p = r.numPassedTests
    f = r.numFailedTests
    // A suite that failed to load (syntax error, missing service) counts as a failure.
    if (run.status !== 0 && f === 0) f = Math.max(1, r.numFailedTestSuites ?? 1)
  } else if (run.status !== 0) {
    f = 1
  }
  passed += p
  failed += f
  lines.push(`${suite.name}: ${p} passed, ${f} failed`)
}
console.log(`\n${lines.join('\n')}`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
