// Shared helpers of the benchmarks: build, child processes (always cleaned up), ports,
// HTTP, CPU pinning, the results file and CPU-profile summaries.
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import { SourceMap } from 'node:module'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const CONCORD_BIN = path.join(ROOT, 'bin/concord.js')
export const BUNDLE = path.join(ROOT, 'dist/server/concord.js')
export const RESULTS_FILE = path.join(ROOT, 'bench/results.json')

// ---------------------------------------------------------------------------------------
// Build

/** The newest modification time of the server's sources (server/, core/, not tests). */
function newestSourceMtime() {
  let newest = 0
  for (const top of ['server', 'core']) {
    for (const rel of fs.readdirSync(path.join(ROOT, top), { recursive: true })) {
      const file = String(rel)
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue
      newest = Math.max(newest, fs.statSync(path.join(ROOT, top, file)).mtimeMs)
    }
  }
  return newest
}

/** Builds the server bundle when it is missing or older than the sources. */
export function ensureBuilt() {
  let reason = null
  if (!fs.existsSync(BUNDLE)) reason = 'is missing'
  else if (newestSourceMtime() > fs.statSync(BUNDLE).mtimeMs) reason = 'is older than server/ or core/'
  if (!reason) return
  process.stdout.write(`dist/server/concord.js ${reason}: building the server bundle\n`)
  execFileSync(process.execPath, ['scripts/build.mjs', '--server-only'], { cwd: ROOT, stdio: 'inherit' })
}

// ---------------------------------------------------------------------------------------
// Temporary directories and child processes (cleaned up even on error or Ctrl-C)

const children = new Set()
const tempDirs = new Set()

export function makeTempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `concord-bench-${prefix}-`))
  tempDirs.add(dir)
  return dir
}

export function removeTempDir(dir) {
  tempDirs.delete(dir)
  fs.rmSync(dir, { recursive: true, force: true })
}

function killAllSync() {
  for (const child of children) {
    try {
      if (child.exitCode === null && child.signalCode === null) process.kill(child.pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
  children.clear()
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true })
  tempDirs.clear()
}

process.on('exit', killAllSync)
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    process.stderr.write(`\nbench: ${signal}, stopping child processes\n`)
    killAllSync()
    process.exit(130)
  })
}

/** True when `taskset` can pin processes (Linux, two or more CPUs). */
export const canPin = (() => {
  if (os.availableParallelism() < 2 || process.platform !== 'linux') return false
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

/** Pins every thread of a process to a CPU list ("0", "1", "0-1"). */
export function pin(pid, cpus) {
  if (!canPin || cpus === null || cpus === undefined) return
  execFileSync('taskset', ['-a', '-pc', cpus, String(pid)], { stdio: 'ignore' })
}

/** The CPUs this process may run on, as taskset prints them ("0-3", "0,2"), and as ids. */
export const ALL_CPUS = canPin
  ? execFileSync('taskset', ['-pc', String(process.pid)], { encoding: 'utf8' })
      .split(':')
      .pop()
      .trim()
  : null
export const CPU_IDS = (ALL_CPUS ?? '').split(',').flatMap((part) => {
  const [a, b] = part.split('-').map(Number)
  if (!Number.isInteger(a)) return []
  return Array.from({ length: (b ?? a) - a + 1 }, (_, i) => a + i)
})

/**
 * Spawns `node <args>` (optionally pinned with taskset, which execs node so the pid is
 * node's), keeps its output, and tracks it so that it is always killed.
 */
export function spawnNode(args, { env = {}, cpus = null, cwd = ROOT } = {}) {
  const [cmd, argv] =
    cpus && canPin ? ['taskset', ['-c', cpus, process.execPath, ...args]] : [process.execPath, args]
  const spawned = spawn(cmd, argv, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  /** @type {Promise<{ code: number | null, signal: string | null }>} */
  const exited = new Promise((resolve) => {
    spawned.once('exit', (code, signal) => {
      children.delete(spawned)
      resolve({ code, signal })
    })
  })
  // `output`: the last 8,000 characters of stdout and stderr; `exited`: resolves on exit.
  const child = Object.assign(spawned, { output: '', exited })
  children.add(child)
  const keep = (chunk) => {
    child.output = (child.output + chunk.toString()).slice(-8000)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  return child
}

/** Waits until the child prints a line matching `pattern` (or dies, or times out). */
export function waitForOutput(child, pattern, timeoutMs = 30_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup()
      reject(new Error(`timed out waiting for ${pattern}; output:\n${child.output}`))
    }, timeoutMs)
    const onData = () => {
      const m = child.output.match(pattern)
      if (m) {
        cleanup()
        resolve(m)
      }
    }
    const onExit = (code, signal) => {
      cleanup()
      reject(new Error(`process exited (${code ?? signal}) before ${pattern}; output:\n${child.output}`))
    }
    const cleanup = () => {
      clearTimeout(timer)
      child.stdout.off('data', onData)
      child.stderr.off('data', onData)
      child.off('exit', onExit)
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', onExit)
    onData()
  })
}

/** Runs a node command to completion; throws with its output when it fails. */
export async function runNode(args, options) {
  const child = spawnNode(args, options)
  const { code, signal } = await child.exited
  if (code !== 0) throw new Error(`node ${args.join(' ')} failed (${code ?? signal}):\n${child.output}`)
  return child.output
}

/** Stops a child: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopChild(child, graceMs = 5000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
  await child.exited
  clearTimeout(timer)
}

/** A TCP port that is free right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address())
      srv.close(() => resolve(port))
    })
  })
}

/** One GET without keep-alive; resolves with the status code (rejects on a socket error). */
export function getStatus(url, timeoutMs = 1000) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, timeout: timeoutMs }, (res) => {
      res.resume()
      res.once('end', () => resolve(res.statusCode))
    })
    req.once('timeout', () => req.destroy(new Error('timeout')))
    req.once('error', reject)
  })
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls GET url every `intervalMs` until 200; returns when it answered. */
export async function waitReady(url, { intervalMs = 10, timeoutMs = 30_000, child = null } = {}) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(`process exited before ${url} answered 200; output:\n${child.output}`)
    }
    try {
      if ((await getStatus(url)) === 200) return
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`)
    await sleep(intervalMs)
  }
}

/** VmRSS of a process in MiB (Linux), or null. */
export function rssMiB(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = Number(status.match(/^VmRSS:\s+(\d+)\s+kB/m)?.[1])
    return Number.isFinite(kb) ? kb / 1024 : null
  } catch {
    return null
  }
}

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
  } catch {
    return 100
  }
})()

/** CPU time (user + system) a process has used so far, in ms (Linux), or null. */
export function cpuTimeMs(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK
  } catch {
    return null
  }
}

// ---------------------------------------------------------------------------------------
// Figures

export function median(values) {
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

export const round = (n, digits = 2) => (n === null || n === undefined ? n : Number(n.toFixed(digits)))

/** The machine, for `conditions`. */
export function machine() {
  const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown cpu'
  const load = os.loadavg()[0].toFixed(2)
  return `${os.availableParallelism()} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, node ${process.version}, ${process.platform} ${process.arch}, 1-min load average ${load} at start`
}

// ---------------------------------------------------------------------------------------
// Results file: an object keyed by benchmark name, keys sorted, two-space indentation.

export function writeResult(entry) {
  let all = {}
  if (fs.existsSync(RESULTS_FILE)) {
    try {
      const parsed = JSON.parse(fs.readFileSync(RESULTS_FILE, 'utf8'))
      if (Array.isArray(parsed)) for (const e of parsed) all[e.name] = e
      else if (parsed && typeof parsed === 'object') all = parsed
    } catch {
      process.stderr.write(`bench: ${RESULTS_FILE} is not valid JSON; rewriting it\n`)
    }
  }
  all[entry.name] = entry
  const sorted = Object.fromEntries(
    Object.keys(all)
      .sort()
      .map((k) => [k, all[k]]),
  )
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(sorted, null, 2)}\n`)
}

// ---------------------------------------------------------------------------------------
// CPU profiles (node --cpu-prof): self time per function, mapped through the bundle's
// source map, and per package.

function sourceMapFor(file, cache) {
  if (cache.has(file)) return cache.get(file)
  let map = null
  try {
    const mapFile = `${file}.map`
    if (fs.existsSync(mapFile)) map = new SourceMap(JSON.parse(fs.readFileSync(mapFile, 'utf8')))
  } catch {
    map = null
  }
  cache.set(file, map)
  return map
}

function describeFrame(frame, maps) {
  const name = frame.functionName || '(anonymous)'
  if (!frame.url) return { name, where: '', pkg: name.startsWith('(') ? name : '(native)' }
  let file = frame.url.startsWith('file://') ? fileURLToPath(frame.url) : frame.url
  let line = frame.lineNumber + 1
  const map = file.endsWith('.js') ? sourceMapFor(file, maps) : null
  if (map) {
    const hit = map.findEntry(frame.lineNumber, frame.columnNumber)
    if (hit?.originalSource) {
      file = hit.originalSource.startsWith('file://')
        ? fileURLToPath(hit.originalSource)
        : path.resolve(path.dirname(file), hit.originalSource)
      line = hit.originalLine + 1
    }
  }
  const nm = file.lastIndexOf('node_modules/')
  let pkg
  if (nm >= 0) {
    const parts = file.slice(nm + 'node_modules/'.length).split('/')
    pkg = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]
  } else if (file.startsWith('node:')) pkg = 'node core'
  else if (file.startsWith(ROOT)) pkg = 'concord'
  else pkg = 'other'
  const rel = file.startsWith(ROOT) ? path.relative(ROOT, file) : file
  return { name, where: `${rel}:${line}`, pkg }
}

const V8_PSEUDO_FRAMES = new Set(['(root)', '(program)', '(idle)', '(garbage collector)'])

/**
 * Text summary of a .cpuprofile: top self time by function and by package. `window`
 * ({ fromUs, toUs }, process.hrtime µs, the same clock as V8's profile timestamps) keeps
 * only the samples taken under load. Native frames without a script (writev, builtins)
 * are shown with their JavaScript caller.
 */
export function summarizeCpuProfile(file, { top = 30, window = null } = {}) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'))
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parentOf = new Map()
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id)
  const selfUs = new Map()
  let t = profile.startTime
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0
    t += dt
    if (window && (t < window.fromUs || t > window.toUs)) return
    selfUs.set(id, (selfUs.get(id) ?? 0) + dt)
  })
  const maps = new Map()
  const byFn = new Map()
  const byPkg = new Map()
  let total = 0
  for (const [id, us] of selfUs) {
    const node = byId.get(id)
    if (!node) continue
    const d = describeFrame(node.callFrame, maps)
    let key = `${d.name}  ${d.where}`
    if (!node.callFrame.url && !V8_PSEUDO_FRAMES.has(node.callFrame.functionName)) {
      // A native function: name its nearest caller that has a script.
      let up = parentOf.get(id)
      while (up !== undefined && !byId.get(up).callFrame.url) up = parentOf.get(up)
      if (up !== undefined) {
        const caller = describeFrame(byId.get(up).callFrame, maps)
        key = `${d.name} [native] ← ${caller.name}  ${caller.where}`
      }
    }
    byFn.set(key, (byFn.get(key) ?? 0) + us)
    byPkg.set(d.pkg, (byPkg.get(d.pkg) ?? 0) + us)
    total += us
  }
  const idle = [...byFn].filter(([k]) => k.startsWith('(idle)')).reduce((sum, [, us]) => sum + us, 0)
  const busy = total - idle
  const pct = (us, of) => `${((100 * us) / of).toFixed(1).padStart(5)}%`
  const lines = [
    `profile ${path.basename(file)}${window ? ' (measured window only)' : ''}: ${(total / 1e6).toFixed(2)} s sampled, ${(busy / 1e6).toFixed(2)} s busy (${pct(busy, total).trim()})`,
    '',
    `top ${top} functions by self time (% of busy time):`,
  ]
  for (const [key, us] of [...byFn]
    .filter(([k]) => !k.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)) {
    lines.push(`  ${pct(us, busy)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`)
  }
  lines.push('', 'self time by package (% of busy time; "(native)" = C++ builtins and bindings):')
  for (const [pkg, us] of [...byPkg].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1])) {
    if (us / busy < 0.002) continue
    lines.push(`  ${pct(us, busy)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${pkg}`)
  }
  return lines.join('\n')
}
