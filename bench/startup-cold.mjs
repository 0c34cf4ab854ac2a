// startup.cold: time from spawning `concord serve` on a migrated database to the first
// 200 from GET /ready (polled every 10 ms), and the idle RSS 1 s later; against bare Node.
import {
  CONCORD_BIN,
  freePort,
  machine,
  makeTempDir,
  median,
  removeTempDir,
  round,
  rssMiB,
  runNode,
  sleep,
  spawnNode,
  stopChild,
  waitReady,
} from './lib.mjs'

const RUNS = 5
const POLL_MS = 10
const IDLE_MS = 1000
const GOAL_MS = 1500
const GOAL_RSS_MIB = 150

const BARE_NODE = `require('node:http').createServer((req, res) => { res.statusCode = req.url === '/ready' ? 200 : 404; res.end() }).listen(Number(process.argv[1]), '127.0.0.1')`

/** Spawns, times spawn → first 200 on /ready, waits idle, reads VmRSS, stops. */
async function measure(spawnArgs, env) {
  const port = await freePort()
  const started = performance.now()
  const child = spawnNode(spawnArgs(port), { env })
  try {
    await waitReady(`http://127.0.0.1:${port}/ready`, { intervalMs: POLL_MS, child })
    const ms = performance.now() - started
    await sleep(IDLE_MS)
    return { ms, rss: rssMiB(child.pid) }
  } finally {
    await stopChild(child)
  }
}

export async function run() {
  const host = machine()
  const dir = makeTempDir('startup')
  const env = { CONCORD_DATA_DIR: dir, LOG_LEVEL: 'silent' }
  try {
    await runNode([CONCORD_BIN, 'migrate'], { env })
    const ours = []
    const peer = []
    // Interleaved, so that both see the same state of the page cache and the machine.
    for (let i = 0; i < RUNS; i++) {
      ours.push(await measure((port) => [CONCORD_BIN, 'serve', '--port', String(port)], env))
      peer.push(await measure((port) => ['-e', BARE_NODE, String(port)], {}))
    }
    const ms = median(ours.map((r) => r.ms))
    const peerMs = median(peer.map((r) => r.ms))
    const rss = median(ours.map((r) => r.rss))
    const peerRss = median(peer.map((r) => r.rss))
    const pass = ms <= GOAL_MS && rss <= GOAL_RSS_MIB
    const list = (rs, key, d) => rs.map((r) => round(r[key], d)).join(', ')
    const conditions = [
      host,
      `${RUNS} runs each, interleaved, median; spawn → first 200 on GET /ready polled every ${POLL_MS} ms (new connection per poll)`,
      `RSS = VmRSS (MiB) after ${IDLE_MS} ms idle`,
      'ours: node bin/concord.js serve on a migrated SQLite database in os.tmpdir(), LOG_LEVEL=silent',
      `ours ms: [${list(ours, 'ms', 0)}], rss MiB: [${list(ours, 'rss', 1)}]`,
      `peer ms: [${list(peer, 'ms', 0)}], rss MiB: [${list(peer, 'rss', 1)}]`,
      new Date().toISOString(),
    ].join('; ')
    const entry = {
      name: 'startup.cold',
      metric: 'time_to_ready',
      value: round(ms, 0),
      unit: 'ms',
      peer: 'bare node http',
      peer_value: round(peerMs, 0),
      ratio: round(ms / peerMs, 2),
      goal: `value <= ${GOAL_MS} ms and rss <= ${GOAL_RSS_MIB} MB`,
      pass,
      conditions,
      extra: { rss_mb: round(rss, 1), peer_rss_mb: round(peerRss, 1) },
    }
    const summary = `startup.cold: ${entry.value} ms to ready, ${entry.extra.rss_mb} MB RSS vs bare node ${entry.peer_value} ms, ${entry.extra.peer_rss_mb} MB → ${pass ? 'PASS' : 'FAIL'} (${entry.goal})`
    return { entry, summary, record: true }
  } finally {
    removeTempDir(dir)
  }
}
