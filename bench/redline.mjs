// redline.1pct / redline.10pct / redline.rewrite: the provision-aligned redline
// (core/text/diff.ts diffContents) of a ~1,000,000-character Russian document against a
// copy with 1% or 10% scattered word edits, or with one ~50,000-character section
// rewritten and 20 provisions moved (bench/redline-data.mjs). Peers in the same run, on
// the whole plain texts (provisions joined by a blank line): jsdiff diffWordsWithSpace,
// diff-match-patch (diff_main + diff_cleanupSemantic), fast-diff, and
// `git diff --no-index --word-diff=porcelain` as the native floor. Every JavaScript
// measurement runs in a fresh `node` (bench/redline-child.mjs); peak RSS is its maxRSS.
// Ours and git: a warm-up run each, then 3 runs each, interleaved, medians; JS peers once,
// capped at 120 s (a timeout is recorded as such).
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'
import { machine, makeTempDir, median, ROOT, removeTempDir, round, spawnNode } from './lib.mjs'
import { baseDocument, editedDocument, toContent, toPlainText } from './redline-data.mjs'

const RUNS = 3
const GIT_VERSION = execFileSync('git', ['--version'], { encoding: 'utf8' }).trim()
const CAP_MS = 120_000
const GOAL_RATIO = 2
const GOAL_RSS_MIB = 100
const CHILD = path.join(ROOT, 'bench/redline-child.mjs')
const PEERS = [
  { mode: 'jsdiff', label: 'jsdiff diffWordsWithSpace', key: 'jsdiff' },
  { mode: 'dmp', label: 'diff-match-patch diff_main + diff_cleanupSemantic', key: 'dmp' },
  { mode: 'fast-diff', label: 'fast-diff', key: 'fast_diff' },
]

/** VmHWM (peak RSS) of a process in MiB, or null. */
function peakRssMiB(pid) {
  try {
    const kb = Number(fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+)\s+kB/m)?.[1])
    return Number.isFinite(kb) ? kb / 1024 : null
  } catch {
    return null
  }
}

/** Runs one child measurement; `{ timeout: true, maxRssMiB }` when it exceeds the cap. */
async function measureChild(mode, dir, bundle) {
  const child = spawnNode(['--expose-gc', CHILD, mode, dir, bundle])
  let peak = null
  const poll = setInterval(() => {
    peak = Math.max(peak ?? 0, peakRssMiB(child.pid) ?? 0)
  }, 50)
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    child.kill('SIGKILL')
  }, CAP_MS)
  const { code, signal } = await child.exited
  clearTimeout(timer)
  clearInterval(poll)
  if (timedOut) return { timeout: true, maxRssMiB: peak }
  if (code !== 0) throw new Error(`${mode} failed (${code ?? signal}):\n${child.output}`)
  const line = child.output.trim().split('\n').pop()
  return JSON.parse(line)
}

/** Runs git diff --word-diff=porcelain on the two files; wall time in ms. */
function runGit(fileA, fileB, { withTime = false } = {}) {
  const gitArgs = ['diff', '--no-index', '--word-diff=porcelain', '--no-color', '--no-ext-diff', fileA, fileB]
  const [cmd, args] = withTime
    ? ['/usr/bin/time', ['-f', 'maxrss_kb=%M', 'git', ...gitArgs]]
    : ['git', gitArgs]
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(cmd, args, {
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let bytes = 0
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      bytes += chunk.length
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), CAP_MS)
    child.once('error', reject)
    child.once('close', (code, signal) => {
      clearTimeout(timer)
      const ms = performance.now() - started
      // Exit code 1: the files differ.
      if (code !== 0 && code !== 1) return reject(new Error(`git diff failed (${code ?? signal}): ${stderr}`))
      const kb = Number(stderr.match(/maxrss_kb=(\d+)/)?.[1])
      resolve({ ms, bytes, maxRssMiB: Number.isFinite(kb) ? kb / 1024 : null })
    })
  })
}

const fmtMs = (r) => (r.timeout ? 'timeout' : round(r.ms, r.ms < 100 ? 1 : 0))
const fmtRss = (r) => (r.maxRssMiB === null || r.maxRssMiB === undefined ? null : round(r.maxRssMiB, 1))

let base = null

export async function run({ case: name }) {
  const host = machine()
  base ??= baseDocument()
  const edited = editedDocument(base, name)
  const dir = makeTempDir('redline')
  try {
    // Inputs.
    const contentA = toContent(base)
    const contentB = toContent(edited.provisions)
    const textA = toPlainText(base)
    const textB = toPlainText(edited.provisions)
    fs.writeFileSync(path.join(dir, 'a.json'), JSON.stringify(contentA))
    fs.writeFileSync(path.join(dir, 'b.json'), JSON.stringify(contentB))
    fs.writeFileSync(path.join(dir, 'a.txt'), textA)
    fs.writeFileSync(path.join(dir, 'b.txt'), textB)
    const bundle = path.join(dir, 'diff.mjs')
    await build({
      entryPoints: [path.join(ROOT, 'core/text/diff.ts')],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outfile: bundle,
      logLevel: 'warning',
    })

    // Ours (a fresh process each) and git: a warm-up each, then RUNS runs each, interleaved
    // so that both see the same state of the machine; medians. git's peak RSS from one
    // more run under time(1).
    const fileA = path.join(dir, 'a.txt')
    const fileB = path.join(dir, 'b.txt')
    await measureChild('ours', dir, bundle)
    await runGit(fileA, fileB)
    const ours = []
    const git = []
    for (let i = 0; i < RUNS; i++) {
      ours.push(await measureChild('ours', dir, bundle))
      git.push(await runGit(fileA, fileB))
    }
    let gitRss = null
    if (fs.existsSync('/usr/bin/time')) gitRss = (await runGit(fileA, fileB, { withTime: true })).maxRssMiB
    // Ours on the whole plain texts (diffWords), once, for reference.
    const flat = await measureChild('ours-flat', dir, bundle)
    // JavaScript peers, once each.
    const peers = {}
    for (const peer of PEERS) {
      process.stdout.write(`redline.${name}: running ${peer.label} (cap ${CAP_MS / 1000} s)\n`)
      peers[peer.key] = await measureChild(peer.mode, dir, bundle)
    }

    const ms = median(ours.map((r) => r.ms))
    const rss = median(ours.map((r) => r.maxRssMiB))
    const gitMs = median(git.map((r) => r.ms))
    const ratio = ms / gitMs
    const pass = ratio <= GOAL_RATIO && rss <= GOAL_RSS_MIB
    const stats = ours[0].stats

    const extra = {
      rss_mb: round(rss, 1),
      ours_runs_ms: ours.map((r) => round(r.ms, 1)),
      ours_cpu_ms: round(median(ours.map((r) => r.cpuMs)), 1),
      ours_warm_ms: round(median(ours.map((r) => r.warmMs)), 1),
      ours_base_rss_mb: round(median(ours.map((r) => r.baseRssMiB)), 1),
      git_ms: round(gitMs, 1),
      git_runs_ms: git.map((r) => round(r.ms, 1)),
      git_rss_mb: round(gitRss, 1),
      git_output_bytes: git[0].bytes,
      ours_flat_diffwords_ms: fmtMs(flat),
      ours_flat_diffwords_rss_mb: fmtRss(flat),
    }
    for (const peer of PEERS) {
      extra[`${peer.key}_ms`] = fmtMs(peers[peer.key])
      extra[`${peer.key}_rss_mb`] = fmtRss(peers[peer.key])
    }
    Object.assign(extra, {
      stats,
      ops: ours[0].ops,
      provisions: base.length,
      chars_a: textA.length,
      chars_b: textB.length,
    })

    const peerList = PEERS.map(
      (p) =>
        `${p.label}: ${fmtMs(peers[p.key])}${peers[p.key].timeout ? ` (killed at ${CAP_MS / 1000} s)` : ' ms'}, peak RSS ${fmtRss(peers[p.key])} MiB`,
    ).join('; ')
    const conditions = [
      host,
      `document: ${base.length} provisions of 40-120 words (Russian, some Tajik; seeded), ${textA.length} characters as plain text; edited copy: ${edited.description}`,
      'ours: diffContents(a, b, "ru") on the two concord-text/1 contents (flattening, plain text, eid matching, LIS moves, word diff of changed provisions), esbuild bundle of core/text/diff.ts, first (cold) call in a fresh node --expose-gc process, inputs read and parsed and a gc() before the clock',
      `ours and git interleaved: warm-up + ${RUNS} runs each, median; ours ms [${extra.ours_runs_ms.join(', ')}] (CPU of all threads, JIT included, median ${extra.ours_cpu_ms} ms), peak RSS (maxRSS of the whole process) MiB [${ours.map((r) => round(r.maxRssMiB, 1)).join(', ')}]; a second call in the same process (warm JIT) ${extra.ours_warm_ms} ms`,
      `${GIT_VERSION} diff --no-index --word-diff=porcelain on the plain texts (files in os.tmpdir(), default word regex = non-whitespace runs), wall time from spawn to exit incl. reading ${git[0].bytes} B of output: warm-up + ${RUNS} runs, median; ms [${extra.git_runs_ms.join(', ')}], peak RSS ${extra.git_rss_mb} MiB (/usr/bin/time, separate run)`,
      `JS peers on the plain texts, once each in a fresh node --expose-gc process (gc() before the clock), capped at ${CAP_MS / 1000} s (timeout = killed; its peak RSS from /proc VmHWM polled every 50 ms): ${peerList}; diff-match-patch with Diff_Timeout = 0 (no time limit), character-level like fast-diff`,
      `ours diffWords on the whole plain texts (not provision-aligned), once: ${fmtMs(flat)} ms, peak RSS ${fmtRss(flat)} MiB`,
      `redline stats: ${JSON.stringify(stats)}`,
      new Date().toISOString(),
    ].join('; ')
    const entry = {
      name: `redline.${name}`,
      metric: 'redline_time',
      value: round(ms, 1),
      unit: 'ms',
      peer: 'git diff --no-index --word-diff=porcelain',
      peer_value: round(gitMs, 1),
      ratio: round(ratio, 3),
      goal: `ratio <= ${GOAL_RATIO} and rss <= ${GOAL_RSS_MIB} MB`,
      pass,
      conditions,
      extra,
    }
    const summary = `redline.${name}: ours ${round(ms, 1)} ms (peak RSS ${round(rss, 1)} MiB), git ${round(gitMs, 1)} ms, ratio ${round(ratio, 3)}; ${PEERS.map((p) => `${p.key} ${fmtMs(peers[p.key])}`).join(', ')}; ours flat diffWords ${fmtMs(flat)} — ${pass ? 'PASS' : 'FAIL'}`
    return { entry, summary, record: true }
  } finally {
    removeTempDir(dir)
  }
}
