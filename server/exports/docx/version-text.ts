/**
 * The text of a version as a Word document that can be verified: the title, the version,
 * the agreement date and the SHA-256 of the canonical content on top, then the preamble, the
 * body and the conclusions with their numbers and headings; square brackets as
 * "[alt1 / alt2]" with their backers in a footnote. The canonical JSON itself travels inside
 * the file, in a custom XML part (customXml/item1.xml), and the hash and the header data in
 * docProps/custom.xml, so that `concord verify` (server/verify) can re-hash the embedded
 * content and check that the visible text is exactly what this writer produces from it.
 *
 * `versionTextParts` is the deterministic part (document.xml and footnotes.xml from the
 * content, the header data and the language); the verifier regenerates it and compares the
 * plain text of the paragraphs.
 */

import { EN_MONTHS, RU_MONTHS_GENITIVE } from '@core/i18n/calendar.js'
import { t } from '@core/i18n/index.js'
import { type Lang, pickText } from '@core/i18n/languages.js'
import { CANONICAL_FORMAT, canonicalHash, canonicalJson } from '@core/text/canonical.js'
import type { DocumentContent, Provision, Run } from '@core/text/model.js'
import { strToU8, type Zippable, zipSync } from 'fflate'
import { clean } from '../text.js'
import {
  esc,
  footerXml,
  langTag,
  R_NS,
  runText,
  settingsXml,
  stylesXml,
  W_NS,
  w3cdtf,
  XML_DECL,
} from './ooxml.js'

/** What the header of the document says besides the content. */
export interface VersionTextMeta {
  /** The document's title in the language of the export. */
  title: string
  /** The version's label in the language of the export. */
  label: string
  /** SHA-256 of the canonical content (checked against the content). */
  contentHash: string
  /** When the text was frozen as agreed, or null. */
  frozenAt: string | null
  /** The dossier's reference. */
  reference: string
}

export interface VersionTextOptions {
  /** ISO date of the file (core.xml, zip entries); default: frozenAt, else now. */
  date?: string
  /** IANA time zone of the dates shown (default Europe/Minsk, the secretariat's). */
  timeZone?: string
}

/** Namespace of the custom XML part holding the canonical content. */
export const CONTENT_XML_NS = 'urn:concord:version-content:1'
/** Names of the custom document properties (docProps/custom.xml). */
export const CUSTOM_PROPS = {
  format: 'ConcordFormat',
  hash: 'ConcordContentSha256',
  title: 'ConcordDocumentTitle',
  label: 'ConcordVersionLabel',
  reference: 'ConcordReference',
  frozenAt: 'ConcordFrozenAt',
  lang: 'ConcordLanguage',
  timeZone: 'ConcordTimeZone',
} as const

export const DEFAULT_TIME_ZONE = 'Europe/Minsk'

/**
 * An instant as an official document writes it, with the time zone named:
 * "21 августа 2020 г., 15:30 (Europe/Minsk, UTC+03:00)", "21 August 2020, 15:30 (…)",
 * "21.08.2020, 15:30 (…)" in Tajik. `withTime: false` gives the date alone.
 */
export function formatInstant(
  iso: string,
  lang: Lang,
  timeZone = DEFAULT_TIME_ZONE,
  { withTime = true }: { withTime?: boolean } = {},
): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return clean(iso)
  let zone = timeZone
  let parts: Record<string, string>
  try {
    parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', {
        timeZone,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZoneName: 'longOffset',
      })
        .formatToParts(date)
        .map((p) => [p.type, p.value]),
    )
  } catch {
    zone = 'UTC'
    parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'UTC',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZoneName: 'longOffset',
      })
        .formatToParts(date)
        .map((p) => [p.type, p.value]),
    )
  }
  const d = Number(parts.day)
  const m = Number(parts.month)
  const y = parts.year
  const day =
    lang === 'ru'
      ? `${d} ${RU_MONTHS_GENITIVE[m - 1]} ${y} г.`
      : lang === 'en'
        ? `${d} ${EN_MONTHS[m - 1]} ${y}`
        : `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`
  if (!withTime) return day
  const offset = (parts.timeZoneName ?? 'GMT').replace(/^GMT/, 'UTC') || 'UTC'
  return `${day}, ${parts.hour}:${parts.minute} (${zone}, ${offset === 'UTC' ? 'UTC+00:00' : offset})`
}

/** The hash in groups of eight hex digits, for reading aloud. */
export function groupHash(hash: string, groupSize = 8): string {
  return (clean(hash).match(new RegExp(`.{1,${groupSize}}`, 'g')) ?? []).join(' ')
}

// Portrait A4; margins as in Russian official documents (left 3 cm, right 1.5 cm, 2 cm).
const PAGE_W = 11906
const PAGE_H = 16838
const MARGIN_LEFT = 1701
const MARGIN_RIGHT = 851
const MARGIN_Y = 1134
const TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT
const BODY_SIZE = 28 // 14 pt
const BODY_P_PR = '<w:spacing w:after="120"/><w:ind w:firstLine="709"/><w:jc w:val="both"/>'
const CENTER = '<w:jc w:val="center"/>'
const SUPERSCRIPT = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'

/** The runs of a provision in the language, else in the content's first language that has them. */
function runsIn(p: Provision, lang: Lang, languages: readonly Lang[]): Run[] | undefined {
  const text = p.text
  if (!text) return undefined
  if (text[lang]) return text[lang]
  for (const l of languages) if (text[l]) return text[l]
  return Object.values(text).find((r) => !!r)
}

function numberPrefix(num: string | undefined): string {
  const n = clean(num)
  return n ? `${n}${/[.)]$/.test(n) ? '' : '.'} ` : ''
}

function textRun(text: string, rPr = ''): string {
  return `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}${runText(clean(text))}</w:r>`
}

function para(inner: string, pPr: string): string {
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`
}

function sizeRPr(halfPoints: number, extra = ''): string {
  return `${extra}<w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/>`
}

/**
 * document.xml and footnotes.xml of the version's text: a pure function of its arguments
 * (no date of generation), which the verifier regenerates to compare the visible text.
 */
export function versionTextParts(
  content: DocumentContent,
  meta: VersionTextMeta,
  lang: Lang,
  timeZone = DEFAULT_TIME_ZONE,
): { document: string; footnotes: string } {
  const footnotes: string[] = []
  const languages = content.languages
  const footnote = (text: string) => {
    footnotes.push(text)
    const id = footnotes.length
    return `<w:r>${SUPERSCRIPT}<w:footnoteReference w:id="${id}"/></w:r>`
  }
  const contentNotes = new Map((content.footnotes ?? []).map((f) => [f.id, pickText(f.text, lang)]))

  const runsXml = (runs: readonly Run[]): string => {
    let out = ''
    for (const r of runs) {
      if (r.type === 'text') {
        let rPr = ''
        if (r.strong) rPr += '<w:b/><w:bCs/>'
        if (r.em) rPr += '<w:i/><w:iCs/>'
        out += textRun(r.text, rPr)
      } else if (r.type === 'bracket') {
        if (r.resolved) {
          out += textRun(r.resolved.text)
          continue
        }
        out += textRun(`[${r.alternatives.map((a) => a.text).join(' / ')}]`)
        const items = r.alternatives
          .map((a, i) =>
            t(lang, 'certificate.text.alternative', {
              n: i + 1,
              backers: a.backers.length ? a.backers.join(', ') : t(lang, 'certificate.text.noBackers'),
            }),
          )
          .join('; ')
        out += footnote(t(lang, 'certificate.text.bracketNote', { items }))
      } else {
        const note = contentNotes.get(r.id)
        if (note) out += footnote(note)
      }
    }
    return out
  }

  const body: string[] = []
  const provision = (p: Provision) => {
    const runs = runsIn(p, lang, languages)
    const heading = clean(pickText(p.heading, lang))
    if (p.kind === 'art') {
      const label = p.num ? t(lang, 'certificate.text.article', { num: clean(p.num) }) : ''
      const line = [label, heading].filter(Boolean).join('. ')
      if (line)
        body.push(
          para(
            textRun(line, '<w:b/><w:bCs/>'),
            '<w:keepNext/><w:spacing w:before="120" w:after="120"/><w:ind w:firstLine="709"/>',
          ),
        )
      if (runs?.length) body.push(para(runsXml(runs), BODY_P_PR))
    } else {
      const prefix = numberPrefix(p.num)
      if (heading) {
        body.push(
          para(
            textRun(`${prefix}${heading}`, '<w:b/><w:bCs/>'),
            '<w:keepNext/><w:spacing w:before="120" w:after="120"/><w:ind w:firstLine="709"/>',
          ),
        )
        if (runs?.length) body.push(para(runsXml(runs), BODY_P_PR))
      } else if (runs?.length || prefix) {
        body.push(para((prefix ? textRun(prefix) : '') + runsXml(runs ?? []), BODY_P_PR))
      }
    }
    for (const child of p.children ?? []) provision(child)
  }

  const header: string[] = []
  const title = clean(meta.title) || clean(pickText(content.title, lang))
  if (meta.reference)
    header.push(para(textRun(meta.reference), '<w:spacing w:after="240"/><w:jc w:val="right"/>'))
  header.push(
    para(textRun(title, '<w:b/><w:bCs/>'), `<w:spacing w:after="120"/>${CENTER}`),
    para(
      textRun(t(lang, 'certificate.text.version', { label: clean(meta.label) }), sizeRPr(24)),
      `<w:spacing w:after="60"/>${CENTER}`,
    ),
  )
  if (meta.frozenAt)
    header.push(
      para(
        textRun(
          t(lang, 'certificate.text.agreed', { date: formatInstant(meta.frozenAt, lang, timeZone) }),
          sizeRPr(24, '<w:i/><w:iCs/>'),
        ),
        `<w:spacing w:after="60"/>${CENTER}`,
      ),
    )
  header.push(
    para(
      textRun(
        t(lang, 'certificate.text.hash', { hash: groupHash(meta.contentHash) }),
        sizeRPr(18, '<w:color w:val="595959"/>'),
      ),
      `<w:spacing w:after="360"/>${CENTER}`,
    ),
  )

  for (const p of content.preamble) provision(p)
  for (const p of content.body) provision(p)
  for (const p of content.conclusions) provision(p)
  body.push(
    para(
      textRun(t(lang, 'certificate.text.embedded'), sizeRPr(18, '<w:i/><w:iCs/><w:color w:val="595959"/>')),
      '<w:spacing w:before="480"/>',
    ),
  )

  const document = `${XML_DECL}<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${header.join('')}${body.join('')}<w:sectPr><w:footerReference w:type="default" r:id="rId3"/><w:footnotePr><w:numFmt w:val="decimal"/></w:footnotePr><w:pgSz w:w="${PAGE_W}" w:h="${PAGE_H}"/><w:pgMar w:top="${MARGIN_Y}" w:right="${MARGIN_RIGHT}" w:bottom="${MARGIN_Y}" w:left="${MARGIN_LEFT}" w:header="709" w:footer="454" w:gutter="0"/><w:cols w:space="708"/></w:sectPr></w:body></w:document>`

  const notes = footnotes
    .map(
      (text, i) =>
        `<w:footnote w:id="${i + 1}"><w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr><w:footnoteRef/></w:r>${textRun(` ${text}`, sizeRPr(20))}</w:p></w:footnote>`,
    )
    .join('')
  const separator = (type: string, id: number, el: string) =>
    `<w:footnote w:type="${type}" w:id="${id}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:${el}/></w:r></w:p></w:footnote>`
  const footnotesXml = `${XML_DECL}<w:footnotes xmlns:w="${W_NS}" xmlns:r="${R_NS}">${separator('separator', -1, 'separator')}${separator('continuationSeparator', 0, 'continuationSeparator')}${notes}</w:footnotes>`
  return { document, footnotes: footnotesXml }
}

/**
 * Characters to write as JSON escapes in the embedded JSON (they can only occur inside JSON
 * strings): control characters, U+FFFE, U+FFFF and lone surrogates, which XML 1.0 cannot carry.
 */
const NOT_XML = /[\p{Cc}\uFFFE\uFFFF\uD800-\uDFFF]/gu

/**
 * The canonical JSON as the content of an XML element: a CDATA section (split where the JSON
 * holds "]]>"), with the characters XML cannot carry written as JSON escapes — the parsed
 * value, and so the hash, is the same.
 */
export function jsonAsCdata(json: string): string {
  const safe = json.replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  return `<![CDATA[${safe.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`
}

/** A deterministic GUID for the custom XML item, from the hash. */
function guidOf(hash: string): string {
  const h = (hash.replace(/[^0-9a-f]/gi, '') + '0'.repeat(32)).slice(0, 32).toUpperCase()
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}}`
}

function customPropsXml(values: Record<string, string>): string {
  let pid = 2
  const props = Object.entries(values)
    .map(
      ([name, value]) =>
        `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${pid++}" name="${name}"><vt:lpwstr>${esc(clean(value))}</vt:lpwstr></property>`,
    )
    .join('')
  return `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${props}</Properties>`
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships'
const CT = 'application/vnd.openxmlformats-officedocument'

/** Writes the version's text as .docx bytes, with its canonical content embedded. */
export function versionTextDocx(
  content: DocumentContent,
  meta: VersionTextMeta,
  lang: Lang,
  options: VersionTextOptions = {},
): Uint8Array {
  const json = canonicalJson(content)
  const hash = canonicalHash(content)
  if (meta.contentHash && meta.contentHash !== hash)
    throw new Error(`version text: content hash ${hash} differs from the declared ${meta.contentHash}`)
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE
  const fullMeta = { ...meta, contentHash: hash }
  const { document, footnotes } = versionTextParts(content, fullMeta, lang, timeZone)
  const when = w3cdtf(options.date ?? meta.frozenAt)
  const tag = langTag(lang)
  const title = clean(meta.title) || clean(pickText(content.title, lang))

  const contentTypes = `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${CT}.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="${CT}.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="${CT}.wordprocessingml.settings+xml"/><Override PartName="/word/footer1.xml" ContentType="${CT}.wordprocessingml.footer+xml"/><Override PartName="/word/footnotes.xml" ContentType="${CT}.wordprocessingml.footnotes+xml"/><Override PartName="/customXml/item1.xml" ContentType="application/xml"/><Override PartName="/customXml/itemProps1.xml" ContentType="${CT}.customXmlProperties+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/><Override PartName="/docProps/custom.xml" ContentType="${CT}.custom-properties+xml"/></Types>`
  const rels = `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="${PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId4" Type="${REL}/custom-properties" Target="docProps/custom.xml"/></Relationships>`
  const docRels = `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL}/settings" Target="settings.xml"/><Relationship Id="rId3" Type="${REL}/footer" Target="footer1.xml"/><Relationship Id="rId4" Type="${REL}/footnotes" Target="footnotes.xml"/><Relationship Id="rId5" Type="${REL}/customXml" Target="../customXml/item1.xml"/></Relationships>`
  const item = `${XML_DECL}<concord:version xmlns:concord="${CONTENT_XML_NS}" format="${CANONICAL_FORMAT}" sha256="${hash}"><concord:content>${jsonAsCdata(json)}</concord:content></concord:version>`
  const itemProps = `${XML_DECL}<ds:datastoreItem ds:itemID="${guidOf(hash)}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${CONTENT_XML_NS}"/></ds:schemaRefs></ds:datastoreItem>`
  const itemRels = `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/customXmlProps" Target="itemProps1.xml"/></Relationships>`
  const custom = customPropsXml({
    [CUSTOM_PROPS.format]: CANONICAL_FORMAT,
    [CUSTOM_PROPS.hash]: hash,
    [CUSTOM_PROPS.title]: title,
    [CUSTOM_PROPS.label]: meta.label,
    [CUSTOM_PROPS.reference]: meta.reference,
    [CUSTOM_PROPS.frozenAt]: meta.frozenAt ?? '',
    [CUSTOM_PROPS.lang]: lang,
    [CUSTOM_PROPS.timeZone]: timeZone,
  })
  const core = `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${esc(title)}</dc:title><dc:subject>${esc(clean(`${meta.reference} · ${meta.label}`))}</dc:subject><dc:identifier>sha256:${hash}</dc:identifier><dc:creator>Concord</dc:creator><cp:lastModifiedBy>Concord</cp:lastModifiedBy><dc:language>${tag}</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`
  const app = `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Concord</Application><DocSecurity>0</DocSecurity></Properties>`
  const settings = settingsXml().replace(
    '<w:compat>',
    '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr><w:compat>',
  )
  const footerLeft = [meta.reference, clean(meta.label)].filter(Boolean).join(' · ')

  const mtime = new Date(when)
  const year = mtime.getUTCFullYear()
  const zipTime = year >= 1980 && year < 2099 ? mtime : new Date('2020-01-01T00:00:00Z')
  const files: Zippable = {}
  const add = (name: string, text: string) => {
    files[name] = [strToU8(text), { level: 6, mtime: zipTime }]
  }
  add('[Content_Types].xml', contentTypes)
  add('_rels/.rels', rels)
  add('word/document.xml', document)
  add('word/_rels/document.xml.rels', docRels)
  add('word/styles.xml', stylesXml({ size: BODY_SIZE, langTag: tag }))
  add('word/settings.xml', settings)
  add('word/footer1.xml', footerXml(t(lang, 'export.page'), footerLeft, TEXT_W))
  add('word/footnotes.xml', footnotes)
  add('customXml/item1.xml', item)
  add('customXml/itemProps1.xml', itemProps)
  add('customXml/_rels/item1.xml.rels', itemRels)
  add('docProps/core.xml', core)
  add('docProps/app.xml', app)
  add('docProps/custom.xml', custom)
  return zipSync(files)
}
