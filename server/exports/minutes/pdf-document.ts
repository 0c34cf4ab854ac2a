/**
 * A pdfkit document set up as the other PDF exports are (A4 portrait, DejaVu Serif
 * Condensed with its bold and italic faces, DejaVu Sans Mono for hashes, embedded as subsets
 * with ToUnicode maps so the text can be searched and copied — Cyrillic and the Tajik
 * letters included), with the small helpers the minutes and the depositary copy use.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Lang } from '@core/i18n/languages.js'
import { defaultFontDir, fontBytes, loadPdfKit } from '../pdf/fonts.js'
import { clean } from '../text.js'

export const PAGE_W = 595.28
export const PAGE_H = 841.89
export const LEFT = 70.87
export const RIGHT = 56.69
export const TOP = 50
export const W = PAGE_W - LEFT - RIGHT
export const BLACK = '#000000'
export const MUTED = '#404040'
export const RULE_GREY = '#7f7f7f'

export type Face = 'serif' | 'bold' | 'italic' | 'mono'

const ASTRAL = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g

/** Text safe for our fonts: clean() and one U+FFFD for each character outside the BMP (emoji). */
export function safe(text: string | null | undefined): string {
  return clean(text).replace(ASTRAL, '\uFFFD')
}

export interface PdfMeta {
  lang: Lang
  title: string
  subject: string
  author: string
  keywords: string
  /** ISO instant of the document. */
  date: string
  /** Bottom margin in points (room for the footer). */
  bottom: number
  fontDir?: string
}

export interface WriteOptions {
  x?: number
  width?: number
  align?: 'left' | 'center' | 'right' | 'justify'
  color?: string
  gap?: number
  indent?: number
  characterSpacing?: number
}

/** Opens a buffered pdfkit document; `finish()` ends it and returns the bytes. */
export async function openPdf(meta: PdfMeta) {
  const PDFDocument = await loadPdfKit()
  const created = new Date(meta.date)
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: TOP, bottom: meta.bottom, left: LEFT, right: RIGHT },
    bufferPages: true,
    compress: true,
    pdfVersion: '1.7',
    lang: meta.lang === 'en' ? 'en-GB' : meta.lang === 'tg' ? 'tg-TJ' : 'ru-RU',
    displayTitle: true,
    font: null as unknown as string,
    info: {
      Title: safe(meta.title),
      Subject: safe(meta.subject),
      Author: safe(meta.author),
      Keywords: safe(meta.keywords),
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
  const dir = meta.fontDir ?? defaultFontDir()
  doc.registerFont('serif', fontBytes('regular', dir))
  doc.registerFont('bold', fontBytes('bold', dir))
  doc.registerFont('italic', fontBytes('italic', dir))
  doc.registerFont('mono', fs.readFileSync(path.join(dir, 'DejaVuSansMono.ttf')))
  const maxY = PAGE_H - meta.bottom

  const use = (face: Face, size: number, color = BLACK) => doc.font(face).fontSize(size).fillColor(color)
  /** A paragraph at the current y; pdfkit continues it on the next page when needed. */
  const write = (text: string, face: Face, size: number, o: WriteOptions = {}) => {
    use(face, size, o.color)
    doc.text(text, o.x ?? LEFT, doc.y, {
      width: o.width ?? W,
      align: o.align ?? 'left',
      lineGap: o.gap ?? 1.5,
      ...(o.indent ? { indent: o.indent } : {}),
      ...(o.characterSpacing ? { characterSpacing: o.characterSpacing } : {}),
    })
  }
  const height = (text: string, face: Face, size: number, width = W, gap = 1.5) => {
    use(face, size)
    return doc.heightOfString(text, { width, lineGap: gap })
  }
  const hline = (y: number, x1 = LEFT, x2 = LEFT + W, width = 0.5, color = BLACK) => {
    doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(width).strokeColor(color).stroke().restore()
  }
  /** Starts a new page when less than `h` points are left. */
  const ensure = (h: number) => {
    if (doc.y + h > maxY) {
      doc.addPage()
      doc.y = TOP
    }
  }
  /** Draws the footer lines of every page: `lines(pageIndex, pageCount)`, then ends the document. */
  const finish = async (footer: (page: number, pages: number) => { left: string[]; right: string }) => {
    const range = doc.bufferedPageRange()
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i)
      const bottom = doc.page.margins.bottom
      doc.page.margins.bottom = 0
      const { left, right } = footer(i - range.start, range.count)
      const lineH = 9
      let y = PAGE_H - 30 - lineH * left.length
      hline(y - 5, LEFT, LEFT + W, 0.4, RULE_GREY)
      use('serif', 7.5, MUTED)
      doc.text(safe(right), LEFT, y, { width: W, align: 'right', lineBreak: false })
      for (const line of left) {
        use('mono', 6.8, MUTED)
        doc.text(safe(line), LEFT, y, { width: W * 0.82, lineBreak: false })
        y += lineH
      }
      doc.page.margins.bottom = bottom
    }
    doc.end()
    await ended
    return Buffer.concat(chunks) as Uint8Array
  }
  return { doc, use, write, height, hline, ensure, finish, maxY }
}
