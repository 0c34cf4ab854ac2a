// table.json: GET /api/rounds/{id}/table (JSON) of a 1,000-provision document with 60 parties
// and 20,000 contributions, on SQLite, signed in as the secretariat officer. Goal: p50 <= 150 ms.
// Peer in the same run: bare Fastify sending the same bytes (the floor of the HTTP part).
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { client } from './api-document-read.mjs'
import { generateContent } from './content.mjs'
import {
  CONCORD_BIN,
  freePort,
  machine,
  makeTempDir,
  median,
  removeTempDir,
  round,
  runNode,
  spawnNode,
  stopChild,
  waitForOutput,
  waitReady,
} from './lib.mjs'

const PARTIES = 60
const CONTRIBUTIONS = 20_000
const PROVISIONS = 1000
const SAMPLES = 25

function prng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

let idCounter = 0
/** Time-ordered ids in the UUIDv7 shape the server uses. */
function id() {
  const n = (++idCounter).toString(16).padStart(12, '0')
  return `01900000-0000-7000-8000-${n}`
}

/** Writes a dossier with 60 parties, a 1,000-provision version, a round and 20,000 contributions. */
export function seed(file) {
  const db = new Database(file)
  const rand = prng(7)
  const now = new Date().toISOString()
  const org = db.prepare('select id from organizations limit 1').get()
  const editor = db.prepare("select id from users where email = 'editor@cis.demo'").get()
  const parties = db.prepare('select id, code from parties').all()
  const insertParty = db.prepare(
    'insert into parties (id, code, name, full_name, created_at) values (?, ?, ?, ?, ?)',
  )
  const insertMembership = db.prepare(
    "insert into memberships (id, organization_id, party_id, status, since, until, experts_may_submit) values (?, ?, ?, 'member', '2000-01-01', null, 0)",
  )
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
  db.transaction(() => {
    for (let i = parties.length; i < PARTIES; i++) {
      const code = `Q${letters[Math.floor(i / 26) % 26]}${letters[i % 26]}`
      const pid = id()
      insertParty.run(
        pid,
        code,
        JSON.stringify({ ru: `Государство ${code}`, en: `State ${code}` }),
        '{}',
        now,
      )
      insertMembership.run(id(), org.id, pid)
      parties.push({ id: pid, code })
    }
  })()
  const content = generateContent(PROVISIONS)
  const dossierId = id()
  const documentId = id()
  const versionId = id()
  const roundId = id()
  db.transaction(() => {
    db.prepare(
      "insert into dossiers (id, organization_id, reference, title, stage, procedure, lead_body_id, version, created_at, updated_at) values (?, ?, 'BENCH/TABLE', ?, 'comments', 'cis', null, 1, ?, ?)",
    ).run(
      dossierId,
      org.id,
      JSON.stringify({ ru: 'Сводная таблица: нагрузка', en: 'Table load test' }),
      now,
      now,
    )
    const part = db.prepare(
      "insert into dossier_participants (dossier_id, party_id, status) values (?, ?, 'member')",
    )
    for (const p of parties) part.run(dossierId, p.id)
    db.prepare(
      "insert into documents (id, dossier_id, kind, title, working_language, position, version, created_at, updated_at) values (?, ?, 'decision', ?, 'ru', 1, 1, ?, ?)",
    ).run(documentId, dossierId, JSON.stringify(content.title), now, now)
    db.prepare(
      "insert into versions (id, document_id, seq, label, status, content, content_hash, languages, provision_count, created_by, created_at, published_at, version, based_on_version_id) values (?, ?, 1, ?, 'published', ?, ?, ?, ?, ?, ?, ?, 1, null)",
    ).run(
      versionId,
      documentId,
      JSON.stringify({ ru: 'Проект', en: 'Draft' }),
      JSON.stringify(content),
      '0'.repeat(64),
      '["ru","en"]',
      PROVISIONS,
      editor.id,
      now,
      now,
    )
    const prov = db.prepare(
      "insert into provisions (version_id, eid, ordinal, section, kind, num, parent_eid, depth, heading, text) values (?, ?, ?, 'body', 'para', ?, null, 0, null, ?)",
    )
    content.body.forEach((p, i) => {
      prov.run(versionId, p.eid, i, p.num, JSON.stringify(p.text))
    })
    db.prepare(
      "insert into comment_rounds (id, dossier_id, document_id, version_id, opens_at, closes_at, timezone, dispositions_published_at, created_by, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, 'Europe/Minsk', null, ?, ?, ?, 1)",
    ).run(
      roundId,
      dossierId,
      documentId,
      versionId,
      '2020-07-10T09:00:00.000Z',
      '2020-08-14T15:00:00.000Z',
      editor.id,
      now,
      now,
    )
    const contrib = db.prepare(
      "insert into contributions (id, round_id, dossier_id, document_id, version_id, party_id, is_observer, provision_eid, kind, type, language, comment, proposed_text, span_start, span_end, after_eid, justification, status, drafted_by, submitted_by, submitted_at, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, 'ru', ?, ?, null, null, ?, ?, 'submitted', null, null, ?, ?, ?, 1)",
    )
    const disp = db.prepare(
      'insert into dispositions (contribution_id, round_id, decision, reasoning, adopted_text, merged_into, decided_by, decided_at, version) values (?, ?, ?, ?, ?, null, ?, ?, 1)',
    )
    const kinds = [
      'amendment',
      'amendment',
      'amendment',
      'amendment',
      'comment',
      'comment',
      'comment',
      'insertion',
      'deletion',
      'general',
    ]
    const decisions = ['accepted', 'not_accepted', 'accepted_in_part', 'accepted']
    for (let i = 0; i < CONTRIBUTIONS; i++) {
      const p = content.body[Math.floor(rand() * PROVISIONS)]
      const party = parties[Math.floor(rand() * parties.length)]
      const kind = kinds[Math.floor(rand() * kinds.length)]
      const text = p.text.ru[0].text
      const words = text.split(' ')
      const w = Math.floor(rand() * words.length)
      words[w] = `${words[w]}ами`
      const proposed =
        kind === 'amendment' ? words.join(' ') : kind === 'insertion' ? `Новое положение: ${text}` : null
      const cid = id()
      contrib.run(
        cid,
        roundId,
        dossierId,
        documentId,
        versionId,
        party.id,
        kind === 'general' || kind === 'insertion' ? null : p.eid,
        kind,
        'general',
        kind === 'comment' || kind === 'general'
          ? `Замечание делегации ${party.code} к пункту ${p.num}.`
          : null,
        proposed,
        kind === 'insertion' ? p.eid : null,
        'Обоснование предложения.',
        now,
        now,
        now,
      )
      if (rand() < 0.5) {
        const decision = decisions[Math.floor(rand() * decisions.length)]
        disp.run(
          cid,
          roundId,
          decision,
          JSON.stringify({ ru: 'Решение секретариата.', en: 'Secretariat decision.' }),
          decision === 'accepted_in_part' ? text : null,
          editor.id,
          now,
        )
      }
    }
  })()
  db.close()
  return { roundId }
}

async function timeRequests(url, headers) {
  const times = []
  let bytes = 0
  let first = null
  for (let i = 0; i < SAMPLES + 3; i++) {
    const started = performance.now()
    const res = await fetch(url, { headers })
    const body = await res.arrayBuffer()
    if (!res.ok) throw new Error(`${url} → ${res.status}: ${Buffer.from(body).toString().slice(0, 300)}`)
    const ms = performance.now() - started
    bytes = body.byteLength
    first ??= ms
    if (i >= 3) times.push(ms)
  }
  times.sort((a, b) => a - b)
  return { p50: median(times), p95: times[Math.floor(times.length * 0.95)], bytes, first }
}

export async function run() {
  const dir = makeTempDir('concord-bench-table-')
  const children = []
  try {
    const env = { CONCORD_DATA_DIR: dir, LOG_LEVEL: 'silent', CONCORD_DEMO_PASSWORD: 'demo' }
    await runNode([CONCORD_BIN, 'demo'], { env })
    const { roundId } = seed(path.join(dir, 'concord.sqlite'))
    const port = await freePort()
    const server = spawnNode([CONCORD_BIN, 'serve', '--port', String(port)], { env })
    children.push(server)
    await waitForOutput(server, /listening/)
    const base = `http://127.0.0.1:${port}`
    await waitReady(`${base}/ready`)
    const editor = client(base)
    await editor.login('editor@cis.demo', 'demo')
    const url = `${base}/api/rounds/${roundId}/table`
    const ours = await timeRequests(url, { cookie: editor.cookie })
    const body = await (await fetch(url, { headers: { cookie: editor.cookie } })).text()
    const rows = JSON.parse(body).data.rows
    const shown = rows.reduce((n, r) => n + r.contributions.length, 0)
    await stopChild(server)
    children.pop()

    const bodyFile = path.join(dir, 'table.json')
    fs.writeFileSync(bodyFile, body)
    const peerPort = await freePort()
    const peer = spawnNode(['bench/peer-fastify.mjs', bodyFile, String(peerPort)])
    children.push(peer)
    await waitForOutput(peer, /listening/)
    const theirs = await timeRequests(`http://127.0.0.1:${peerPort}/doc`, {})
    const pass = ours.p50 <= 150
    const conditions = `${machine()}; SQLite in os.tmpdir(); ${PROVISIONS} provisions, ${PARTIES} parties, ${CONTRIBUTIONS} contributions (about half disposed), ${shown} shown; editor's session; ${SAMPLES} sequential GETs after 3 warm-up, one connection; payload ${ours.bytes} B; ours p50 ${round(ours.p50, 1)} ms p95 ${round(ours.p95, 1)} ms, first request (table built, then kept until the round changes) ${round(ours.first, 1)} ms; peer (bare fastify, same bytes) p50 ${round(theirs.p50, 1)} ms; ${new Date().toISOString()}`
    return {
      entry: {
        name: 'table.json',
        metric: 'p50_latency',
        value: round(ours.p50, 1),
        unit: 'ms',
        peer: 'bare fastify sending the same JSON',
        peer_value: round(theirs.p50, 1),
        ratio: round(ours.p50 / theirs.p50, 2),
        goal: 'value <= 150 ms',
        pass,
        conditions,
        extra: {
          p95_ms: round(ours.p95, 1),
          cold_ms: round(ours.first, 1),
          payload_bytes: ours.bytes,
          rows: rows.length,
          contributions_shown: shown,
        },
      },
      summary: `table.json: p50 ${round(ours.p50, 1)} ms (p95 ${round(ours.p95, 1)}) vs bare fastify ${round(theirs.p50, 1)} ms, ${shown} contributions, ${ours.bytes} B → ${pass ? 'PASS' : 'FAIL'} (p50 <= 150 ms)`,
      record: true,
    }
  } finally {
    for (const c of children) await stopChild(c)
    removeTempDir(dir)
  }
}
