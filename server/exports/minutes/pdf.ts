/**
 * The minutes as PDF: the same blocks as the DOCX (server/exports/minutes/model.ts) laid out
 * on A4 with the DejaVu faces — the title centred in bold, the status line, bold section
 * headings, justified paragraphs — and on every page a footer with the status, the SHA-256
 * of the minutes and the page number.
 */
import { t } from '@core/i18n/index.js'
import type { Lang } from '@core/i18n/languages.js'
import { type MinutesExportInput, minutesBlocks, statusLine } from './model.js'
import { MUTED, openPdf, safe } from './pdf-document.js'

export interface MinutesPdfOptions {
  fontDir?: string
}

/** Writes the minutes in one language as PDF bytes. */
export async function minutesPdf(
  input: MinutesExportInput,
  lang: Lang,
  options: MinutesPdfOptions = {},
): Promise<Uint8Array> {
  const status = statusLine(input, lang)
  const pdf = await openPdf({
    lang,
    title: input.text.title,
    subject: status,
    author: 'Concord',
    keywords: `sha256:${input.contentHash}`,
    date: input.date,
    bottom: 64,
    ...(options.fontDir ? { fontDir: options.fontDir } : {}),
  })
  const { doc, write, height, ensure } = pdf
  doc.y = 50
  for (const block of minutesBlocks(input, lang)) {
    const text = safe(block.text)
    switch (block.style) {
      case 'title':
        write(text, 'bold', 14, { align: 'center' })
        doc.y += 4
        break
      case 'status':
        write(text, 'italic', 10, { align: 'center', color: MUTED })
        doc.y += 16
        break
      case 'heading':
        // Keep a heading with the start of what follows.
        ensure(height(text, 'bold', 11.5) + 40)
        doc.y += 8
        write(text, 'bold', 11.5)
        doc.y += 4
        break
      case 'hash':
        ensure(40)
        doc.y += 18
        write(text, 'mono', 8, { color: MUTED })
        break
      default:
        write(text, 'serif', 11.5, { align: 'justify', indent: 28, gap: 2 })
        doc.y += 5
    }
  }
  return pdf.finish((page, pages) => ({
    left: [status, `SHA-256 ${input.contentHash}`],
    right: t(lang, 'minutes.export.page', { page: page + 1, pages }),
  }))
}
