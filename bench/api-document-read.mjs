// api.document_read: throughput of GET /api/documents/{id}/versions/{v} (a published
// 1,000-provision version read by a head of delegation) against bare Fastify sending the
// same bytes.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { generateContent } from './content.mjs'
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
  summarizeCpuProfile,
  waitForOutput,
  waitReady,
} from './lib.mjs'

const CONNECTIONS = 50
const WARMUP_S = 2
const DURATION_S = 10
const PROVISIONS = 1000
// Two cores: autocannon (this process) on the first allowed CPU, the server on the second.
const LOAD_CPU = CPU_IDS.length >= 2 ? String(CPU_IDS[0]) : null
const SERVER_CPU = CPU_IDS.length >= 2 ? String(CPU_IDS[1]) : null

/** A small JSON client that keeps the session cookie and the CSRF token. */
export function client(base) {
  let cookie = null
  let csrf = null
  async function call(method, url, body) {
    const headers = { accept: 'application/json' }
    if (cookie) headers.cookie = cookie
    if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf
    if (body !== undefined) headers['content-type'] = 'application/json'
    const res = await fetch(base + url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    if (!res.ok) throw new Error(`${method} ${url} → ${res.status}: ${text.slice(0, 500)}`)
    return { res, text, json: text ? JSON.parse(text) : null }
  }
  return {
    call,
    get cookie() {
      return cookie
    },
    async login(email, password) {
      const { res, json } = await call('POST', '/api/auth/login', { email, password })
      const set = res.headers.getSetCookie().find((c) => c.startsWith('concord_session='))
      if (!set) throw new Error(`no session cookie for ${email}`)
      cookie = set.split(';')[0]
      csrf = json.csrfToken
    },
  }
}

/** Creates the dossier, the document and the published 1,000-provision version. */
export async function prepare(base, password) {
  const editor = client(base)
  await editor.login('editor@cis.demo', password)
  const orgs = (await editor.call('GET', '/api/organizations')).json.data
  if (!orgs.length) throw new Error('the editor sees no organization')
  const dossier = (
    await editor.call('POST', '/api/dossiers', {
      organizationId: orgs[0].id,
      reference: `BENCH/${Date.now().toString(36)}`,
      title: { ru: 'Нагрузочный тест', en: 'Load test' },
    })
  ).json.data
  const document = (
    await editor.call('POST', `/api/dossiers/${dossier.id}/documents`, {
      kind: 'decision',
      title: { ru: 'Решение (нагрузочный тест)', en: 'Decision (load test)' },
    })
  ).json.data
  const content = generateContent(PROVISIONS)
  const contentBytes = Buffer.byteLength(JSON.stringify(content))
  const draft = (
    await editor.call('POST', `/api/documents/${document.id}/versions`, {
      label: { ru: 'Нагрузочный тест', en: 'Load test 1' },
      content,
    })
  ).json.data
  const published = (
    await editor.call('POST', `/api/documents/${document.id}/versions/${draft.id}/publish`, {
      version: draft.version,
    })
  ).json.data
  if (published.status !== 'published') throw new Error(`version not published: ${published.status}`)

  const head = client(base)
  await head.login('head.tjk@cis.demo', password)
  const urlPath = `/api/documents/${document.id}/versions/${draft.id}`
  const { text, json, res } = await head.call('GET', urlPath)
  if (json.data.provisions.length !== PROVISIONS)
    throw new Error(`expected ${PROVISIONS} provisions, got ${json.data.provisions.length}`)
  return {
    urlPath,
    cookie: head.cookie,
    body: text,
    contentType: res.headers.get('content-type'),
    contentBytes,
  }
}

/**
 * Warm-up, then the measured run; autocannon runs in this process. Also the CPU used by
 * the server and by this process during the measured run (100% = one core busy).
 */
async function load(url, headers, serverPid) {
  await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_S, headers })
  const serverCpu0 = cpuTimeMs(serverPid)
  const selfCpu0 = process.cpuUsage()
  const t0 = performance.now()
  const fromUs = Number(process.hrtime.bigint() / 1000n)
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers })
  const toUs = Number(process.hrtime.bigint() / 1000n)
  const wall = performance.now() - t0
  const self = process.cpuUsage(selfCpu0)
  const serverCpu1 = cpuTimeMs(serverPid)
  return {
    window: { fromUs, toUs },
    serverCpu: serverCpu0 === null || serverCpu1 === null ? null : (100 * (serverCpu1 - serverCpu0)) / wall,
    loadCpu: (100 * (self.user + self.system)) / 1000 / wall,
    rps: r.requests.mean,
    p50: r.latency.p50,
    p99: r.latency.p99,
    mbps: r.throughput.mean / 2 ** 20,
    total: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    resets: r.resets,
    non2xx: r.non2xx,
  }
}

/**
 * Keeps a CPU profile: the raw .cpuprofile (for Chrome DevTools) in os.tmpdir(), the
 * summary of the measured window in bench/profiles/<name>.txt. Returns the summary.
 */
function keepProfile(dir, name, window, top) {
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))
  if (!file) throw new Error(`no CPU profile was written for ${name}`)
  const rawDir = path.join(os.tmpdir(), 'concord-bench-profiles')
  fs.mkdirSync(rawDir, { recursive: true })
  const raw = path.join(rawDir, `${name}.cpuprofile`)
  fs.copyFileSync(path.join(dir, file), raw)
  const summary = `${summarizeCpuProfile(raw, { window, top })}\nraw profile: ${raw}`
  const outDir = path.join(ROOT, 'bench/profiles')
  fs.mkdirSync(outDir, { recursive: true })
  fs.writeFileSync(path.join(outDir, `${name}.txt`), `${summary}\n`)
  return summary
}

export async function run({ profile = false } = {}) {
  const host = machine()
  const dir = makeTempDir('read')
  const password = process.env.CONCORD_DEMO_PASSWORD || 'demo'
  const env = { CONCORD_DATA_DIR: dir, LOG_LEVEL: 'silent', CONCORD_DEMO_PASSWORD: password }
  let server = null
  let peer = null
  try {
    // Data: the demo (organizations, parties, accounts), then our dossier over HTTP.
    await runNode([CONCORD_BIN, 'demo'], { env })
    const port = await freePort()
    const profDir = path.join(dir, 'prof')
    const nodeFlags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []
    server = spawnNode([...nodeFlags, CONCORD_BIN, 'serve', '--port', String(port)], {
      env,
      cpus: SERVER_CPU,
    })
    await waitForOutput(server, /Concord listening on (http:\/\/\S+)/)
    const base = `http://127.0.0.1:${port}`
    await waitReady(`${base}/ready`, { child: server })
    const prepared = await prepare(base, password)
    const payloadBytes = Buffer.byteLength(prepared.body)
    const headers = { cookie: prepared.cookie }

    pin(process.pid, LOAD_CPU)
    let ours
    let theirs
    try {
      ours = await load(base + prepared.urlPath, headers, server.pid)
    } finally {
      pin(process.pid, ALL_CPUS)
    }
    // A non-2xx answer means the setup is wrong; socket errors and timeouts are results.
    if (ours.non2xx) throw new Error(`our server: ${ours.non2xx} non-2xx responses`)
    await stopChild(server)
    server = null

    let profileSummary = null
    if (profile) profileSummary = keepProfile(profDir, 'api.document_read', ours.window, 30)

    // The peer: bare Fastify with the exact same body.
    const bodyFile = path.join(dir, 'body.json')
    fs.writeFileSync(bodyFile, prepared.body)
    const peerPort = await freePort()
    const peerProfDir = path.join(dir, 'peer-prof')
    const peerFlags = profile ? ['--cpu-prof', `--cpu-prof-dir=${peerProfDir}`] : []
    peer = spawnNode([...peerFlags, path.join(ROOT, 'bench/peer-fastify.mjs'), bodyFile, String(peerPort)], {
      cpus: SERVER_CPU,
    })
    await waitForOutput(peer, /peer listening/)
    pin(process.pid, LOAD_CPU)
    try {
      theirs = await load(`http://127.0.0.1:${peerPort}/doc`, headers, peer.pid)
    } finally {
      pin(process.pid, ALL_CPUS)
    }
    // A non-2xx answer means the setup is wrong; socket errors and timeouts are results.
    if (theirs.non2xx) throw new Error(`peer: ${theirs.non2xx} non-2xx responses`)
    await stopChild(peer)
    peer = null
    if (profile) {
      const peerSummary = keepProfile(peerProfDir, 'api.document_read.peer', theirs.window, 12)
      profileSummary = `our server:\n${profileSummary}\n\nbare fastify peer:\n${peerSummary}`
    }

    const ratio = ours.rps / theirs.rps
    const fmt = (x) =>
      `${round(x.rps, 1)} req/s, p50 ${x.p50} ms, p99 ${x.p99} ms, ${round(x.mbps, 1)} MiB/s, ${x.total} requests, ${x.errors} errors (${x.timeouts} timeouts, ${x.resets} resets), server CPU ${round(x.serverCpu, 0)}%, autocannon CPU ${round(x.loadCpu, 0)}%`
    const conditions = [
      host,
      SERVER_CPU !== null
        ? `server pinned to CPU ${SERVER_CPU}, autocannon 8 in the bench process pinned to CPU ${LOAD_CPU}`
        : 'no CPU pinning (taskset unavailable or one CPU)',
      `${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s measured, no pipelining, keep-alive, cookie header, no If-None-Match`,
      `SQLite (WAL, synchronous=FULL) in os.tmpdir(), demo data + 1 dossier, version of ${PROVISIONS} provisions (content ${prepared.contentBytes} B)`,
      `payload ${payloadBytes} B (${prepared.contentType})`,
      `ours: ${fmt(ours)}`,
      `peer: ${fmt(theirs)}`,
      profile ? 'our server ran with --cpu-prof (figures not comparable)' : 'LOG_LEVEL=silent',
      new Date().toISOString(),
    ].join('; ')
    const entry = {
      name: 'api.document_read',
      metric: 'throughput',
      value: round(ours.rps, 1),
      unit: 'req/s',
      peer: 'bare fastify (same JSON string, logger off)',
      peer_value: round(theirs.rps, 1),
      ratio: round(ratio, 3),
      goal: 'ratio >= 0.8',
      pass: ratio >= 0.8,
      conditions,
      extra: {
        payload_bytes: payloadBytes,
        p99_ms: ours.p99,
        peer_p99_ms: theirs.p99,
        p50_ms: ours.p50,
        peer_p50_ms: theirs.p50,
        server_cpu_pct: round(ours.serverCpu, 0),
        peer_server_cpu_pct: round(theirs.serverCpu, 0),
        errors: ours.errors,
      },
    }
    const summary = `api.document_read: ${entry.value} req/s (p99 ${ours.p99} ms) vs bare fastify ${entry.peer_value} req/s (p99 ${theirs.p99} ms), ratio ${entry.ratio}, payload ${payloadBytes} B → ${entry.pass ? 'PASS' : 'FAIL'} (${entry.goal})`
    return { entry, summary, profileSummary, record: !profile }
  } finally {
    await stopChild(server)
    await stopChild(peer)
    removeTempDir(dir)
  }
}
