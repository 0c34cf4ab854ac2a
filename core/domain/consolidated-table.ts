/**
 * The consolidated table (сводная таблица замечаний и предложений), built from structured
 * data: one row per provision with its current text, every contribution on it as a redline
 * against that text, the secretariat's disposition and the resulting text. A pure function,
 * so the web page, the JSON, the DOCX and the PDF show exactly the same table.
 */
import type {
  ContributionDTO,
  TableContributionDTO,
  TableQueryFilters,
  TableRowDTO,
} from '../api/contributions.js'
import type { Lang } from '../i18n/languages.js'
import { type DiffOp, diffWords } from '../text/diff.js'
import { type DocumentContent, flattenProvisions, runsToPlainText } from '../text/model.js'
import { proposedWording } from '../text/revise.js'

function matches(c: ContributionDTO, f: TableQueryFilters): boolean {
  if (
    f.party?.length &&
    !f.party.includes(c.party.code) &&
    !c.cosponsors.some((s) => f.party!.includes(s.code))
  )
    return false
  if (f.kind?.length && !f.kind.includes(c.kind)) return false
  if (f.status?.length) {
    const decision = c.disposition?.decision ?? 'undecided'
    if (!f.status.includes(c.status) && !f.status.includes(decision)) return false
  }
  if (f.provision?.length) {
    const eid = c.provisionEid ?? c.afterEid
    if (!eid || !f.provision.includes(eid)) return false
  }
  return true
}

/** The wording a contribution would give its provision if applied as disposed; null: no change. */
function resultOf(c: ContributionDTO, current: string): string | null {
  const decision = c.disposition?.decision
  if (decision === 'accepted_in_part') return c.disposition!.adoptedText
  if (decision !== 'accepted') return c.kind === 'comment' || c.kind === 'general' ? null : current
  if (c.kind === 'amendment') return proposedWording(current, c.proposedText ?? '', c.span)
  if (c.kind === 'insertion') return c.proposedText
  if (c.kind === 'deletion') return ''
  return null
}

function redlineOf(c: ContributionDTO, current: string): DiffOp[] {
  if (c.kind === 'amendment')
    return diffWords(current, proposedWording(current, c.proposedText ?? '', c.span))
  if (c.kind === 'insertion') return c.proposedText ? [{ op: 'insert', text: c.proposedText }] : []
  if (c.kind === 'deletion') return current ? [{ op: 'delete', text: current }] : []
  return []
}

export interface BuildTableOptions {
  lang: Lang
  filters: TableQueryFilters
  /** Include provisions nobody commented on (the full table); default true. */
  includeEmpty?: boolean
}

/** Rows of the table, in document order; general contributions first, in a row of their own. */
export function buildTableRows(
  content: DocumentContent,
  contributions: ContributionDTO[],
  opts: BuildTableOptions,
): TableRowDTO[] {
  const shown = contributions.filter((c) => matches(c, opts.filters))
  const byEid = new Map<string, ContributionDTO[]>()
  const general: ContributionDTO[] = []
  for (const c of shown) {
    const eid = c.kind === 'insertion' ? c.afterEid : c.provisionEid
    if (!eid) general.push(c)
    else byEid.set(eid, [...(byEid.get(eid) ?? []), c])
  }
  const filteredByProvision = !!opts.filters.provision?.length
  const includeEmpty =
    (opts.includeEmpty ?? true) &&
    !filteredByProvision &&
    !opts.filters.party?.length &&
    !opts.filters.kind?.length &&
    !opts.filters.status?.length
  const rows: TableRowDTO[] = []
  // A proposal is compared with the provision in the proposal's own language, whatever the
  // language the table is shown in.
  const toRow = (c: ContributionDTO, current: string): TableContributionDTO => ({
    id: c.id,
    party: c.party,
    isObserver: c.isObserver,
    cosponsors: c.cosponsors.map((s) => s.code),
    kind: c.kind,
    type: c.type,
    language: c.language,
    comment: c.comment,
    redline: redlineOf(c, current),
    justification: c.justification,
    status: c.status,
    decision: c.disposition?.decision ?? null,
    reasoning: c.disposition
      ? (c.disposition.reasoning[opts.lang] ??
        c.disposition.reasoning.ru ??
        c.disposition.reasoning.en ??
        null)
      : null,
    resultingText: resultOf(c, current),
  })
  if (general.length) {
    rows.push({
      eid: null,
      num: null,
      text: '',
      contributions: general.map((c) => toRow(c, '')),
      resultingText: null,
    })
  }
  for (const p of flattenProvisions(content)) {
    const list = byEid.get(p.eid) ?? []
    if (!list.length && !includeEmpty) continue
    const current = runsToPlainText(p.text[opts.lang])
    const textIn = (lang: Lang) => (lang === opts.lang ? current : runsToPlainText(p.text[lang]))
    let resulting: string | null = current
    let resultingLang = opts.lang
    for (const c of list) {
      if (c.status !== 'submitted' || (c.kind !== 'amendment' && c.kind !== 'deletion')) continue
      if (c.disposition?.decision === 'accepted' || c.disposition?.decision === 'accepted_in_part') {
        resulting =
          c.kind === 'deletion' && c.disposition.decision === 'accepted'
            ? null
            : resultOf(c, textIn(c.language))
        resultingLang = c.language
      }
    }
    rows.push({
      eid: p.eid,
      num: p.num,
      text: current,
      contributions: list.map((c) => toRow(c, textIn(c.language))),
      resultingText: resulting,
      resultingLang,
    })
  }
  return rows
}
