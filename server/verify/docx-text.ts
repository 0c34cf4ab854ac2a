/**
 * Reading the few things verification needs out of WordprocessingML, without a general XML
 * parser: the plain text of each paragraph, the custom document properties, and the text of
 * an element of a custom XML part. Tolerant of what Word does when it saves a file (runs
 * split, rsids, bookmarks, proofing marks), strict about the text itself.
 */

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/** XML character data with its entity and character references resolved. */
export function decodeXmlText(text: string): string {
  if (text.indexOf('&') < 0) return text
  return text.replace(
    ENTITY,
    (whole, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
      if (name) return NAMED[name] ?? whole
      const cp = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16)
      return Number.isFinite(cp) && cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole
    },
  )
}

/** Element content that may mix character data and CDATA sections. */
export function elementText(inner: string): string {
  let out = ''
  for (const m of inner.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>|([^<]+)|<[^>]*>/g)) {
    if (m[1] !== undefined) out += m[1]
    else if (m[2] !== undefined) out += decodeXmlText(m[2])
  }
  return out
}

const TOKEN =
  /<(\/?)(w:p|w:pPr|w:t|w:tab|w:br|w:cr|w:footnoteReference|w:endnoteReference|w:noBreakHyphen|w:softHyphen)(?=[\s/>])([^>]*?)(\/?)>/g

/**
 * The plain text of every paragraph of a WordprocessingML part (document.xml, footnotes.xml),
 * in order: `w:t` text, tabs as \t, breaks as \n, a footnote or endnote reference as "^".
 * Deleted text (`w:delText`), field codes and paragraph properties are not text.
 */
export function docxParagraphs(xml: string): string[] {
  const out: string[] = []
  let current: string | null = null
  let inPPr = false
  TOKEN.lastIndex = 0
  for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
    const [, close, name, , selfClose] = m
    switch (name) {
      case 'w:p':
        if (close) {
          if (current !== null) out.push(current)
          current = null
          inPPr = false
        } else if (selfClose) out.push('')
        else {
          if (current !== null) out.push(current)
          current = ''
        }
        break
      case 'w:pPr':
        if (!selfClose) inPPr = !close
        break
      case 'w:t': {
        if (close || selfClose) break
        const start = TOKEN.lastIndex
        const end = xml.indexOf('</w:t>', start)
        if (end < 0) break
        if (current !== null) current += decodeXmlText(xml.slice(start, end))
        TOKEN.lastIndex = end + 6
        break
      }
      case 'w:tab':
        if (!close && !inPPr && current !== null) current += '\t'
        break
      case 'w:br':
      case 'w:cr':
        if (!close && current !== null) current += '\n'
        break
      case 'w:footnoteReference':
      case 'w:endnoteReference':
        if (!close && current !== null) current += '^'
        break
      case 'w:noBreakHyphen':
        if (!close && current !== null) current += '-'
        break
    }
  }
  if (current !== null) out.push(current)
  return out
}

/** The paragraphs that carry text, NFC-normalised (what a reader sees). */
export function visibleParagraphs(xml: string): string[] {
  return docxParagraphs(xml)
    .map((p) => p.normalize('NFC'))
    .filter((p) => p.trim() !== '')
}

/** Custom document properties (docProps/custom.xml) as name → text value. */
export function customProperties(xml: string): Map<string, string> {
  const props = new Map<string, string>()
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?property\b([^>]*)>([\s\S]*?)<\/(?:[\w.-]+:)?property>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1]!)?.[1]
    if (name === undefined) continue
    const value = /<((?:[\w.-]+:)?lpwstr)\b[^>]*>([\s\S]*?)<\/\1>/.exec(m[2]!)
    props.set(decodeXmlText(name), value ? elementText(value[2]!) : '')
  }
  return props
}
