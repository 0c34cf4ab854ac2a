/**
 * The consolidated table ("сводная таблица замечаний и предложений") as the writers see it:
 * the title block, the column headings and, per provision, its merged cells (number,
 * current text, resulting text) and one sub-row per contribution (party, kind and type,
 * proposal and comment, justification, disposition). Both the DOCX and the PDF writer
 * render exactly this, so the two exports always say the same thing.
 */
import type { ConsolidatedTableDTO, TableContributionDTO, TableRowDTO } from '@core/api/contributions.js'
import { t } from '@core/i18n/index.js'
import { type Lang, pickText } from '@core/i18n/languages.js'
import { type Cell, clean, formatDate, type Paragraph, redlineSpans, type Span } from './text.js'

/** Columns in order. `merged` columns span all of a provision's contributions. */
export const COLUMNS = [
  { key: 'num', weight: 7.5, merged: true },
  { key: 'text', weight: 15, merged: true },
  { key: 'party', weight: 9, merged: false },
  { key: 'kind', weight: 9, merged: false },
  { key: 'proposal', weight: 19, merged: false },
  { key: 'justification', weight: 11.5, merged: false },
  { key: 'disposition', weight: 13.5, merged: false },
  { key: 'result', weight: 15.5, merged: true },
] as const
export type ColumnKey = (typeof COLUMNS)[number]['key']

/** One provision: the merged cells and one sub-row (5 cells: party … disposition) per contribution. */
export interface TableGroup {
  num: Cell
  text: Cell
  result: Cell
  rows: Cell[][]
}

export interface TitleLine {
  text: string
  bold?: boolean
  /** Relative size: 'title' (largest), 'subtitle', 'normal', 'small'. */
  size: 'title' | 'subtitle' | 'normal' | 'small'
}

export interface TableModel {
  lang: Lang
  /** Short title for document properties. */
  docTitle: string
  titleLines: TitleLine[]
  headings: string[]
  groups: TableGroup[]
  /** Shown instead of the table body when there is nothing to show. */
  empty: string | null
  /** "Legend: deleted text struck through; inserted text underlined", with samples of the look. */
  legend: Paragraph
  contributionCount: number
  /** "стр. {page} из {pages}". */
  pageTemplate: string
  pageLabel: (page: number, pages: number) => string
}

const para = (...spans: Span[]): Paragraph => spans.filter((s) => s.text.length > 0)
const textCell = (text: string, extra: Omit<Span, 'text'> = {}): Cell => (text ? [[{ text, ...extra }]] : [])

/** Builds the model of the table in `lang` (headings and labels from core/i18n). */
export function buildTableModel(table: ConsolidatedTableDTO, lang: Lang): TableModel {
  const L = labels(lang)
  const title = clean(pickText(table.document.title, lang))
  const round = table.round
  const titleLines: TitleLine[] = [
    { text: L.title, bold: true, size: 'title' },
    { text: t(lang, 'export.table.onDraft', { title }), bold: true, size: 'subtitle' },
  ]
  const refAndVersion = [clean(table.document.reference), clean(pickText(round.versionLabel, lang))]
    .filter(Boolean)
    .join(' · ')
  if (refAndVersion) titleLines.push({ text: refAndVersion, size: 'normal' })
  const zone = clean(round.timezone) || undefined
  const opens = formatDate(round.opensAt, lang, { withTime: false, timeZone: zone })
  const closes = formatDate(round.closesAt, lang, { withTime: true, timeZone: zone })
  titleLines.push({
    text: `${t(lang, 'export.table.round', { opens, closes })}${zone ? ` (${zone})` : ''}`,
    size: 'normal',
  })

  let contributionCount = 0
  const parties = new Set<string>()
  for (const row of table.rows) {
    contributionCount += row.contributions.length
    for (const c of row.contributions) parties.add(c.party.code)
  }
  const provisionCount = table.rows.filter((r) => r.eid !== null).length
  titleLines.push({
    text: t(lang, 'export.table.counts', {
      provisions: provisionCount,
      contributions: contributionCount,
      parties: parties.size,
    }),
    size: 'small',
  })
  const selection = selectionText(table, lang)
  if (selection) titleLines.push({ text: selection, size: 'small' })
  titleLines.push({
    text: t(lang, 'export.table.generated', {
      date: formatDate(table.generatedAt, lang, { withTime: true }),
    }),
    size: 'small',
  })

  const groups = table.rows.map((row) => buildGroup(row, lang, L))
  return {
    lang,
    docTitle: `${L.title}: ${title}`,
    titleLines,
    headings: COLUMNS.map((c) => t(lang, `export.col.${c.key}`)),
    groups,
    empty: groups.length === 0 ? t(lang, 'export.table.empty') : null,
    legend: legendSpans(lang),
    contributionCount,
    pageTemplate: t(lang, 'export.page'),
    pageLabel: (page, pages) => t(lang, 'export.page', { page, pages }),
  }
}

function legendSpans(lang: Lang): Paragraph {
  const spans: Paragraph = []
  for (const part of t(lang, 'export.table.legend').split(/(\{deleted\}|\{inserted\})/)) {
    if (part === '{deleted}') spans.push({ text: t(lang, 'export.table.legend.deleted'), del: true })
    else if (part === '{inserted}') spans.push({ text: t(lang, 'export.table.legend.inserted'), ins: true })
    else if (part) spans.push({ text: part, italic: true })
  }
  return spans
}

type Labels = ReturnType<typeof labels>

/** Every label the rows need, looked up once per export rather than once per cell. */
function labels(lang: Lang) {
  const map = (prefix: string, keys: readonly string[]) =>
    Object.fromEntries(keys.map((k) => [k, t(lang, `${prefix}.${k}`)])) as Record<string, string>
  return {
    title: t(lang, 'export.table.title'),
    general: t(lang, 'export.row.general'),
    preamble: t(lang, 'export.row.preamble'),
    none: t(lang, 'export.row.noContributions'),
    deleted: t(lang, 'export.row.deleted'),
    unchanged: t(lang, 'export.row.unchanged'),
    observer: t(lang, 'export.party.observer'),
    explanation: t(lang, 'export.proposal.explanation'),
    kind: map('export.kind', ['comment', 'amendment', 'insertion', 'deletion', 'general']),
    type: map('export.type', ['general', 'technical', 'editorial']),
    status: map('export.status', ['draft', 'submitted', 'withdrawn']),
    decision: map('export.decision', [
      'accepted',
      'accepted_in_part',
      'not_accepted',
      'withdrawn',
      'merged',
      'pending',
    ]),
    cosponsors: (parties: string) => t(lang, 'export.party.cosponsors', { parties }),
  }
}

function selectionText(table: ConsolidatedTableDTO, lang: Lang): string {
  const f = table.filters
  const parts: string[] = []
  const add = (key: string, values: readonly string[] | undefined) => {
    if (values?.length)
      parts.push(t(lang, `export.table.filter.${key}`, { values: values.map(clean).join(', ') }))
  }
  add('party', f?.party)
  add(
    'kind',
    f?.kind?.map((k) => t(lang, `export.kind.${k}`)),
  )
  add(
    'status',
    f?.status?.map((s) => t(lang, `export.status.${s}`)),
  )
  add('provision', f?.provision)
  return parts.length ? t(lang, 'export.table.selection', { filters: parts.join('; ') }) : ''
}

function provisionLabel(row: TableRowDTO, L: Labels): string {
  if (row.eid === null) return L.general
  const num = clean(row.num)
  if (row.eid.startsWith('preamble')) return num ? `${L.preamble}, ${num}` : L.preamble
  return num || clean(row.eid)
}

function buildGroup(row: TableRowDTO, lang: Lang, L: Labels): TableGroup {
  const text = clean(row.text)
  let result: Cell
  if (row.eid === null) result = []
  else if (row.resultingText === null) result = textCell(L.deleted, { italic: true, muted: true })
  else {
    const resulting = clean(row.resultingText)
    result =
      resulting === text && row.contributions.length > 0
        ? textCell(L.unchanged, { italic: true })
        : textCell(resulting)
  }
  const rows =
    row.contributions.length === 0
      ? [[[], [], textCell(L.none, { italic: true, muted: true }), [], []]]
      : row.contributions.map((c) => contributionCells(c, lang, L))
  return { num: textCell(provisionLabel(row, L), { bold: true }), text: textCell(text), result, rows }
}

function contributionCells(c: TableContributionDTO, lang: Lang, L: Labels): Cell[] {
  const party: Cell = [
    para({ text: clean(pickText(c.party.name, lang)), bold: true }, { text: ` (${clean(c.party.code)})` }),
  ]
  if (c.isObserver) party.push([{ text: `(${L.observer})`, italic: true }])
  if (c.cosponsors.length)
    party.push([{ text: L.cosponsors(c.cosponsors.map(clean).join(', ')), muted: true }])

  const kind: Cell = [
    [{ text: L.kind[c.kind] ?? c.kind }],
    [{ text: L.type[c.type] ?? c.type, italic: true }],
  ]
  if (c.status !== 'submitted') kind.push([{ text: L.status[c.status] ?? c.status, muted: true }])

  const proposal: Cell = []
  const redline = redlineSpans(c.redline)
  if (redline.length) proposal.push(redline)
  const comment = clean(c.comment)
  if (comment) {
    proposal.push(
      redline.length ? para({ text: L.explanation, italic: true }, { text: comment }) : [{ text: comment }],
    )
  }

  const disposition: Cell = [
    c.decision
      ? [{ text: L.decision[c.decision] ?? c.decision, bold: true }]
      : [{ text: L.decision.pending ?? '', italic: true, muted: true }],
  ]
  const reasoning = clean(c.reasoning)
  if (reasoning) disposition.push([{ text: reasoning }])

  return [party, kind, proposal, textCell(clean(c.justification)), disposition]
}
