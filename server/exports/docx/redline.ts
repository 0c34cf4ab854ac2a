/**
 * A redline as a Word document with real tracked changes: the 'to' text, one paragraph
 * per provision with its number, insertions as <w:ins> and deletions as <w:del> with
 * <w:delText>, authored by "Concord". An inserted provision is a whole inserted paragraph
 * (its paragraph mark too); a deleted provision a whole deleted one. Word and LibreOffice
 * show them in review mode, where they can be accepted or rejected.
 */
import type { ProvisionChangeDTO, RedlineDTO } from '@core/api/contributions.js'
import { t } from '@core/i18n/index.js'
import { type Lang, pickText } from '@core/i18n/languages.js'
import { clean } from '../text.js'
import {
  esc,
  footerXml,
  langTag,
  packageDocx,
  paragraph,
  R_NS,
  runText,
  settingsXml,
  stylesXml,
  W_NS,
  w3cdtf,
  XML_DECL,
} from './ooxml.js'

// Portrait A4; margins as in Russian official documents (left 3 cm, right 1.5 cm, 2 cm).
const PAGE_W = 11906
const PAGE_H = 16838
const MARGIN_LEFT = 1701
const MARGIN_RIGHT = 851
const MARGIN_Y = 1134
const TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT
const BODY_SIZE = 28 // 14 pt
const BODY_P_PR = '<w:spacing w:after="120"/><w:ind w:firstLine="709"/><w:jc w:val="both"/>'

export interface RedlineDocxOptions {
  /** Author of the revisions (default "Concord"). */
  author?: string
  /** ISO date of the revisions (default: now). */
  date?: string
}

/** Writes the 'to' version of a redline as .docx bytes with tracked changes. */
export function redlineDocx(
  redline: RedlineDTO,
  title: string,
  lang: Lang,
  options: RedlineDocxOptions = {},
): Uint8Array {
  const date = w3cdtf(options.date)
  const author = esc(clean(options.author ?? 'Concord'))
  let nextId = 1
  const attrs = () => `w:id="${nextId++}" w:author="${author}" w:date="${date}"`
  const ins = (text: string) => (text ? `<w:ins ${attrs()}><w:r>${runText(text)}</w:r></w:ins>` : '')
  const del = (text: string) =>
    text ? `<w:del ${attrs()}><w:r>${runText(text, 'w:delText')}</w:r></w:del>` : ''
  const plain = (text: string) => (text ? `<w:r>${runText(text)}</w:r>` : '')

  const fromLabel = clean(pickText(redline.from.label, lang))
  const toLabel = clean(pickText(redline.to.label, lang))
  const out: string[] = [`${XML_DECL}<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>`]
  const center = '<w:jc w:val="center"/>'
  out.push(
    paragraph([{ text: clean(title), bold: true }], `<w:spacing w:after="120"/>${center}`),
    paragraph(
      [
        {
          text: `${t(lang, 'export.redline.heading')}: ${t(lang, 'export.redline.versions', { from: fromLabel, to: toLabel })}`,
        },
      ],
      `<w:spacing w:after="60"/>${center}`,
      24,
    ),
    paragraph(
      [{ text: t(lang, 'export.redline.stats', redline.stats), muted: true }],
      `<w:spacing w:after="60"/>${center}`,
      20,
    ),
    paragraph(
      [
        {
          text: t(lang, 'export.redline.hashes', {
            from: clean(redline.from.contentHash).slice(0, 16),
            to: clean(redline.to.contentHash).slice(0, 16),
          }),
          muted: true,
        },
      ],
      `<w:spacing w:after="60"/>${center}`,
      18,
    ),
    paragraph(
      [{ text: t(lang, 'export.redline.legend'), italic: true, muted: true }],
      `<w:spacing w:after="360"/>${center}`,
      20,
    ),
  )

  for (const change of redline.changes) out.push(provisionParagraph(change))
  out.push(
    `<w:sectPr><w:footerReference w:type="default" r:id="rId3"/><w:pgSz w:w="${PAGE_W}" w:h="${PAGE_H}"/><w:pgMar w:top="${MARGIN_Y}" w:right="${MARGIN_RIGHT}" w:bottom="${MARGIN_Y}" w:left="${MARGIN_LEFT}" w:header="709" w:footer="454" w:gutter="0"/><w:cols w:space="708"/></w:sectPr></w:body></w:document>`,
  )

  function numberPrefix(num: string | null): string {
    const n = clean(num)
    return n ? `${n}${/[.)]$/.test(n) ? '' : '.'} ` : ''
  }

  function provisionParagraph(change: ProvisionChangeDTO): string {
    const opsText = (kinds: readonly string[]) =>
      change.ops
        .filter((o) => kinds.includes(o.op))
        .map((o) => clean(o.text))
        .join('')
    if (change.status === 'inserted') {
      const text = opsText(['insert', 'equal'])
      return `<w:p><w:pPr>${BODY_P_PR}<w:rPr><w:ins ${attrs()}/></w:rPr></w:pPr>${ins(numberPrefix(change.toNum) + text)}</w:p>`
    }
    if (change.status === 'deleted') {
      const text = opsText(['delete', 'equal'])
      return `<w:p><w:pPr>${BODY_P_PR}<w:rPr><w:del ${attrs()}/></w:rPr></w:pPr>${del(numberPrefix(change.fromNum) + text)}</w:p>`
    }
    let body = ''
    const from = numberPrefix(change.fromNum)
    const to = numberPrefix(change.toNum)
    if (from === to) body += plain(to)
    else body += del(from) + ins(to)
    for (const op of change.ops) {
      const text = clean(op.text)
      if (op.op === 'equal') body += plain(text)
      else if (op.op === 'insert') body += ins(text)
      else body += del(text)
    }
    return `<w:p><w:pPr>${BODY_P_PR}</w:pPr>${body}</w:p>`
  }

  return packageDocx({
    document: out.join(''),
    styles: stylesXml({ size: BODY_SIZE, langTag: langTag(lang) }),
    settings: settingsXml({ trackRevisions: true }),
    footer: footerXml(t(lang, 'export.page'), '', TEXT_W),
    title: `${clean(title)} — ${t(lang, 'export.redline.heading')}`,
    langTag: langTag(lang),
    date,
  })
}
