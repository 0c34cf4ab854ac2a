/**
 * The consolidated table of comments and proposals as a Word document (landscape A4):
 * a title block, then one table with a repeated header row, one row per contribution and
 * the provision's number, text and resulting text merged vertically (w:vMerge) across its
 * contributions. The redline inside a cell is formatting (struck-through red deletions,
 * underlined blue insertions), not tracked changes.
 */
import type { ConsolidatedTableDTO } from '@core/api/contributions.js'
import type { Lang } from '@core/i18n/languages.js'
import { buildTableModel, COLUMNS, type TableModel } from '../table-model.js'
import type { Cell } from '../text.js'
import {
  COLOR,
  footerXml,
  langTag,
  packageDocx,
  paragraph,
  R_NS,
  run,
  settingsXml,
  stylesXml,
  W_NS,
  XML_DECL,
} from './ooxml.js'

// Landscape A4 in twentieths of a point; margins 1.5 cm, top 2 cm.
const PAGE_W = 16838
const PAGE_H = 11906
const MARGIN_X = 851
const MARGIN_TOP = 1134
const MARGIN_BOTTOM = 851
const TEXT_W = PAGE_W - 2 * MARGIN_X
const TABLE_SIZE = 20 // 10 pt, in half-points
const TITLE_SIZES = { title: 28, subtitle: 24, normal: 22, small: 20 } as const

const WEIGHT_SUM = COLUMNS.reduce((s, c) => s + c.weight, 0)
const WIDTHS = (() => {
  const w = COLUMNS.map((c) => Math.floor((TEXT_W * c.weight) / WEIGHT_SUM))
  w[w.length - 1]! += TEXT_W - w.reduce((a, b) => a + b, 0)
  return w
})()
const TC_PR = WIDTHS.map((w) => `<w:tcW w:w="${w}" w:type="dxa"/>`)
const CELL_P_PR = '<w:spacing w:after="40"/>'
const LAST_P_PR = ''

/** Writes the consolidated table as .docx bytes. */
export function consolidatedTableDocx(table: ConsolidatedTableDTO, lang: Lang): Uint8Array {
  const model = buildTableModel(table, lang)
  return packageDocx({
    document: (emit) => documentXml(model, emit),
    styles: stylesXml({ size: TABLE_SIZE, langTag: langTag(lang) }),
    settings: settingsXml(),
    footer: footerXml(model.pageTemplate, table.document.reference ?? '', TEXT_W),
    title: model.docTitle,
    langTag: langTag(lang),
    date: table.generatedAt,
  })
}

function cellXml(index: number, cell: Cell, extraTcPr = ''): string {
  let body = ''
  const n = cell.length
  for (let i = 0; i < n; i++) body += paragraph(cell[i]!, i < n - 1 ? CELL_P_PR : LAST_P_PR)
  return `<w:tc><w:tcPr>${TC_PR[index]}${extraTcPr}</w:tcPr>${body || '<w:p/>'}</w:tc>`
}

const VMERGE_RESTART = '<w:vMerge w:val="restart"/>'
const VMERGE_CONTINUE = `<w:vMerge/>`

function documentXml(model: TableModel, emit: (xml: string) => void): void {
  const out = {
    push: (...xml: string[]) => {
      for (const x of xml) emit(x)
    },
  }
  out.push(
    `${XML_DECL}<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>`,
    ...titleBlock(model),
    '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/>',
    `<w:tblW w:w="${TEXT_W}" w:type="dxa"/><w:tblLayout w:type="fixed"/>`,
    '<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="57" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>',
    '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>',
    ...WIDTHS.map((w) => `<w:gridCol w:w="${w}"/>`),
    '</w:tblGrid>',
  )
  // Header row, repeated on every page.
  let header = '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>'
  model.headings.forEach((h, i) => {
    header += `<w:tc><w:tcPr>${TC_PR[i]}<w:shd w:val="clear" w:color="auto" w:fill="${COLOR.headerFill}"/><w:vAlign w:val="center"/></w:tcPr>${paragraph([{ text: h, bold: true }], '<w:jc w:val="center"/>')}</w:tc>`
  })
  out.push(`${header}</w:tr>`)

  if (model.empty) {
    out.push(
      `<w:tr><w:tc><w:tcPr><w:tcW w:w="${TEXT_W}" w:type="dxa"/><w:gridSpan w:val="${COLUMNS.length}"/></w:tcPr>${paragraph([{ text: model.empty, italic: true }], '<w:jc w:val="center"/>')}</w:tc></w:tr>`,
    )
  }
  for (const group of model.groups) {
    const merge = group.rows.length > 1
    for (let r = 0; r < group.rows.length; r++) {
      const sub = group.rows[r]!
      const first = r === 0
      let tr = '<w:tr>'
      if (first) {
        tr += cellXml(0, group.num, merge ? VMERGE_RESTART : '')
        tr += cellXml(1, group.text, merge ? VMERGE_RESTART : '')
      } else {
        tr += `<w:tc><w:tcPr>${TC_PR[0]}${VMERGE_CONTINUE}</w:tcPr><w:p/></w:tc>`
        tr += `<w:tc><w:tcPr>${TC_PR[1]}${VMERGE_CONTINUE}</w:tcPr><w:p/></w:tc>`
      }
      for (let c = 0; c < 5; c++) tr += cellXml(c + 2, sub[c]!)
      if (first) tr += cellXml(7, group.result, merge ? VMERGE_RESTART : '')
      else tr += `<w:tc><w:tcPr>${TC_PR[7]}${VMERGE_CONTINUE}</w:tcPr><w:p/></w:tc>`
      out.push(`${tr}</w:tr>`)
    }
  }
  out.push(
    '</w:tbl>',
    // A document must end with a paragraph after a table.
    '<w:p><w:pPr><w:spacing w:after="0"/><w:rPr><w:sz w:val="4"/></w:rPr></w:pPr></w:p>',
    `<w:sectPr><w:footerReference w:type="default" r:id="rId3"/><w:pgSz w:w="${PAGE_W}" w:h="${PAGE_H}" w:orient="landscape"/><w:pgMar w:top="${MARGIN_TOP}" w:right="${MARGIN_X}" w:bottom="${MARGIN_BOTTOM}" w:left="${MARGIN_X}" w:header="567" w:footer="397" w:gutter="0"/><w:cols w:space="708"/></w:sectPr></w:body></w:document>`,
  )
}

function titleBlock(model: TableModel): string[] {
  const lines = model.titleLines.map((line, i) => {
    const size = TITLE_SIZES[line.size]
    const after = i === 0 ? 60 : line.size === 'subtitle' ? 120 : 20
    const jc = line.size === 'title' || line.size === 'subtitle' ? '<w:jc w:val="center"/>' : ''
    const keep = '<w:keepNext/>'
    return `<w:p><w:pPr>${keep}<w:spacing w:after="${after}"/>${jc}</w:pPr>${run({ text: line.size === 'title' ? line.text.toUpperCase() : line.text, bold: !!line.bold, muted: line.size === 'small' }, size)}</w:p>`
  })
  lines.push(
    paragraph(model.legend, '<w:keepNext/><w:spacing w:before="60" w:after="120"/>', TITLE_SIZES.small),
  )
  return lines
}
