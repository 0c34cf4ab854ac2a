/**
 * DejaVu fonts for the PDF exports, and fast glyph lookup on top of pdfkit's embedded
 * (subset) fonts: advance widths and glyph ids cached per UTF-16 code unit, so that line
 * breaking and encoding never go through fontkit's shaping (no ligatures or kerning are
 * needed for Cyrillic and Latin text in a table). Glyphs missing from the serif face are
 * taken from DejaVu Sans; glyphs missing from both become U+FFFD.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

/** The files we embed: condensed serif faces for the table, DejaVu Sans as a fallback. */
export const FONT_FILES = {
  regular: 'DejaVuSerifCondensed.ttf',
  bold: 'DejaVuSerifCondensed-Bold.ttf',
  italic: 'DejaVuSerifCondensed-Italic.ttf',
  fallback: 'DejaVuSans.ttf',
} as const
export type FontRole = keyof typeof FONT_FILES

let fontDirCache: string | null = null

/**
 * The directory of the DejaVu TTF files (the dejavu-fonts-ttf package): resolved from this
 * module, else from the working directory (a bundle copied elsewhere runs from the repo).
 */
export function defaultFontDir(): string {
  if (fontDirCache) return fontDirCache
  const bases: string[] = []
  try {
    if (typeof import.meta.url === 'string') bases.push(import.meta.url)
  } catch {
    // not an ES module (CommonJS bundle)
  }
  bases.push(path.join(process.cwd(), 'package.json'))
  for (const base of bases) {
    try {
      const pkg = createRequire(base).resolve('dejavu-fonts-ttf/package.json')
      const dir = path.join(path.dirname(pkg), 'ttf')
      if (fs.existsSync(path.join(dir, FONT_FILES.regular))) {
        fontDirCache = dir
        return dir
      }
    } catch {
      // try the next base
    }
  }
  throw new Error('DejaVu fonts not found: install dejavu-fonts-ttf or pass fontDir')
}

const fileCache = new Map<string, Buffer>()

/** The bytes of a font file, read once per process. */
export function fontBytes(role: FontRole, dir = defaultFontDir()): Buffer {
  const file = path.join(dir, FONT_FILES[role])
  let bytes = fileCache.get(file)
  if (!bytes) {
    bytes = fs.readFileSync(file)
    fileCache.set(file, bytes)
  }
  return bytes
}

/** What we use of pdfkit's EmbeddedFont (internal, stable across 0.13–0.20). */
export interface PdfkitEmbeddedFont {
  id: string
  ref(): unknown
  font: {
    unitsPerEm: number
    glyphForCodePoint(cp: number): { id: number; advanceWidth: number }
  }
  subset: { includeGlyph(id: number): number }
  widths: number[]
  unicode: number[][]
}

const REPLACEMENT = 0xfffd

/**
 * Glyph lookup for one face: `adv[c]` is the advance of UTF-16 unit c in thousandths of an
 * em (-1 until looked up), `gid[c]` the subset glyph id to write in a content stream,
 * `alt[c]` 1 when the glyph comes from the fallback face.
 */
export class GlyphFont {
  readonly adv = new Float32Array(65536).fill(-1)
  readonly gid = new Uint16Array(65536)
  readonly alt = new Uint8Array(65536)
  private readonly scale: number

  constructor(
    readonly embedded: PdfkitEmbeddedFont,
    private readonly fallback: GlyphFont | null,
  ) {
    this.scale = 1000 / embedded.font.unitsPerEm
  }

  get id(): string {
    return this.embedded.id
  }

  /** Fills the tables for unit c (a BMP code point; surrogates are replaced before layout). */
  load(c: number): void {
    const glyph = this.embedded.font.glyphForCodePoint(c)
    if (glyph.id === 0 && this.fallback) {
      const fb = this.fallback
      if (fb.adv[c]! < 0) fb.load(c)
      this.adv[c] = fb.adv[c]!
      this.gid[c] = fb.gid[c]!
      this.alt[c] = 1
      return
    }
    if (glyph.id === 0 && c !== REPLACEMENT) {
      // Missing from every face: show U+FFFD (it is what extracted text will say, too).
      this.loadAs(c, REPLACEMENT)
      return
    }
    const gid = this.embedded.subset.includeGlyph(glyph.id)
    if (this.embedded.widths[gid] == null) this.embedded.widths[gid] = glyph.advanceWidth * this.scale
    if (this.embedded.unicode[gid] == null) this.embedded.unicode[gid] = [c]
    this.adv[c] = glyph.advanceWidth * this.scale
    this.gid[c] = gid
    this.alt[c] = 0
  }

  private loadAs(c: number, as: number): void {
    if (this.adv[as]! < 0) this.load(as)
    this.adv[c] = this.adv[as]!
    this.gid[c] = this.gid[as]!
    this.alt[c] = this.alt[as]!
  }

  /** Width of s[start, end) in thousandths of an em. */
  width(s: string, start = 0, end = s.length): number {
    let w = 0
    const adv = this.adv
    for (let i = start; i < end; i++) {
      const c = s.charCodeAt(i)
      let a = adv[c]!
      if (a < 0) {
        this.load(c)
        a = adv[c]!
      }
      w += a
    }
    return w
  }
}

/**
 * pdfkit, loaded on the first PDF rather than at start-up: it and fontkit weigh about 26 MB
 * and most processes never write a PDF.
 */
type PdfKit = typeof import('pdfkit')
let pdfkit: Promise<PdfKit> | undefined
export function loadPdfKit(): Promise<PdfKit> {
  // pdfkit is CommonJS (`export =`): the class is the module's default export at run time.
  pdfkit ??= import('pdfkit').then(
    (m) => (m as unknown as { default?: PdfKit }).default ?? (m as unknown as PdfKit),
  )
  return pdfkit
}
