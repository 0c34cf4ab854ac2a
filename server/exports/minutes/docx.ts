/**
 * The minutes as a Word document (A4 portrait, Times New Roman 14 pt, margins of Russian
 * official documents): the title in capitals as drafted, the status line, the sections with
 * bold headings and justified paragraphs, the SHA-256 at the end and in the footer with the
 * page number.
 */
import { t } from '@core/i18n/index.js'
import type { Lang } from '@core/i18n/languages.js'
import {
  footerXml,
  langTag,
  packageDocx,
  paragraph,
  R_NS,
  settingsXml,
  stylesXml,
  W_NS,
  XML_DECL,
} from '../docx/ooxml.js'
import { type MinutesExportInput, minutesBlocks, statusLine } from './model.js'

const PAGE_W = 11906
const PAGE_H = 16838
const MARGIN_LEFT = 1701
const MARGIN_RIGHT = 851
const MARGIN_Y = 1134
const TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT

const P_PR = {
  title: '<w:keepNext/><w:spacing w:after="120"/><w:jc w:val="center"/>',
  status: '<w:spacing w:after="360"/><w:jc w:val="center"/>',
  heading: '<w:keepNext/><w:spacing w:before="240" w:after="120"/>',
  body: '<w:spacing w:after="120"/><w:ind w:firstLine="709"/><w:jc w:val="both"/>',
  hash: '<w:spacing w:before="480"/>',
} as const

/** Writes the minutes in one language as .docx bytes. */
export function minutesDocx(input: MinutesExportInput, lang: Lang): Uint8Array {
  const body = minutesBlocks(input, lang)
    .map((b) => {
      switch (b.style) {
        case 'title':
          return paragraph([{ text: b.text, bold: true }], P_PR.title)
        case 'status':
          return paragraph([{ text: b.text, italic: true, muted: true }], P_PR.status, 24)
        case 'heading':
          return paragraph([{ text: b.text, bold: true }], P_PR.heading)
        case 'hash':
          return paragraph([{ text: b.text, muted: true }], P_PR.hash, 18)
        default:
          return paragraph([{ text: b.text }], P_PR.body)
      }
    })
    .join('')
  const document = `${XML_DECL}<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${body}<w:sectPr><w:footerReference w:type="default" r:id="rId3"/><w:pgSz w:w="${PAGE_W}" w:h="${PAGE_H}"/><w:pgMar w:top="${MARGIN_Y}" w:right="${MARGIN_RIGHT}" w:bottom="${MARGIN_Y}" w:left="${MARGIN_LEFT}" w:header="709" w:footer="454" w:gutter="0"/><w:cols w:space="708"/></w:sectPr></w:body></w:document>`
  const tag = langTag(lang)
  const footerLeft = `${statusLine(input, lang)} · SHA-256 ${input.contentHash.slice(0, 16)}…`
  return packageDocx({
    document,
    styles: stylesXml({ size: 28, langTag: tag }),
    settings: settingsXml(),
    footer: footerXml(t(lang, 'minutes.export.page'), footerLeft, TEXT_W),
    title: input.text.title,
    langTag: tag,
    date: input.date,
  })
}
