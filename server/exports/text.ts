/**
 * Shared by the exports: clean text (characters XML 1.0 and PDF text cannot carry), dates
 * as a secretariat writes them, and the rich-text spans that both the DOCX and the PDF
 * writer render.
 */
import { EN_MONTHS } from '@core/i18n/calendar.js'
import type { Lang } from '@core/i18n/languages.js'
import type { DiffOp } from '@core/text/diff.js'

/** A piece of text with its look: deletions struck through in red, insertions underlined in blue. */
export interface Span {
  text: string
  bold?: boolean
  italic?: boolean
  del?: boolean
  ins?: boolean
  /** Secondary information (grey). */
  muted?: boolean
}
export type Paragraph = Span[]
/** The content of a table cell: paragraphs of spans. */
export type Cell = Paragraph[]

// Characters allowed in XML 1.0: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// With the u flag, a lone surrogate is one code point outside every allowed range.
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu
const NEEDS_CLEANING = /[^\t\n\u0020-\uD7FF\uE000-\uFFFD]/

/**
 * Text safe for XML 1.0 and for our PDF writer: invalid characters removed, line ends
 * normalised to \n, tabs to spaces, NFC.
 */
export function clean(text: string | null | undefined): string {
  if (!text) return ''
  // The fast path: most text is clean already (astral characters and \r take the slow one).
  if (!NEEDS_CLEANING.test(text)) return text.normalize('NFC')
  return text.replace(INVALID_XML, '').replace(/\r\n?/g, '\n').replace(/\t/g, ' ').normalize('NFC')
}

/** Spans of a redline: equal text plain, deletions struck through, insertions underlined. */
export function redlineSpans(ops: readonly DiffOp[]): Span[] {
  const spans: Span[] = []
  for (const op of ops) {
    const text = clean(op.text)
    if (!text) continue
    if (op.op === 'delete') spans.push({ text, del: true })
    else if (op.op === 'insert') spans.push({ text, ins: true })
    else spans.push({ text })
  }
  return spans
}

const formatters = new Map<string, Intl.DateTimeFormat>()

/** Wall-clock parts of an instant in a time zone (the offset written in the ISO string if no zone). */
function wallClock(iso: string, timeZone: string | undefined) {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return null
  if (timeZone) {
    try {
      let fmt = formatters.get(timeZone)
      if (!fmt) {
        fmt = new Intl.DateTimeFormat('en-GB', {
          timeZone,
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        })
        formatters.set(timeZone, fmt)
      }
      const parts = Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value]))
      return {
        y: Number(parts.year),
        m: Number(parts.month),
        d: Number(parts.day),
        hh: parts.hour ?? '00',
        mm: parts.minute ?? '00',
      }
    } catch {
      // unknown zone: fall through to the written offset
    }
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso)
  if (!m) return null
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), hh: m[4] ?? '00', mm: m[5] ?? '00' }
}

/**
 * A date as a secretariat writes it: 21.08.2020 (ru, tg) or 21 August 2020 (en), with the
 * time when `withTime`. `timeZone` (IANA) gives the wall clock; without it the offset
 * written in the ISO string is kept.
 */
export function formatDate(iso: string, lang: Lang, options: { withTime?: boolean; timeZone?: string } = {}) {
  const w = wallClock(iso, options.timeZone)
  if (!w) return clean(iso)
  const date =
    lang === 'en'
      ? `${w.d} ${EN_MONTHS[w.m - 1]} ${w.y}`
      : `${String(w.d).padStart(2, '0')}.${String(w.m).padStart(2, '0')}.${w.y}`
  return options.withTime ? `${date} ${w.hh}:${w.mm}` : date
}
