/**
 * The consolidated table of comments and proposals as PDF (landscape A4), with pdfkit for
 * the file structure and the font subsets (DejaVu, embedded, with ToUnicode maps so the
 * text can be searched and copied), and our own layout: line breaking on cached glyph
 * advances, rows that move to the next page when they fit there and are split when they
 * do not, provision cells (number, text, resulting text) spanning their contributions and
 * continuing across pages, the header row on every page, "стр. N из M" in the footer.
 * pdfkit's text() path (shaping every word, wrapping with widthOfString) is never used.
 */

import { deflateSync } from 'node:zlib'
import type { ConsolidatedTableDTO } from '@core/api/contributions.js'
import type { Lang } from '@core/i18n/languages.js'
import { buildTableModel, COLUMNS, type TableGroup, type TableModel } from '../table-model.js'
import type { Cell, Paragraph, Span } from '../text.js'
import {
  defaultFontDir,
  type FontRole,
  fontBytes,
  GlyphFont,
  loadPdfKit,
  type PdfkitEmbeddedFont,
} from './fonts.js'

// Geometry in points: landscape A4, margins ~1.2 cm, footer below the body.
const PAGE_W = 841.89
const PAGE_H = 595.28
const MARGIN_X = 34
const MARGIN_TOP = 34
const MARGIN_BOTTOM = 42
const FOOTER_BASELINE = PAGE_H - 22
const TABLE_W = PAGE_W - 2 * MARGIN_X
const BOTTOM = PAGE_H - MARGIN_BOTTOM

const FS = 8 // table text size
const LEADING = 1.2
const PAD_X = 3
const PAD_Y = 2.5
const PARA_GAP = 2.2
const RULE = 0.5

const TITLE_FS = { title: 12.5, subtitle: 11, normal: 9, small: 8 } as const

/** Fill colours (rg) by style colour index: black, red (deletions), blue (insertions), grey. */
const COLORS = ['0 0 0', '0.753 0 0', '0 0.278 0.671', '0.35 0.35 0.35']
const HEADER_FILL = '0.851 0.851 0.851'
/** Compression of the page contents: level 4 costs about what 1 does, 3 times less than 6, for 9 % more bytes. */
const DEFLATE_LEVEL = 4

/** Span look packed into a number: bit 0 bold, 1 italic, 2 del, 3 ins, 4 muted. */
function styleOf(span: Span): number {
  return (
    (span.bold ? 1 : 0) |
    (span.italic ? 2 : 0) |
    (span.del ? 4 : 0) |
    (span.ins ? 8 : 0) |
    (span.muted ? 16 : 0)
  )
}
/** Face index (0 regular, 1 bold, 2 italic) and colour index of a style. */
const faceOf = (style: number) => (style & 1 ? 1 : style & 2 ? 2 : 0)
const colorOf = (style: number) => (style & 4 ? 1 : style & 8 ? 2 : style & 16 ? 3 : 0)

/** A laid-out line: pieces of one style each, and the space before it (paragraph gap). */
interface Line {
  parts: { text: string; style: number }[]
  width: number
  gap: number
}
interface LaidCell {
  lines: Line[]
  size: number
  align: 'left' | 'center' | 'right'
}

export interface TablePdfOptions {
  /** Directory of the DejaVu TTF files (default: the dejavu-fonts-ttf package). */
  fontDir?: string
}

/** Writes the consolidated table as PDF bytes. */
export async function consolidatedTablePdf(
  table: ConsolidatedTableDTO,
  lang: Lang,
  options: TablePdfOptions = {},
): Promise<Uint8Array> {
  const model = buildTableModel(table, lang)
  const created = new Date(table.generatedAt)
  const PDFDocument = await loadPdfKit()
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    autoFirstPage: false,
    compress: true,
    pdfVersion: '1.7',
    lang: lang === 'en' ? 'en-GB' : lang === 'tg' ? 'tg-TJ' : 'ru-RU',
    displayTitle: true,
    font: null as unknown as string,
    info: {
      Title: model.docTitle,
      Subject: table.document.reference ?? '',
      Producer: 'Concord',
      Creator: 'Concord',
      CreationDate: Number.isNaN(created.getTime()) ? new Date() : created,
    },
  })
  const chunks: Uint8Array[] = []
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk))
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve)
    doc.on('error', reject)
  })

  const dir = options.fontDir ?? defaultFontDir()
  const embed = (role: FontRole): PdfkitEmbeddedFont => {
    doc.font(fontBytes(role, dir))
    return (doc as unknown as { _font: PdfkitEmbeddedFont })._font
  }
  const fallback = new GlyphFont(embed('fallback'), null)
  const faces = [
    new GlyphFont(embed('regular'), fallback),
    new GlyphFont(embed('bold'), fallback),
    new GlyphFont(embed('italic'), fallback),
  ]

  // Each finished page's content is deflated at once; only the compressed bytes are kept
  // (a few kB a page) until the page count is known and the pages, with "стр. N из M", are
  // written.
  const pages: { content: Buffer; faces: GlyphFont[] }[] = []
  const glyphs = { faces, fallback }
  new TableLayout(model, glyphs, (canvas) => {
    pages.push({ content: deflateSync(canvas.bytes(), { level: DEFLATE_LEVEL }), faces: [...canvas.faces] })
  }).run()

  const footerLeft = [table.document.reference, model.docTitle].filter(Boolean).join(' · ')
  const internals = doc as unknown as {
    page: { fonts: Record<string, unknown>; dictionary: { data: { Contents: unknown } }; content: unknown }
    ref(data: Record<string, unknown>): { end(chunk?: Uint8Array): void }
  }
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i]!
    // The footer goes in pdfkit's own content stream of the page (after its y-down
    // transform); the body follows as a second, already compressed, stream.
    const footer = new PageCanvas(glyphs)
    footer.footer(footerLeft, model.pageLabel(i + 1, pages.length))
    doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 })
    const fonts = internals.page.fonts
    for (const face of new Set([...page.faces, ...footer.faces])) fonts[face.id] = face.embedded.ref()
    doc.addContent(footer.bytes().toString('latin1'))
    const body = internals.ref({ Filter: 'FlateDecode' })
    body.end(page.content)
    internals.page.dictionary.data.Contents = [internals.page.content, body]
    pages[i] = undefined as unknown as (typeof pages)[number]
  }
  doc.end()
  await ended
  return Buffer.concat(chunks)
}

/** A growing byte buffer for content streams (ASCII only). */
class ByteWriter {
  buf = new Uint8Array(1 << 12)
  pos = 0

  ensure(n: number) {
    if (this.pos + n <= this.buf.length) return
    let size = this.buf.length * 2
    while (size < this.pos + n) size *= 2
    const next = new Uint8Array(size)
    next.set(this.buf.subarray(0, this.pos))
    this.buf = next
  }
  ascii(s: string) {
    this.ensure(s.length)
    const buf = this.buf
    let pos = this.pos
    for (let i = 0; i < s.length; i++) buf[pos++] = s.charCodeAt(i)
    this.pos = pos
  }
  /** A number with at most two decimals, then a space. */
  num(n: number) {
    this.ensure(16)
    let v = Math.round(n * 100)
    const buf = this.buf
    if (v < 0) {
      buf[this.pos++] = 45
      v = -v
    }
    const int = Math.floor(v / 100)
    const frac = v - int * 100
    if (int >= 10) {
      const digits = String(int)
      for (let i = 0; i < digits.length; i++) buf[this.pos++] = digits.charCodeAt(i)
    } else buf[this.pos++] = 48 + int
    if (frac) {
      buf[this.pos++] = 46
      buf[this.pos++] = 48 + Math.floor(frac / 10)
      if (frac % 10) buf[this.pos++] = 48 + (frac % 10)
    }
    buf[this.pos++] = 32
  }
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.pos)
  }
}

const HEX_DIGITS = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0))
const COLOR_RG = COLORS.map((c) => `${c} rg\n`)
const COLOR_RG_STROKE = COLORS.map((c) => `${c} RG `)

/** One page's content, written as bytes: fills, rules, text and text decorations. */
class PageCanvas {
  private readonly fills = new ByteWriter()
  private readonly rules = new ByteWriter()
  private readonly text = new ByteWriter()
  private readonly deco = new ByteWriter()
  readonly faces = new Set<GlyphFont>()
  private face: GlyphFont | null = null
  private size = 0
  private color = -1

  constructor(private readonly glyphs: { faces: GlyphFont[]; fallback: GlyphFont }) {}

  hline(x1: number, x2: number, y: number) {
    const w = this.rules
    w.num(x1)
    w.num(y)
    w.ascii('m ')
    w.num(x2)
    w.num(y)
    w.ascii('l\n')
  }
  vline(x: number, y1: number, y2: number) {
    const w = this.rules
    w.num(x)
    w.num(y1)
    w.ascii('m ')
    w.num(x)
    w.num(y2)
    w.ascii('l\n')
  }
  fill(x: number, y: number, width: number, height: number, rgb: string) {
    const w = this.fills
    w.ascii(`${rgb} rg `)
    w.num(x)
    w.num(y)
    w.num(width)
    w.num(height)
    w.ascii('re f\n')
  }

  /** Writes one laid-out line with its top at y, in a box [x, x + w). */
  line(line: Line, size: number, x: number, w: number, top: number, align: LaidCell['align']) {
    const baseline = top + size * 0.95
    let cx = align === 'left' ? x : align === 'center' ? x + (w - line.width) / 2 : x + w - line.width
    const out = this.text
    // Each line starts with a text matrix (flipped back upright in pdfkit's y-down space);
    // the pieces after it follow on from the previous one's advance.
    out.ascii('1 0 0 -1 ')
    out.num(cx)
    out.num(baseline)
    out.ascii('Tm\n')
    for (const part of line.parts) {
      const style = part.style
      const face = this.glyphs.faces[faceOf(style)]!
      const color = colorOf(style)
      if (color !== this.color) {
        out.ascii(COLOR_RG[color]!)
        this.color = color
      }
      const start = cx
      // Runs of one face: the fallback face takes the glyphs the serif face lacks.
      const s = part.text
      let i = 0
      while (i < s.length) {
        const c0 = s.charCodeAt(i)
        if (face.adv[c0]! < 0) face.load(c0)
        const alt = face.alt[c0]
        const f = alt ? this.glyphs.fallback : face
        if (f !== this.face || size !== this.size) {
          out.ascii(`/${f.id} `)
          out.num(size)
          out.ascii('Tf\n')
          this.face = f
          this.size = size
          this.faces.add(f)
        }
        out.ensure(4 * (s.length - i) + 8)
        const buf = out.buf
        let pos = out.pos
        buf[pos++] = 60 // <
        let adv = 0
        const gids = f.gid
        const advs = f.adv
        for (; i < s.length; i++) {
          const c = s.charCodeAt(i)
          if (face.adv[c]! < 0) face.load(c)
          if (face.alt[c] !== alt) break
          const g = gids[c]!
          buf[pos++] = HEX_DIGITS[g >> 12]!
          buf[pos++] = HEX_DIGITS[(g >> 8) & 15]!
          buf[pos++] = HEX_DIGITS[(g >> 4) & 15]!
          buf[pos++] = HEX_DIGITS[g & 15]!
          adv += advs[c]!
        }
        buf[pos++] = 62 // >
        buf[pos++] = 32
        buf[pos++] = 84 // T
        buf[pos++] = 106 // j
        buf[pos++] = 10
        out.pos = pos
        cx += (adv * size) / 1000
      }
      if (style & 12) {
        // Strike-through (deletions) or underline (insertions), in the text's colour.
        const y = style & 4 ? baseline - size * 0.3 : baseline + size * 0.14
        const d = this.deco
        d.ascii(COLOR_RG_STROKE[color]!)
        d.num(start)
        d.num(y)
        d.ascii('m ')
        d.num(cx)
        d.num(y)
        d.ascii('l S\n')
      }
    }
  }

  footer(left: string, right: string) {
    const face = this.glyphs.faces[0]!
    const size = 7.5
    const l = makeLine(left, 16, face, size)
    const r = makeLine(right, 16, face, size)
    const top = FOOTER_BASELINE - size * 0.95
    if (l.width > TABLE_W * 0.7)
      l.parts[0]!.text = truncate(l.parts[0]!.text, face, (TABLE_W * 0.7 * 1000) / size)
    this.line(l, size, MARGIN_X, TABLE_W, top, 'left')
    this.line(r, size, MARGIN_X, TABLE_W, top, 'right')
  }

  /** The page's content stream. pdfkit starts each page with a y-down transform: we draw in it. */
  bytes(): Buffer {
    const parts: (string | Uint8Array)[] = [
      'q\n',
      this.fills.bytes(),
      `${RULE} w 0 0 0 RG\n`,
      this.rules.bytes(),
      'S Q\nBT\n',
      this.text.bytes(),
      'ET\nq 0.6 w\n',
      this.deco.bytes(),
      'Q\n',
    ]
    return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p)))
  }
}

function makeLine(text: string, style: number, face: GlyphFont, size: number): Line {
  return { parts: [{ text, style }], width: (face.width(text) * size) / 1000, gap: 0 }
}

function truncate(text: string, face: GlyphFont, maxUnits: number): string {
  let w = face.width('…')
  for (let i = 0; i < text.length; i++) {
    w += face.width(text, i, i + 1)
    if (w > maxUnits) return `${text.slice(0, i)}…`
  }
  return text
}

const SURROGATES = /[\uD800-\uDFFF]/
const SURROGATE_RUN = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g

/** Lays out a paragraph into lines of at most `maxW` points. */
function breakParagraph(
  para: Paragraph,
  faces: GlyphFont[],
  size: number,
  maxW: number,
  gap: number,
  out: Line[],
): void {
  // One string for the paragraph; span boundaries and styles alongside.
  let s = ''
  const ends: number[] = []
  const styles: number[] = []
  for (const span of para) {
    if (!span.text) continue
    // Astral characters (emoji...) are in none of our fonts: one U+FFFD each.
    s += SURROGATES.test(span.text) ? span.text.replace(SURROGATE_RUN, '\uFFFD') : span.text
    ends.push(s.length)
    styles.push(styleOf(span))
  }
  if (!s) return
  const limit = (maxW * 1000) / size // in thousandths of an em
  const hyphenW = faces[0]!.width('-')
  let lineStart = 0
  let x = 0 // width of s[lineStart, i)
  let breakEnd = -1 // a line may end here (before spaces)...
  let breakNext = -1 // ...and the next one start here
  let widthAtBreakEnd = 0
  let widthAtBreakNext = 0
  let span = 0
  let face = faces[faceOf(styles[0]!)]!
  let first = true
  const emit = (end: number, width: number, hyphen: boolean) => {
    out.push(makeParts(s, lineStart, end, ends, styles, size, width, first ? gap : 0, hyphen))
    first = false
  }
  for (let i = 0; i < s.length; i++) {
    while (i >= ends[span]!) {
      span++
      face = faces[faceOf(styles[span]!)]!
    }
    const c = s.charCodeAt(i)
    if (c === 10) {
      emit(i, x, false)
      lineStart = i + 1
      x = 0
      breakEnd = breakNext = -1
      continue
    }
    let a = face.adv[c]!
    if (a < 0) {
      face.load(c)
      a = face.adv[c]!
    }
    if (c === 32) {
      if (breakNext !== i) {
        breakEnd = i
        widthAtBreakEnd = x
      }
      x += a
      breakNext = i + 1
      widthAtBreakNext = x
      continue
    }
    if (x + a > limit && i > lineStart) {
      if (breakNext > lineStart && breakEnd > lineStart) {
        emit(breakEnd, widthAtBreakEnd, false)
        lineStart = breakNext
        x -= widthAtBreakNext
      } else if (breakNext > lineStart) {
        // Only spaces before: drop them.
        lineStart = breakNext
        x -= widthAtBreakNext
      } else {
        // A word longer than the column: break it, with a hyphen between letters.
        let cut = i
        const letters = isLetter(s.charCodeAt(cut - 1)) && isLetter(c)
        let w = x
        if (letters) {
          // Room for the hyphen, and at least two letters carried over to the next line.
          let wordEnd = i
          while (wordEnd < s.length && isLetter(s.charCodeAt(wordEnd))) wordEnd++
          while (cut - 2 > lineStart && (w + hyphenW > limit || wordEnd - cut < 2)) {
            cut--
            w -= face.width(s, cut, cut + 1)
          }
        }
        emit(cut, letters ? w + hyphenW : w, letters && cut > lineStart)
        lineStart = cut
        x = face.width(s, cut, i)
      }
      breakEnd = breakNext = -1
    }
    x += a
    if (c === 45 || c === 47 || c === 0x2014 || c === 0x2013) {
      // A line may break after a hyphen, a slash or a dash.
      breakEnd = breakNext = i + 1
      widthAtBreakEnd = widthAtBreakNext = x
    }
  }
  // The last line, without trailing spaces.
  let end = s.length
  let w = x
  if (breakNext === end && breakEnd > lineStart) {
    end = breakEnd
    w = widthAtBreakEnd
  }
  if (end > lineStart || first) emit(end, w, false)
}

function isLetter(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x400 && c <= 0x52f) ||
    (c >= 0xc0 && c <= 0x24f)
  )
}

/** Cuts s[start, end) at span boundaries into styled parts. */
function makeParts(
  s: string,
  start: number,
  end: number,
  ends: number[],
  styles: number[],
  size: number,
  width: number,
  gap: number,
  hyphen: boolean,
): Line {
  const parts: Line['parts'] = []
  let k = 0
  while (ends[k]! <= start) k++
  let pos = start
  while (pos < end) {
    const to = Math.min(end, ends[k]!)
    if (to > pos) parts.push({ text: s.slice(pos, to), style: styles[k]! })
    pos = to
    k++
  }
  if (hyphen) {
    const last = parts[parts.length - 1]
    if (last) last.text += '-'
    else parts.push({ text: '-', style: styles[0]! })
  }
  return { parts, width: (width * size) / 1000, gap }
}

function layoutCell(
  cell: Cell,
  faces: GlyphFont[],
  size: number,
  width: number,
  align: LaidCell['align'],
): LaidCell {
  const lines: Line[] = []
  const maxW = width - 2 * PAD_X
  for (let p = 0; p < cell.length; p++)
    breakParagraph(cell[p]!, faces, size, maxW, p > 0 ? PARA_GAP : 0, lines)
  return { lines, size, align }
}

/** Height of lines[from...] (the first line's paragraph gap dropped at the top of a box). */
function linesHeight(cell: LaidCell, from: number): number {
  const lh = cell.size * LEADING
  let h = 0
  for (let i = from; i < cell.lines.length; i++) h += lh + (i > from ? cell.lines[i]!.gap : 0)
  return h
}

const WEIGHT_SUM = COLUMNS.reduce((s, c) => s + c.weight, 0)
const COL_X: number[] = []
const COL_W: number[] = []
{
  let x = MARGIN_X
  for (const c of COLUMNS) {
    const w = (TABLE_W * c.weight) / WEIGHT_SUM
    COL_X.push(x)
    COL_W.push(w)
    x += w
  }
}
const TABLE_RIGHT = MARGIN_X + TABLE_W
/** Column of each of a sub-row's five cells (party, kind, proposal, justification, disposition). */
const SUB_COLS = [2, 3, 4, 5, 6]
/** Columns of a provision's merged cells: number, text, resulting text. */
const MERGED_COLS = [0, 1, 7]

/** Pagination: places the title, the header row and every provision group on pages. */
class TableLayout {
  private page!: PageCanvas
  private y = 0
  private readonly faces: GlyphFont[]
  private readonly header: LaidCell[]
  private readonly headerH: number
  private readonly bodyH: number

  constructor(
    private readonly model: TableModel,
    private readonly glyphs: { faces: GlyphFont[]; fallback: GlyphFont },
    /** Called with each finished page, in order. */
    private readonly onPage: (page: PageCanvas) => void,
  ) {
    const faces = glyphs.faces
    this.faces = faces
    this.header = model.headings.map((h, i) =>
      layoutCell([[{ text: h, bold: true }]], faces, FS, COL_W[i]!, 'center'),
    )
    this.headerH = Math.max(...this.header.map((c) => linesHeight(c, 0))) + 2 * PAD_Y + 1
    this.bodyH = BOTTOM - MARGIN_TOP - this.headerH
  }

  run(): void {
    this.page = new PageCanvas(this.glyphs)
    this.y = MARGIN_TOP
    this.titleBlock()
    this.headerRow()
    if (this.model.empty) {
      const cell = layoutCell([[{ text: this.model.empty, italic: true }]], this.faces, FS, TABLE_W, 'center')
      const h = linesHeight(cell, 0) + 2 * PAD_Y
      this.paintLines(cell, 0, cell.lines.length, MARGIN_X, TABLE_W, this.y + PAD_Y)
      this.page.hline(MARGIN_X, TABLE_RIGHT, this.y + h)
      this.page.vline(MARGIN_X, this.y, this.y + h)
      this.page.vline(TABLE_RIGHT, this.y, this.y + h)
      this.y += h
    }
    for (const group of this.model.groups) this.placeGroup(group)
    this.onPage(this.page)
  }

  private newPage() {
    this.onPage(this.page)
    this.page = new PageCanvas(this.glyphs)
    this.y = MARGIN_TOP
    this.headerRow()
  }

  private titleBlock() {
    for (const line of this.model.titleLines) {
      const size = TITLE_FS[line.size]
      const centered = line.size === 'title' || line.size === 'subtitle'
      const text = line.size === 'title' ? line.text.toUpperCase() : line.text
      const cell = layoutCell(
        [[{ text, bold: !!line.bold, muted: line.size === 'small' }]],
        this.faces,
        size,
        TABLE_W + 2 * PAD_X,
        centered ? 'center' : 'left',
      )
      this.paintLines(cell, 0, cell.lines.length, MARGIN_X - PAD_X, TABLE_W + 2 * PAD_X, this.y)
      this.y += linesHeight(cell, 0) + (line.size === 'subtitle' ? 6 : line.size === 'title' ? 2 : 1)
    }
    const legend = layoutCell([this.model.legend], this.faces, 8, TABLE_W + 2 * PAD_X, 'left')
    this.y += 2
    this.paintLines(legend, 0, legend.lines.length, MARGIN_X - PAD_X, TABLE_W + 2 * PAD_X, this.y)
    this.y += linesHeight(legend, 0) + 6
  }

  private headerRow() {
    const top = this.y
    const h = this.headerH
    this.page.fill(MARGIN_X, top, TABLE_W, h, HEADER_FILL)
    for (let c = 0; c < this.header.length; c++) {
      const cell = this.header[c]!
      const inner = linesHeight(cell, 0)
      this.paintLines(cell, 0, cell.lines.length, COL_X[c]!, COL_W[c]!, top + (h - inner) / 2)
    }
    this.page.hline(MARGIN_X, TABLE_RIGHT, top)
    this.page.hline(MARGIN_X, TABLE_RIGHT, top + h)
    for (let c = 0; c <= COLUMNS.length; c++) {
      const x = c < COLUMNS.length ? COL_X[c]! : TABLE_RIGHT
      this.page.vline(x, top, top + h)
    }
    this.y = top + h
  }

  /** Paints lines[from, to) of a cell, the first one's top at `top` (+ inner gaps). */
  private paintLines(cell: LaidCell, from: number, to: number, x: number, w: number, top: number) {
    const lh = cell.size * LEADING
    let y = top
    for (let i = from; i < to; i++) {
      const line = cell.lines[i]!
      if (i > from) y += line.gap
      this.page.line(line, cell.size, x + PAD_X, w - 2 * PAD_X, y, cell.align)
      y += lh
    }
  }

  /** How many lines from `from` fit in `height`. */
  private fitLines(cell: LaidCell, from: number, height: number): number {
    const lh = cell.size * LEADING
    let h = 0
    let n = from
    while (n < cell.lines.length) {
      const add = lh + (n > from ? cell.lines[n]!.gap : 0)
      if (h + add > height + 0.01) break
      h += add
      n++
    }
    return n
  }

  /** Draws a slice of a group on the current page: its merged cells' lines that fit, and the grid. */
  private closeSlice(
    merged: LaidCell[],
    mPtr: number[],
    top: number,
    bottom: number,
    again: LaidCell | null,
  ) {
    if (bottom <= top) return
    for (let k = 0; k < 3; k++) {
      const cell = merged[k]!
      const col = MERGED_COLS[k]!
      if (k === 0 && again && mPtr[0]! >= cell.lines.length) {
        // A continuation on a new page: the provision's number again, in grey.
        const to = this.fitLines(again, 0, bottom - top - 2 * PAD_Y)
        this.paintLines(again, 0, to, COL_X[col]!, COL_W[col]!, top + PAD_Y)
        continue
      }
      const to = this.fitLines(cell, mPtr[k]!, bottom - top - 2 * PAD_Y)
      this.paintLines(cell, mPtr[k]!, to, COL_X[col]!, COL_W[col]!, top + PAD_Y)
      mPtr[k] = to
    }
    this.page.hline(MARGIN_X, TABLE_RIGHT, top)
    this.page.hline(MARGIN_X, TABLE_RIGHT, bottom)
    for (let c = 0; c <= COLUMNS.length; c++) {
      const x = c < COLUMNS.length ? COL_X[c]! : TABLE_RIGHT
      this.page.vline(x, top, bottom)
    }
  }

  private placeGroup(group: TableGroup) {
    const faces = this.faces
    const merged = [
      layoutCell(group.num, faces, FS, COL_W[0]!, 'left'),
      layoutCell(group.text, faces, FS, COL_W[1]!, 'left'),
      layoutCell(group.result, faces, FS, COL_W[7]!, 'left'),
    ]
    const mPtr = [0, 0, 0]
    const minRow = FS * LEADING + 2 * PAD_Y
    if (BOTTOM - this.y < minRow) this.newPage()
    let sliceTop = this.y
    // The number cell repeated (grey, italic) at the top of the group's continuations.
    let again: LaidCell | null = null
    const close = (top: number, bottom: number) => {
      this.closeSlice(merged, mPtr, top, bottom, again)
      if (bottom > top) {
        again ??= layoutCell(
          group.num.map((p) => p.map((span) => ({ text: span.text, italic: true, muted: true }))),
          faces,
          FS,
          COL_W[0]!,
          'left',
        )
      }
    }

    for (let r = 0; r < group.rows.length; r++) {
      const cells = group.rows[r]!.map((cell, k) => layoutCell(cell, faces, FS, COL_W[SUB_COLS[k]!]!, 'left'))
      const ptr = [0, 0, 0, 0, 0]
      for (;;) {
        let content = 0
        for (let k = 0; k < 5; k++) content = Math.max(content, linesHeight(cells[k]!, ptr[k]!))
        const rowH = content + 2 * PAD_Y
        const avail = BOTTOM - this.y
        if (rowH <= avail) {
          this.paintRow(cells, ptr, this.y, content)
          this.y += rowH
          if (r < group.rows.length - 1) this.page.hline(COL_X[2]!, COL_X[7]!, this.y)
          break
        }
        const fitsFresh = rowH <= this.bodyH
        if (avail < minRow || (fitsFresh && avail < this.bodyH / 3)) {
          // Move the (rest of the) row to the next page.
          close(sliceTop, this.y)
          this.newPage()
          sliceTop = this.y
          continue
        }
        // Split the row: what fits here, the rest on the next page.
        this.paintRow(cells, ptr, this.y, avail - 2 * PAD_Y)
        this.y = BOTTOM
        close(sliceTop, this.y)
        this.newPage()
        sliceTop = this.y
      }
    }
    // The merged cells may need more room than the contributions took.
    for (;;) {
      let need = 0
      for (let k = 0; k < 3; k++) need = Math.max(need, linesHeight(merged[k]!, mPtr[k]!))
      need += 2 * PAD_Y
      if (sliceTop + need <= this.y + 0.01) break
      if (sliceTop + need <= BOTTOM) {
        this.y = sliceTop + need
        break
      }
      this.y = BOTTOM
      close(sliceTop, this.y)
      this.newPage()
      sliceTop = this.y
    }
    close(sliceTop, this.y)
  }

  /** Paints the lines of a sub-row's cells that fit in `height`, advancing the pointers. */
  private paintRow(cells: LaidCell[], ptr: number[], top: number, height: number) {
    for (let k = 0; k < 5; k++) {
      const cell = cells[k]!
      const col = SUB_COLS[k]!
      const to = this.fitLines(cell, ptr[k]!, height)
      this.paintLines(cell, ptr[k]!, to, COL_X[col]!, COL_W[col]!, top + PAD_Y)
      ptr[k] = to
    }
  }
}
