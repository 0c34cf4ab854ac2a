/**
 * A small text extractor for the PDFs we write (pdfkit's file structure, Type0 fonts with
 * Identity-H encoding and ToUnicode CMaps): used by the tests and the benchmark to check
 * that the text — Cyrillic and the Tajik letters ғ ӣ қ ӯ ҳ ҷ included — can be searched
 * and copied. Not a general PDF parser: no object streams, no encryption, no Type1 fonts.
 */
import { inflateSync } from 'node:zlib'

interface PdfObject {
  dict: string
  stream: Buffer | null
}

export interface ExtractedPdf {
  /** The text of each page, one line per text line (a change of baseline). */
  pages: string[]
  /** Document information (Title, Producer...), when given as literal strings. */
  info: Record<string, string>
}

const OBJ = /(\d+)\s+(\d+)\s+obj\b/g
/** The stream keyword after a dictionary, with its end of line. */
const STREAM = />>\s*stream(?:\r\n|\n|\r)/g

function parseObjects(buf: Buffer): Map<number, PdfObject> {
  const s = buf.toString('latin1')
  const objects = new Map<number, PdfObject>()
  OBJ.lastIndex = 0
  for (let m = OBJ.exec(s); m; m = OBJ.exec(s)) {
    const id = Number(m[1])
    const bodyStart = m.index + m[0].length
    const endobj = s.indexOf('endobj', bodyStart)
    STREAM.lastIndex = bodyStart
    const sm = STREAM.exec(s)
    if (sm && (endobj < 0 || sm.index < endobj)) {
      const dict = s.slice(bodyStart, sm.index + 2)
      const dataStart = sm.index + sm[0].length
      const length = Number(/\/Length\s+(\d+)\b(?!\s+\d+\s+R)/.exec(dict)?.[1] ?? 'NaN')
      const dataEnd = Number.isFinite(length) ? dataStart + length : s.indexOf('endstream', dataStart)
      let data = buf.subarray(dataStart, dataEnd)
      if (/\/Filter\s*\/FlateDecode/.test(dict)) data = inflateSync(data)
      objects.set(id, { dict, stream: data })
      OBJ.lastIndex = s.indexOf('endobj', dataEnd) + 6
    } else {
      objects.set(id, { dict: s.slice(bodyStart, endobj < 0 ? s.length : endobj), stream: null })
      if (endobj >= 0) OBJ.lastIndex = endobj + 6
    }
  }
  return objects
}

const refIn = (dict: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(dict)
  return m ? Number(m[1]) : null
}

/** UTF-16 hex ("0416" or "d835 dc00") to a string. */
function hexToString(hex: string): string {
  const clean = hex.replace(/\s+/g, '')
  let out = ''
  for (let i = 0; i + 4 <= clean.length; i += 4)
    out += String.fromCharCode(Number.parseInt(clean.slice(i, i + 4), 16))
  return out
}

/** A ToUnicode CMap: glyph code → text. bfchar and both forms of bfrange. */
export function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>()
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) {
      map.set(Number.parseInt(m[1]!, 16), hexToString(m[2]!))
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const body = block[1]!
    const re = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]+>)/g
    for (const m of body.matchAll(re)) {
      const lo = Number.parseInt(m[1]!, 16)
      const hi = Number.parseInt(m[2]!, 16)
      const dst = m[3]!
      if (dst.startsWith('[')) {
        const items = [...dst.matchAll(/<([0-9a-fA-F\s]*)>/g)].map((x) => hexToString(x[1]!))
        for (let code = lo; code <= hi && code - lo < items.length; code++) map.set(code, items[code - lo]!)
      } else {
        const base = hexToString(dst.slice(1, -1))
        const last = base.charCodeAt(base.length - 1)
        for (let code = lo; code <= hi; code++) {
          map.set(code, base.slice(0, -1) + String.fromCharCode(last + (code - lo)))
        }
      }
    }
  }
  return map
}

function pageRefs(objects: Map<number, PdfObject>, id: number, out: number[], depth = 0): void {
  const obj = objects.get(id)
  if (!obj || depth > 32) return
  if (/\/Type\s*\/Pages\b/.test(obj.dict)) {
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(obj.dict)?.[1] ?? ''
    for (const k of kids.matchAll(/(\d+)\s+\d+\s+R/g)) pageRefs(objects, Number(k[1]), out, depth + 1)
  } else if (/\/Type\s*\/Page\b/.test(obj.dict)) out.push(id)
}

function fontsOfPage(
  objects: Map<number, PdfObject>,
  page: PdfObject,
  cmaps: Map<number, Map<number, string>>,
) {
  let resources = page.dict
  const resRef = refIn(page.dict, 'Resources')
  if (resRef !== null) resources = objects.get(resRef)?.dict ?? ''
  const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? ''
  const fonts = new Map<string, Map<number, string>>()
  for (const m of fontDict.matchAll(/\/([^\s/<>[\]]+)\s+(\d+)\s+\d+\s+R/g)) {
    const fontId = Number(m[2])
    let cmap = cmaps.get(fontId)
    if (!cmap) {
      const font = objects.get(fontId)
      const tu = font ? refIn(font.dict, 'ToUnicode') : null
      const stream = tu !== null ? objects.get(tu)?.stream : null
      cmap = stream ? parseToUnicode(stream.toString('latin1')) : new Map()
      cmaps.set(fontId, cmap)
    }
    fonts.set(m[1]!, cmap)
  }
  return fonts
}

const TOKEN =
  /\/[^\s/[\]<>()]+|<[0-9a-fA-F\s]*>|\[|\]|\((?:\\.|[^\\)])*\)|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'"*]+/g

function pageText(content: string, fonts: Map<string, Map<number, string>>): string {
  const lines: string[] = []
  let line = ''
  let cmap: Map<number, string> = new Map()
  let lastY: number | null = null
  const stack: string[] = []
  let array: string[] | null = null
  const show = (hex: string) => {
    const h = hex.replace(/\s+/g, '')
    for (let i = 0; i + 4 <= h.length; i += 4)
      line += cmap.get(Number.parseInt(h.slice(i, i + 4), 16)) ?? '\uFFFD'
  }
  const moveTo = (y: number) => {
    if (lastY !== null && Math.abs(y - lastY) > 0.5) {
      lines.push(line)
      line = ''
    }
    lastY = y
  }
  for (const m of content.matchAll(TOKEN)) {
    const tok = m[0]
    if (tok === '[') {
      array = []
      continue
    }
    if (tok === ']') {
      stack.push(`[${(array ?? []).join(' ')}]`)
      array = null
      continue
    }
    if (array) {
      array.push(tok)
      continue
    }
    const c = tok.charCodeAt(0)
    const isOperand =
      c === 47 || c === 60 || c === 40 || c === 91 || (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46
    if (isOperand) {
      stack.push(tok)
      continue
    }
    switch (tok) {
      case 'Tf':
        cmap = fonts.get(stack[stack.length - 2]?.slice(1) ?? '') ?? new Map()
        break
      case 'Tm':
        moveTo(Number(stack[stack.length - 1]))
        break
      case 'Td':
      case 'TD':
        moveTo((lastY ?? 0) + Number(stack[stack.length - 1]))
        break
      case 'T*':
        moveTo((lastY ?? 0) + 1e6)
        break
      case 'Tj':
      case "'":
      case '"': {
        const s = stack[stack.length - 1] ?? ''
        if (s.startsWith('<')) show(s.slice(1, -1))
        break
      }
      case 'TJ': {
        const arr = stack[stack.length - 1] ?? ''
        for (const part of arr.matchAll(/<([0-9a-fA-F\s]*)>/g)) show(part[1]!)
        break
      }
    }
    stack.length = 0
  }
  if (line) lines.push(line)
  return lines.join('\n')
}

/** Extracts the text of every page of a PDF written by pdfkit (ours). */
export function extractPdfText(bytes: Uint8Array): ExtractedPdf {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const objects = parseObjects(buf)
  const trailer = buf.toString('latin1', Math.max(0, buf.length - 2048))
  const rootId = Number(/\/Root\s+(\d+)\s+\d+\s+R/.exec(trailer)?.[1])
  const root = objects.get(rootId)
  const pagesId = root ? refIn(root.dict, 'Pages') : null
  const ids: number[] = []
  if (pagesId !== null) pageRefs(objects, pagesId, ids)
  const cmaps = new Map<number, Map<number, string>>()
  const pages = ids.map((id) => {
    const page = objects.get(id)!
    const fonts = fontsOfPage(objects, page, cmaps)
    const contentIds: number[] = []
    const single = refIn(page.dict, 'Contents')
    if (single !== null) contentIds.push(single)
    else {
      const arr = /\/Contents\s*\[([^\]]*)\]/.exec(page.dict)?.[1] ?? ''
      for (const k of arr.matchAll(/(\d+)\s+\d+\s+R/g)) contentIds.push(Number(k[1]))
    }
    const content = contentIds.map((c) => objects.get(c)?.stream?.toString('latin1') ?? '').join('\n')
    return pageText(content, fonts)
  })
  const info: Record<string, string> = {}
  const infoId = Number(/\/Info\s+(\d+)\s+\d+\s+R/.exec(trailer)?.[1])
  const infoObj = objects.get(infoId)
  if (infoObj) {
    for (const m of infoObj.dict.matchAll(/\/(\w+)\s+(\d+)\s+\d+\s+R/g)) {
      const value = objects.get(Number(m[2]))?.dict.trim() ?? ''
      info[m[1]!] = decodePdfString(value)
    }
  }
  return { pages, info }
}

/** A PDF string object: (literal) with escapes, or <hex>, possibly UTF-16BE with a BOM. */
function decodePdfString(value: string): string {
  let bytes: number[] = []
  if (value.startsWith('<')) {
    const h = value.slice(1, value.indexOf('>')).replace(/\s+/g, '')
    for (let i = 0; i + 2 <= h.length; i += 2) bytes.push(Number.parseInt(h.slice(i, i + 2), 16))
  } else if (value.startsWith('(')) {
    const body = value.slice(1, value.lastIndexOf(')'))
    bytes = []
    for (let i = 0; i < body.length; i++) {
      let c = body.charCodeAt(i)
      if (c === 92) {
        const n = body[++i] ?? ''
        const simple: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 }
        if (n in simple) c = simple[n]!
        else if (/[0-7]/.test(n)) {
          let oct = n
          while (oct.length < 3 && /[0-7]/.test(body[i + 1] ?? '')) oct += body[++i]
          c = Number.parseInt(oct, 8)
        } else if (n === '\n' || n === '\r') continue
        else c = n.charCodeAt(0)
      }
      bytes.push(c & 0xff)
    }
  } else return value
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let out = ''
    for (let i = 2; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!)
    return out
  }
  return String.fromCharCode(...bytes)
}
