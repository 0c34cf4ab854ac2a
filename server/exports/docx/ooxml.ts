/**
 * A small WordprocessingML (OOXML) writer: XML escaping, runs and paragraphs from spans,
 * the package parts every document needs, and the zip (fflate). Element order follows the
 * ECMA-376 schema sequences (Word rejects some out-of-order properties).
 */
import { Zip, ZipDeflate } from 'fflate'
import { clean, type Paragraph, type Span } from '../text.js'

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
export const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

/** Colours of the redline (hex RGB) and of secondary text. */
export const COLOR = { del: 'C00000', ins: '0047AB', muted: '595959', headerFill: 'D9D9D9' } as const

const ESCAPE_TEST = /[&<>"]/
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

/** Escapes text for XML content or a double-quoted attribute. The text must be clean() already. */
export function esc(text: string): string {
  return ESCAPE_TEST.test(text) ? text.replace(/[&<>"]/g, (c) => ESCAPES[c]!) : text
}

/** Run properties of a span, in schema order (b, i, strike, color, sz, u). */
export function spanRPr(span: Span, sizeHalfPoints?: number): string {
  let p = ''
  if (span.bold) p += '<w:b/><w:bCs/>'
  if (span.italic) p += '<w:i/><w:iCs/>'
  if (span.del) p += '<w:strike/>'
  const color = span.del ? COLOR.del : span.ins ? COLOR.ins : span.muted ? COLOR.muted : null
  if (color) p += `<w:color w:val="${color}"/>`
  if (sizeHalfPoints) p += `<w:sz w:val="${sizeHalfPoints}"/><w:szCs w:val="${sizeHalfPoints}"/>`
  if (span.ins) p += '<w:u w:val="single"/>'
  return p ? `<w:rPr>${p}</w:rPr>` : ''
}

/**
 * The content of runs for a text: `<w:t>` (or `<w:delText>`) pieces separated by `<w:br/>`
 * at line breaks. The text must be clean() already.
 */
export function runText(text: string, tag: 'w:t' | 'w:delText' = 'w:t'): string {
  if (text.indexOf('\n') < 0) return `<${tag} xml:space="preserve">${esc(text)}</${tag}>`
  return text
    .split('\n')
    .map((line) => (line ? `<${tag} xml:space="preserve">${esc(line)}</${tag}>` : ''))
    .join('<w:br/>')
}

/** One run. */
export function run(span: Span, sizeHalfPoints?: number): string {
  return `<w:r>${spanRPr(span, sizeHalfPoints)}${runText(span.text)}</w:r>`
}

/** A paragraph of spans with the given paragraph properties (inner XML of w:pPr). */
export function paragraph(spans: Paragraph, pPr = '', sizeHalfPoints?: number): string {
  let runs = ''
  for (const span of spans) if (span.text) runs += run(span, sizeHalfPoints)
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs}</w:p>`
}

/** A W3CDTF timestamp (what docProps/core.xml wants) for an ISO date, or now. */
export function w3cdtf(iso?: string | null): string {
  const d = iso ? new Date(iso) : new Date()
  return (Number.isNaN(d.getTime()) ? new Date() : d).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export interface StylesOptions {
  /** Default font size in half-points. */
  size: number
  /** BCP 47 language tag of the text (ru-RU, en-GB, tg-Cyrl-TJ). */
  langTag: string
}

/** word/styles.xml: Times New Roman, single spacing, the Normal, table and footer styles. */
export function stylesXml({ size, langTag }: StylesOptions): string {
  const fonts =
    '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>'
  return `${XML_DECL}<w:styles xmlns:w="${W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>${fonts}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/><w:lang w:val="${langTag}" w:eastAsia="${langTag}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders></w:tblPr></w:style><w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4677"/><w:tab w:val="right" w:pos="9355"/></w:tabs></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style></w:styles>`
}

/** word/settings.xml. */
export function settingsXml({ trackRevisions = false }: { trackRevisions?: boolean } = {}): string {
  return `${XML_DECL}<w:settings xmlns:w="${W_NS}"><w:zoom w:percent="100"/>${trackRevisions ? '<w:trackRevisions/>' : ''}<w:defaultTabStop w:val="709"/><w:autoHyphenation/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`
}

/**
 * A footer: `left` at the left margin, the page label at the right tab stop (the text
 * width). `template` is "стр. {page} из {pages}"; {page} and {pages} become PAGE and
 * NUMPAGES fields.
 */
export function footerXml(template: string, left: string, rightTabTwips: number): string {
  const field = (instr: string) =>
    `<w:fldSimple w:instr=" ${instr} "><w:r><w:rPr><w:noProof/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>`
  const parts = template.split(/(\{page\}|\{pages\})/)
  let runs = left ? `<w:r><w:t xml:space="preserve">${esc(clean(left))}</w:t></w:r>` : ''
  runs += '<w:r><w:tab/></w:r>'
  for (const part of parts) {
    if (part === '{page}') runs += field('PAGE')
    else if (part === '{pages}') runs += field('NUMPAGES')
    else if (part) runs += `<w:r><w:t xml:space="preserve">${esc(clean(part))}</w:t></w:r>`
  }
  return `${XML_DECL}<w:ftr xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:p><w:pPr><w:pStyle w:val="Footer"/><w:tabs><w:tab w:val="clear" w:pos="4677"/><w:tab w:val="clear" w:pos="9355"/><w:tab w:val="right" w:pos="${rightTabTwips}"/></w:tabs></w:pPr>${runs}</w:p></w:ftr>`
}

export interface PackageInput {
  /**
   * word/document.xml: its text, or a writer that emits it piece by piece (encoded and
   * compressed as it goes, so the whole XML is never held in memory at once).
   */
  document: string | ((emit: (xml: string) => void) => void)
  styles: string
  settings: string
  footer?: string
  title: string
  langTag: string
  /** ISO date of the document (core.xml created/modified, zip entry times). */
  date: string
  /** 0 = store, 1 = fastest deflate (default). */
  level?: 0 | 1
}

const enc = new TextEncoder()

/** Zips the parts into a .docx. */
export function packageDocx(input: PackageInput): Uint8Array {
  const when = w3cdtf(input.date)
  const hasFooter = !!input.footer
  const contentTypes = `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>${hasFooter ? '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>' : ''}<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`
  const rels = `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`
  const docRels = `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>${hasFooter ? '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>' : ''}</Relationships>`
  const core = `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${esc(clean(input.title))}</dc:title><dc:creator>Concord</dc:creator><cp:lastModifiedBy>Concord</cp:lastModifiedBy><dc:language>${input.langTag}</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`
  const app = `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Concord</Application><DocSecurity>0</DocSecurity></Properties>`
  const level = input.level ?? 1
  const mtime = new Date(when)
  const year = mtime.getUTCFullYear()
  const zipTime = year >= 1980 && year < 2099 ? mtime : new Date('2020-01-01T00:00:00Z')
  const out: Uint8Array[] = []
  let failure: Error | null = null
  const zip = new Zip((err, data) => {
    if (err) failure = err
    else out.push(data)
  })
  const entry = (name: string) => {
    const file = new ZipDeflate(name, { level })
    file.mtime = zipTime
    zip.add(file)
    return file
  }
  const add = (name: string, text: string) => {
    const file = entry(name)
    file.push(enc.encode(text), true)
  }
  add('[Content_Types].xml', contentTypes)
  add('_rels/.rels', rels)
  const doc = entry('word/document.xml')
  if (typeof input.document === 'string') doc.push(enc.encode(input.document), true)
  else {
    // Pieces are batched into ~256k characters before encoding: few, large pushes.
    let batch: string[] = []
    let size = 0
    input.document((xml) => {
      batch.push(xml)
      size += xml.length
      if (size >= 1 << 18) {
        doc.push(enc.encode(batch.join('')))
        batch = []
        size = 0
      }
    })
    doc.push(enc.encode(batch.join('')), true)
  }
  add('word/_rels/document.xml.rels', docRels)
  add('word/styles.xml', input.styles)
  add('word/settings.xml', input.settings)
  if (input.footer) add('word/footer1.xml', input.footer)
  add('docProps/core.xml', core)
  add('docProps/app.xml', app)
  zip.end()
  if (failure) throw failure
  const total = out.reduce((n, c) => n + c.length, 0)
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of out) {
    bytes.set(chunk, offset)
    offset += chunk.length
  }
  return bytes
}

/** The BCP 47 tag Word expects for our languages. */
export function langTag(lang: string): string {
  return lang === 'en' ? 'en-GB' : lang === 'tg' ? 'tg-Cyrl-TJ' : 'ru-RU'
}
