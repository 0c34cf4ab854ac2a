/**
 * Producing a revision: the accepted (and accepted-in-part) contributions applied to a
 * version's content. Eids of existing provisions never change; an inserted provision gets
 * a new eid that was never used in the document; numbers that were a plain sequence are
 * renumbered. Every touched provision records the contributions that changed it.
 */
import type { Lang } from '../i18n/languages.js'
import { type DocumentContent, type Provision, plain, runsToPlainText, SECTIONS } from './model.js'

export interface AcceptedChange {
  contributionId: string
  kind: 'amendment' | 'insertion' | 'deletion'
  /** The provision amended or deleted. */
  eid: string | null
  /** Insertion: the provision after which the new one goes. */
  afterEid: string | null
  language: Lang
  /** Amendment: the provision's full new wording; insertion: the new provision's text. */
  text: string | null
}

/**
 * The full wording a proposal gives a provision: the proposed text replaces the span
 * [start, end) of the current text, or the whole text when there is no span.
 */
export function proposedWording(
  current: string,
  proposedText: string,
  span: { start: number; end: number } | null,
): string {
  if (!span) return proposedText
  const start = Math.max(0, Math.min(span.start, current.length))
  const end = Math.max(start, Math.min(span.end, current.length))
  return current.slice(0, start) + proposedText + current.slice(end)
}

/** The provision's plain text in a language. */
export function provisionText(p: Provision, lang: Lang): string {
  return runsToPlainText(p.text?.[lang])
}

interface Located {
  list: Provision[]
  index: number
}

function locate(content: DocumentContent, eid: string): Located | null {
  const search = (list: Provision[]): Located | null => {
    for (let i = 0; i < list.length; i++) {
      const p = list[i]!
      if (p.eid === eid) return { list, index: i }
      if (p.children) {
        const found = search(p.children)
        if (found) return found
      }
    }
    return null
  }
  for (const section of SECTIONS) {
    const found = search(content[section])
    if (found) return found
  }
  return null
}

function allEids(content: DocumentContent): Set<string> {
  const out = new Set<string>()
  const walk = (list: Provision[]) => {
    for (const p of list) {
      out.add(p.eid)
      if (p.children) walk(p.children)
    }
  }
  for (const section of SECTIONS) walk(content[section])
  return out
}

/** A new eid beside `afterEid`, of the same kind, never used in the document. */
export function newSiblingEid(afterEid: string, used: Set<string>): string {
  const segments = afterEid.split('__')
  const last = segments.pop()!
  const kind = last.slice(0, last.indexOf('_'))
  const prefix = segments.length ? `${segments.join('__')}__` : ''
  let max = 0
  for (const eid of used) {
    if (!eid.startsWith(`${prefix}${kind}_`)) continue
    const label = eid.slice(prefix.length + kind.length + 1)
    if (/^\d+$/.test(label)) max = Math.max(max, Number(label))
  }
  let n = max + 1
  while (used.has(`${prefix}${kind}_${n}`)) n++
  return `${prefix}${kind}_${n}`
}

/** Renumbers a sibling list whose numbers were a plain sequence 1, 2, 3... */
function renumber(list: Provision[]): void {
  const numbered = list.filter((p) => p.num !== undefined)
  if (numbered.length === 0 || !numbered.every((p) => /^\d+$/.test(p.num!))) return
  let n = 1
  for (const p of list) {
    if (p.num !== undefined) p.num = String(n++)
    if (p.children) renumber(p.children)
  }
}

export interface Revision {
  content: DocumentContent
  /** eid → the contributions that changed it. */
  sources: Map<string, string[]>
  /** Changes that could not apply (their provision was deleted by an earlier change). */
  skipped: string[]
}

/** Applies accepted changes, in order, to a copy of the content. */
export function applyChanges(base: DocumentContent, changes: readonly AcceptedChange[]): Revision {
  const content = structuredClone(base) as DocumentContent
  const used = allEids(content)
  const sources = new Map<string, string[]>()
  const skipped: string[] = []
  const touch = (eid: string, id: string) => sources.set(eid, [...(sources.get(eid) ?? []), id])

  for (const change of changes) {
    if (change.kind === 'amendment' && change.eid && change.text !== null) {
      const at = locate(content, change.eid)
      if (!at) {
        skipped.push(change.contributionId)
        continue
      }
      const p = at.list[at.index]!
      p.text = { ...(p.text ?? {}), [change.language]: plain(change.text) }
      touch(p.eid, change.contributionId)
    } else if (change.kind === 'deletion' && change.eid) {
      const at = locate(content, change.eid)
      if (!at) {
        skipped.push(change.contributionId)
        continue
      }
      at.list.splice(at.index, 1)
      touch(change.eid, change.contributionId)
    } else if (change.kind === 'insertion' && change.afterEid && change.text) {
      const at = locate(content, change.afterEid)
      if (!at) {
        skipped.push(change.contributionId)
        continue
      }
      const after = at.list[at.index]!
      const eid = newSiblingEid(after.eid, used)
      used.add(eid)
      const inserted: Provision = { eid, kind: after.kind, text: { [change.language]: plain(change.text) } }
      if (after.num !== undefined) inserted.num = after.num
      at.list.splice(at.index + 1, 0, inserted)
      touch(eid, change.contributionId)
    } else {
      skipped.push(change.contributionId)
    }
  }
  for (const section of SECTIONS) renumber(content[section])
  return { content, sources, skipped }
}
