// portal.news_page: throughput and latency of a public news page of the portal (the demo's
// item of 22 August 2020 in Russian, anonymous GET, no If-None-Match) against a static file
// of the same bytes served by the same server (@fastify/static, the web app's root) in the
// same run. Goal: at least half the static file's throughput, and p99 within 20 ms.
import fs from 'node:fs'
import path from 'node:path'
import autocannon from 'autocannon'
import Parser from 'rss-parser'
import {
  ALL_CPUS,
  CONCORD_BIN,
  CPU_IDS,
  cpuTimeMs,
  freePort,
  machine,
  makeTempDir,
  pin,
  ROOT,
  removeTempDir,
  round,
  runNode,
  spawnNode,
  stopChild,
  waitForOutput,
  waitReady,
} from './lib.mjs'

const CONNECTIONS = 50
const WARMUP_S = 2
const DURATION_S = 10
const GOAL_RATIO = 0.5
const GOAL_P99_MS = 20
// Two cores: autocannon (this process) on the first allowed CPU, the server on the second.
const LOAD_CPU = CPU_IDS.length >= 2 ? String(CPU_IDS[0]) : null
const SERVER_CPU = CPU_IDS.length >= 2 ? String(CPU_IDS[1]) : null
/** The server serves the built web app from here (server/app.ts, defaultWebRoot). */
const WEB_ROOT = path.join(ROOT, 'dist/web')
const SEED_TITLE = 'В Минске доработан проект Совместного заявления'

async function load(url, serverPid) {
  await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_S })
  const cpu0 = cpuTimeMs(serverPid)
  const t0 = performance.now()
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S })
  const wall = performance.now() - t0
  const cpu1 = cpuTimeMs(serverPid)
  return {
    rps: r.requests.mean,
    p50: r.latency.p50,
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    mbps: r.throughput.mean / 2 ** 20,
    total: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    serverCpu: cpu0 === null || cpu1 === null ? null : (100 * (cpu1 - cpu0)) / wall,
  }
}

/** The address of the demo's news item of 22 August 2020 (from the portal's Atom feed). */
async function newsPagePath(base) {
  const res = await fetch(`${base}/portal/cis/ru/atom.xml`)
  if (res.status !== 200) throw new Error(`the CIS feed answered ${res.status}`)
  const feed = await new Parser().parseString(await res.text())
  const item = feed.items.find((i) => i.title?.startsWith(SEED_TITLE))
  if (!item?.link)
    throw new Error('the demo has no news item of 22 August 2020 (is the newsroom demo loaded?)')
  return new URL(item.link).pathname
}

export async function run() {
  if (!fs.existsSync(path.join(WEB_ROOT, 'index.html')))
    throw new Error('dist/web is missing: run `npm run build` first (the static file is served from there)')
  const host = machine()
  const dir = makeTempDir('portal')
  const password = 'demo'
  const env = { CONCORD_DATA_DIR: dir, LOG_LEVEL: 'silent', CONCORD_DEMO_PASSWORD: password }
  const staticName = `bench-portal-${process.pid}.html`
  const staticFile = path.join(WEB_ROOT, staticName)
  let server = null
  try {
    await runNode([CONCORD_BIN, 'demo'], { env })
    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    server = spawnNode([CONCORD_BIN, 'serve', '--port', String(port)], {
      env: { ...env, PUBLIC_URL: base },
      cpus: SERVER_CPU,
    })
    await waitForOutput(server, /Concord listening on (http:\/\/\S+)/)
    await waitReady(`${base}/ready`, { child: server })

    const pagePath = await newsPagePath(base)
    const page = await fetch(base + pagePath)
    if (page.status !== 200) throw new Error(`${pagePath} answered ${page.status}`)
    const bytes = Buffer.from(await page.arrayBuffer())
    const headers = Object.fromEntries(page.headers)
    // The same bytes as a file of the web app's static root, served by the same process.
    fs.writeFileSync(staticFile, bytes)
    const check = await fetch(`${base}/${staticName}`)
    const checkBytes = Buffer.from(await check.arrayBuffer())
    if (check.status !== 200 || !checkBytes.equals(bytes))
      throw new Error(`the static copy is not served as written (${check.status}, ${checkBytes.length} B)`)

    pin(process.pid, LOAD_CPU)
    let ours
    let theirs
    try {
      ours = await load(base + pagePath, server.pid)
      theirs = await load(`${base}/${staticName}`, server.pid)
    } finally {
      pin(process.pid, ALL_CPUS)
    }
    if (ours.non2xx) throw new Error(`news page: ${ours.non2xx} non-2xx responses`)
    if (theirs.non2xx) throw new Error(`static file: ${theirs.non2xx} non-2xx responses`)

    const ratio = ours.rps / theirs.rps
    const pass = ratio >= GOAL_RATIO && ours.p99 <= GOAL_P99_MS
    const fmt = (x) =>
      `${round(x.rps, 1)} req/s, p50 ${x.p50} ms, p97.5 ${x.p97_5} ms, p99 ${x.p99} ms, ${round(x.mbps, 1)} MiB/s, ${x.total} requests, ${x.errors} errors (${x.timeouts} timeouts), server CPU ${round(x.serverCpu, 0)}%`
    const conditions = [
      host,
      SERVER_CPU !== null
        ? `server pinned to CPU ${SERVER_CPU}, autocannon 8 in the bench process pinned to CPU ${LOAD_CPU}`
        : 'no CPU pinning (taskset unavailable or one CPU)',
      `${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s measured each, news page then static file, one server process, no pipelining, keep-alive, anonymous, no If-None-Match`,
      `SQLite (WAL) in os.tmpdir(), the whole demo; page ${pagePath} (${bytes.length} B, ${headers['content-type']}, cache-control "${headers['cache-control']}")`,
      `static copy: /${staticName} from dist/web via @fastify/static (ETag and Last-Modified, no-cache)`,
      `news page: ${fmt(ours)}`,
      `static file: ${fmt(theirs)}`,
      'LOG_LEVEL=silent',
      new Date().toISOString(),
    ].join('; ')
    const entry = {
      name: 'portal.news_page',
      metric: 'throughput',
      value: round(ours.rps, 1),
      unit: 'req/s',
      peer: 'the same bytes as a static file (@fastify/static, same server, same run)',
      peer_value: round(theirs.rps, 1),
      ratio: round(ratio, 3),
      goal: `ratio >= ${GOAL_RATIO} and p99 <= ${GOAL_P99_MS} ms`,
      pass,
      conditions,
      extra: {
        payload_bytes: bytes.length,
        p99_ms: ours.p99,
        peer_p99_ms: theirs.p99,
        p50_ms: ours.p50,
        peer_p50_ms: theirs.p50,
        server_cpu_pct: round(ours.serverCpu, 0),
        peer_server_cpu_pct: round(theirs.serverCpu, 0),
        errors: ours.errors,
      },
    }
    const summary = `portal.news_page: ${entry.value} req/s (p99 ${ours.p99} ms) vs static file ${entry.peer_value} req/s (p99 ${theirs.p99} ms), ratio ${entry.ratio}, page ${bytes.length} B → ${pass ? 'PASS' : 'FAIL'} (${entry.goal})`
    return { entry, summary, record: true }
  } finally {
    fs.rmSync(staticFile, { force: true })
    await stopChild(server)
    removeTempDir(dir)
  }
}
