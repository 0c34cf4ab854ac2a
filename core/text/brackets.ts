/**
 * Square brackets: unagreed text with alternatives backed by named parties. The secretariat
 * puts a span of a working draft in brackets; on a circulated version parties back
 * alternatives and the secretariat resolves brackets as events (the content never changes);
 * the next revision writes the resolutions into the text ("clean text" when none remain).
 */
import type { Lang } from '../i18n/languages.js'
import { type BracketRun, type DocumentContent, type Provision, type Run, SECTIONS } from './model.js'

export class BracketError extends Error {
  constructor(readonly code: 'provision_not_found' | 'span_invalid' | 'bracket_not_found') {
    super(code)
  }
}

function findProvision(content: DocumentContent, eid: string): Provision | null {
  const visit = (list: Provision[]): Provision | null => {
    for (const p of list) {
      if (p.eid === eid) return p
      const inner = p.children ? visit(p.children) : null
      if (inner) return inner
    }
    return null
  }
  for (const s of SECTIONS) {
    const found = visit(content[s])
    if (found) return found
  }
  return null
}

/** Every bracket run of the content, with its provision and language. */
export function bracketsOf(content: DocumentContent): { eid: string; lang: Lang; run: BracketRun }[] {
  const out: { eid: string; lang: Lang; run: BracketRun }[] = []
  const visit = (list: Provision[]) => {
    for (const p of list) {
      for (const [lang, runs] of Object.entries(p.text ?? {}) as [Lang, Run[]][]) {
        for (const run of runs) if (run.type === 'bracket') out.push({ eid: p.eid, lang, run })
      }
      if (p.children) visit(p.children)
    }
  }
  for (const s of SECTIONS) visit(content[s])
  return out
}

/**
 * Puts the span [start, end) of a provision's plain text (in one language) in brackets with
 * the given alternatives. The span must lie in plain text, not across another bracket.
 */
export function insertBracket(
  base: DocumentContent,
  at: { eid: string; lang: Lang; start: number; end: number },
  bracket: { id: string; alternatives: { text: string; backers: string[] }[] },
): DocumentContent {
  const content = structuredClone(base) as DocumentContent
  const p = findProvision(content, at.eid)
  if (!p) throw new BracketError('provision_not_found')
  const runs = p.text?.[at.lang]
  if (!runs || at.end <= at.start) throw new BracketError('span_invalid')
  const out: Run[] = []
  let offset = 0
  let placed = false
  for (const run of runs) {
    if (run.type !== 'text') {
      const length =
        run.type === 'bracket' ? (run.resolved?.text ?? run.alternatives[0]?.text ?? '').length : 0
      if (at.start < offset + length && at.end > offset) throw new BracketError('span_invalid')
      out.push(run)
      offset += length
      continue
    }
    const from = offset
    const to = offset + run.text.length
    offset = to
    if (at.end <= from || at.start >= to) {
      out.push(run)
      continue
    }
    if (at.start < from || at.end > to) throw new BracketError('span_invalid')
    const before = run.text.slice(0, at.start - from)
    const after = run.text.slice(at.end - from)
    if (before) out.push({ ...run, text: before })
    out.push({ type: 'bracket', id: bracket.id, alternatives: bracket.alternatives })
    if (after) out.push({ ...run, text: after })
    placed = true
  }
  if (!placed) throw new BracketError('span_invalid')
  p.text = { ...p.text, [at.lang]: out }
  return content
}

export type BracketEvent =
  | { kind: 'back'; bracketId: string; party: string; alternative: number }
  | { kind: 'unback'; bracketId: string; party: string }
  | { kind: 'resolve'; bracketId: string; text: string; agreedBy: string[] }

/** The content with the backing and resolutions recorded since it was circulated. */
export function withBracketEvents(base: DocumentContent, events: readonly BracketEvent[]): DocumentContent {
  if (events.length === 0) return base
  const content = structuredClone(base) as DocumentContent
  const byId = new Map(bracketsOf(content).map((b) => [b.run.id, b.run]))
  for (const e of events) {
    const run = byId.get(e.bracketId)
    if (!run) continue
    if (e.kind === 'resolve') {
      run.resolved = { text: e.text, agreedBy: e.agreedBy }
      continue
    }
    for (const alt of run.alternatives) alt.backers = alt.backers.filter((b) => b !== e.party)
    if (e.kind === 'back') run.alternatives[e.alternative]?.backers.push(e.party)
  }
  return content
}

/** Resolved brackets written into the text as plain runs (the next revision's text). */
export function writeResolutions(base: DocumentContent): DocumentContent {
  const content = structuredClone(base) as DocumentContent
  const visit = (list: Provision[]) => {
    for (const p of list) {
      for (const lang of Object.keys(p.text ?? {}) as Lang[]) {
        const runs = p.text![lang]!
        if (!runs.some((r) => r.type === 'bracket' && r.resolved)) continue
        const merged: Run[] = []
        for (const r of runs) {
          const next: Run = r.type === 'bracket' && r.resolved ? { type: 'text', text: r.resolved.text } : r
          const last = merged[merged.length - 1]
          if (
            next.type === 'text' &&
            last?.type === 'text' &&
            !last.em &&
            !last.strong &&
            !next.em &&
            !next.strong
          ) {
            merged[merged.length - 1] = { type: 'text', text: last.text + next.text }
          } else if (next.type !== 'text' || next.text) merged.push(next)
        }
        p.text![lang] = merged.filter((r) => r.type !== 'text' || r.text.length > 0)
      }
      if (p.children) visit(p.children)
    }
  }
  for (const s of SECTIONS) visit(content[s])
  return content
}

/** Open brackets per provision. */
export function openBrackets(content: DocumentContent): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const b of bracketsOf(content)) {
    if (b.run.resolved) continue
    const list = out.get(b.eid) ?? []
    if (!list.includes(b.run.id)) list.push(b.run.id)
    out.set(b.eid, list)
  }
  return out
}
