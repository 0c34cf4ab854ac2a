/**
 * The e2e harness: builds dist/ when needed, starts the real server on a free port with a
 * fresh data folder and the demo loaded, launches Debian's chromium through playwright-core
 * (never a downloaded browser), runs axe, and keeps screenshots in test/screenshots/.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, chromium, type Page } from 'playwright-core'

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
export const screenshotDir = join(repoRoot, 'test', 'screenshots')
export const DEMO_PASSWORD = 'demo'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** Newest modification time under a folder (source files only). */
function newestMtime(dir: string): number {
  let newest = 0
  if (!existsSync(dir)) return newest
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

/**
 * Runs `node scripts/build.mjs` when dist/ is missing or older than the sources, so that
 * the browser never tests a stale bundle. CONCORD_E2E_SKIP_BUILD=1 trusts dist/ as it is.
 */
export function ensureBuilt(): void {
  const serverEntry = join(repoRoot, 'dist', 'server', 'concord.js')
  const webEntry = join(repoRoot, 'dist', 'web', 'index.html')
  const missing = !existsSync(serverEntry) || !existsSync(webEntry)
  if (!missing && process.env.CONCORD_E2E_SKIP_BUILD === '1') return
  const built = missing ? 0 : Math.min(statSync(serverEntry).mtimeMs, statSync(webEntry).mtimeMs)
  const sources = Math.max(...['core', 'server', 'web'].map((dir) => newestMtime(join(repoRoot, dir))))
  if (!missing && built >= sources) return
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' })
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

export interface RunningServer {
  url: string
  dataDir: string
  /** Everything the server printed, for failure messages. */
  output: () => string
  stop: () => Promise<void>
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the server exited with code ${child.exitCode}:\n${output()}`)
    }
    try {
      const response = await fetch(`${url}/ready`)
      if (response.status === 200) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`the server was not ready within ${timeoutMs} ms:\n${output()}`)
}

/**
 * Starts `concord start` (migrate + demo + serve) on a free port with a fresh data folder.
 * The demo stops after the chapter `demoUntil` (default 'negotiation'; 'all' for the whole story).
 * With CONCORD_E2E_URL set, uses that already running server instead (e.g. `npm start`).
 */
export async function startServer(options: { demoUntil?: string } = {}): Promise<RunningServer> {
  const external = process.env.CONCORD_E2E_URL
  if (external)
    return { url: external.replace(/\/$/, ''), dataDir: '', output: () => '', stop: async () => {} }
  ensureBuilt()
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-e2e-'))
  let log = ''
  const child = spawn(process.execPath, ['bin/concord.js', 'start', '--port', String(port)], {
    cwd: repoRoot,
    env: {
      ...process.env,
      CONCORD_DATA_DIR: dataDir,
      CONCORD_DEMO_PASSWORD: DEMO_PASSWORD,
      // Journeys that negotiate need the story before the meeting's conclusions (the texts still
      // open); the seed-story journey asks for the whole story.
      CONCORD_DEMO_UNTIL: options.demoUntil ?? 'negotiation',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let url = `http://127.0.0.1:${port}`
  const collect = (chunk: Buffer) => {
    log += chunk.toString()
    const announced = /Concord listening on (http:\/\/\S+)/.exec(log)
    if (announced?.[1]) url = announced[1].replace(/\/$/, '')
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const output = () => log

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    }
    rmSync(dataDir, { recursive: true, force: true })
  }

  try {
    await waitUntilReady(url, child, output, 120_000)
  } catch (error) {
    await stop()
    throw error
  }
  return { url, dataDir, output, stop }
}

/** Debian's chromium, headless, with nothing fetched from the network. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`)
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

export const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
let axeSource: string | undefined

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: string[]
}

/** Runs axe (WCAG 2.1 A and AA) on the page; returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol rather than added as a <script>, so the
  // server's Content-Security-Policy stays in force for the rest of the page.
  axeSource ??= readFileSync(axePath, 'utf8')
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<any> } }).axe
    const result = await axe.run(document, { runOnly: tags })
    return (result.violations as any[]).map((v) => ({
      id: String(v.id),
      impact: (v.impact as string | null) ?? null,
      help: String(v.help),
      nodes: (v.nodes as any[])
        .slice(0, 5)
        .map((n) => `${(n.target as string[]).join(' ')} — ${n.failureSummary}`),
    }))
  }, AXE_TAGS)
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  if (serious.length > 0) console.error(`axe on ${page.url()}:\n${JSON.stringify(serious, null, 2)}`)
  return serious
}

/**
 * A screenshot in test/screenshots/ (kept by CI): the full page, or only the viewport
 * (for a dialog, which sits in the viewport).
 */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true })
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage, animations: 'disabled' })
}
