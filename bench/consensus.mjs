// consensus.engine: the consensus engine (core/domain/consensus.ts) on 200 parties ×
// 2,000 provisions × 50,000 position events, and at 2x and 4x that size. Goal: <= 50 ms at
// the base size. Peer in the same run: a straightforward evaluation of the same rules with
// Maps keyed by party and provision (what one writes first), which also cross-checks the result.
import os from 'node:os'
import path from 'node:path'
import { build } from 'esbuild'
import { machine, median, ROOT, round } from './lib.mjs'

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

const KINDS = [
  'agree',
  'agree',
  'agree',
  'agree_ad_referendum',
  'reservation',
  'objection',
  'non_participation',
]

export function generate(parties, provisions, events, seed = 21082020) {
  const rand = prng(seed)
  const ps = Array.from({ length: parties }, (_, i) => ({
    id: `p${i}`,
    code: `P${i}`,
    status: i % 20 === 19 ? 'observer' : 'member',
  }))
  const eids = Array.from({ length: provisions }, (_, i) => `para_${i + 1}`)
  const ev = []
  for (let i = 0; i < events; i++) {
    const party = ps[Math.floor(rand() * parties)]
    const onDocument = rand() < 0.1
    ev.push({
      partyId: party.id,
      provisionEid: onDocument ? null : eids[Math.floor(rand() * provisions)],
      kind: KINDS[Math.floor(rand() * KINDS.length)],
      text: null,
    })
  }
  const brackets = new Map()
  for (let i = 0; i < provisions / 50; i++) brackets.set(eids[Math.floor(rand() * provisions)], [`b${i}`])
  return {
    rule: { kind: 'consensus_interested_party' },
    parties: ps,
    provisions: eids,
    openBrackets: brackets,
    events: ev,
  }
}

/** The same rules, written plainly (the peer). Returns the agreed provisions. */
function naive(input) {
  const doc = new Map()
  const cells = new Map()
  input.events.forEach((e, n) => {
    if (e.provisionEid === null) doc.set(e.partyId, { kind: e.kind, n })
    else cells.set(`${e.partyId}|${e.provisionEid}`, { kind: e.kind, n })
  })
  const agreed = []
  for (const eid of input.provisions) {
    let ok = !(input.openBrackets.get(eid) ?? []).length
    for (const p of input.parties) {
      if (p.status !== 'member') continue
      const d = doc.get(p.id)
      if (d?.kind === 'non_participation') continue
      const c = cells.get(`${p.id}|${eid}`)
      const pos = c && (!d || c.n > d.n) ? c.kind : d?.kind
      if (pos === 'objection') ok = false
    }
    agreed.push(ok)
  }
  return agreed
}

export async function run() {
  const out = path.join(os.tmpdir(), `concord-consensus-${process.pid}.mjs`)
  await build({
    entryPoints: [path.join(ROOT, 'core/domain/consensus.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: out,
    logLevel: 'warning',
  })
  const { computeConsensus } = await import(out)
  const sizes = [1, 2, 4].map((k) => ({ k, parties: 200 * k, provisions: 2000 * k, events: 50000 * k }))
  const results = []
  for (const size of sizes) {
    const input = generate(size.parties, size.provisions, size.events)
    const ours = []
    const peer = []
    let outcome
    for (let i = 0; i < 7; i++) {
      let t = performance.now()
      outcome = computeConsensus(input)
      ours.push(performance.now() - t)
      t = performance.now()
      const check = naive(input)
      peer.push(performance.now() - t)
      if (i === 0) {
        const mismatch = check.findIndex((ok, j) => ok !== outcome.provisions[j].agreed)
        if (mismatch >= 0) throw new Error(`engine and reference disagree on ${input.provisions[mismatch]}`)
      }
    }
    results.push({
      ...size,
      ours: median(ours.slice(2)),
      peer: median(peer.slice(2)),
      agreed: outcome.provisions.filter((p) => p.agreed).length,
    })
  }
  const base = results[0]
  const pass = base.ours <= 50
  const scaling = results
    .map(
      (r) =>
        `${r.k}x (${r.parties} parties × ${r.provisions} provisions × ${r.events} events): ${round(r.ours, 1)} ms, reference ${round(r.peer, 1)} ms`,
    )
    .join('; ')
  return {
    entry: {
      name: 'consensus.engine',
      metric: 'time',
      value: round(base.ours, 1),
      unit: 'ms',
      peer: 'plain Map-based evaluation of the same rules',
      peer_value: round(base.peer, 1),
      ratio: round(base.ours / base.peer, 3),
      goal: 'value <= 50 ms',
      pass,
      conditions: `${machine()}; in-process, median of 5 after 2 warm-up runs; consensus with the interested-party principle, 1 party in 20 an observer, 10% document-level events, 1 provision in 50 with an open bracket; ${scaling}; ${new Date().toISOString()}`,
      extra: {
        scaling: results.map((r) => ({
          size: `${r.k}x`,
          ms: round(r.ours, 1),
          reference_ms: round(r.peer, 1),
        })),
      },
    },
    summary: `consensus.engine: ${round(base.ours, 1)} ms vs reference ${round(base.peer, 1)} ms; 2x ${round(results[1].ours, 1)} ms, 4x ${round(results[2].ours, 1)} ms → ${pass ? 'PASS' : 'FAIL'} (<= 50 ms)`,
    record: true,
  }
}
