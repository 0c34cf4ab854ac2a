// One measurement of the redline benchmark in a fresh process (bench/redline.mjs):
//   node --expose-gc bench/redline-child.mjs <mode> <dataDir> <bundle>
// mode: ours (diffContents on the two contents), ours-flat (diffWords on the plain texts),
// jsdiff, dmp, fast-diff (on the plain texts). Inputs are read before the clock starts;
// prints one JSON line: { ms, cpuMs, maxRssMiB, baseRssMiB, ... }.
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const [mode, dir, bundle] = process.argv.slice(2)
const read = (name) => fs.readFileSync(path.join(dir, name), 'utf8')

let fn
let check = () => ({})
if (mode === 'ours' || mode === 'ours-flat') {
  const diff = await import(pathToFileURL(bundle).href)
  if (mode === 'ours') {
    const a = JSON.parse(read('a.json'))
    const b = JSON.parse(read('b.json'))
    fn = () => diff.diffContents(a, b, 'ru')
    check = (changes) => {
      // Every change's ops give back both provision texts.
      const textOf = (content) =>
        new Map(content.body.map((p) => [p.eid, p.text.ru.map((r) => r.text).join('')]))
      const ta = textOf(a)
      const tb = textOf(b)
      let ops = 0
      for (const c of changes) {
        const { from, to } = diff.opsSides(c.ops)
        if (from !== (ta.get(c.eid) ?? '') || to !== (tb.get(c.eid) ?? '')) {
          throw new Error(`ops of ${c.eid} do not give back its texts`)
        }
        ops += c.ops.length
      }
      return { stats: diff.redlineStats(changes), ops, verified: true }
    }
  } else {
    const a = read('a.txt')
    const b = read('b.txt')
    fn = () => diff.diffWords(a, b)
    check = (ops) => {
      if (diff.applyOps(a, ops) !== b) throw new Error('diffWords ops do not give back b')
      return { ops: ops.length, verified: true }
    }
  }
} else {
  const a = read('a.txt')
  const b = read('b.txt')
  if (mode === 'jsdiff') {
    const { diffWordsWithSpace } = await import('diff')
    fn = () => diffWordsWithSpace(a, b)
  } else if (mode === 'dmp') {
    const DiffMatchPatch = (await import('diff-match-patch')).default
    const dmp = new DiffMatchPatch()
    dmp.Diff_Timeout = 0 // no time limit: a complete diff (the parent caps the run)
    fn = () => {
      const diffs = dmp.diff_main(a, b)
      dmp.diff_cleanupSemantic(diffs)
      return diffs
    }
  } else if (mode === 'fast-diff') {
    const diff = (await import('fast-diff')).default
    fn = () => diff(a, b)
  } else {
    throw new Error(`unknown mode ${mode}`)
  }
  check = (ops) => ({ ops: ops.length })
}

// The inputs just parsed sit in the young generation: collect now (the parent runs us
// with --expose-gc), so that copying them is not charged to the measured call.
globalThis.gc?.()
const baseRssMiB = process.memoryUsage().rss / 2 ** 20
const cpuStarted = process.cpuUsage()
const started = performance.now()
const result = fn()
const ms = performance.now() - started
const cpu = process.cpuUsage(cpuStarted)
// CPU time of all the process's threads (JIT compiler and GC helpers included) during the call.
const cpuMs = (cpu.user + cpu.system) / 1000
const maxRssMiB = process.resourceUsage().maxRSS / 1024
let warmMs = null
if (mode === 'ours') {
  // A second call in the same process, for reference (JIT warm).
  const again = performance.now()
  fn()
  warmMs = performance.now() - again
}
const summary = check(result)
process.stdout.write(`${JSON.stringify({ mode, ms, cpuMs, maxRssMiB, baseRssMiB, warmMs, ...summary })}\n`)
