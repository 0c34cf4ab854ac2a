/**
 * The minutes as a sequence of styled blocks, shared by the DOCX and the PDF writer so that
 * both say the same thing: the title, the status line (draft, or approved with its date),
 * the sections with their headings, and the SHA-256 of the content at the end.
 */
import type { MinutesText } from '@core/api/minutes.js'
import { t } from '@core/i18n/index.js'
import type { Lang } from '@core/i18n/languages.js'
import { clean, formatDate } from '../text.js'

export interface MinutesExportInput {
  text: MinutesText
  status: 'draft' | 'approved'
  approvedAt: string | null
  /** SHA-256 of the minutes' content (all languages). */
  contentHash: string
  /** IANA zone of the meeting (dates are shown on its wall clock). */
  timeZone: string
  /** ISO date of the file (core properties), e.g. the approval. */
  date: string
}

export type MinutesBlockStyle = 'title' | 'status' | 'heading' | 'body' | 'hash'
export interface MinutesBlock {
  style: MinutesBlockStyle
  text: string
}

/** The status line: "Проект протокола" or "Протокол утверждён 21.08.2020". */
export function statusLine(input: MinutesExportInput, lang: Lang): string {
  return input.status === 'approved' && input.approvedAt
    ? t(lang, 'minutes.export.status.approved', {
        date: formatDate(input.approvedAt, lang, { timeZone: input.timeZone }),
      })
    : t(lang, 'minutes.export.status.draft')
}

export function minutesBlocks(input: MinutesExportInput, lang: Lang): MinutesBlock[] {
  const blocks: MinutesBlock[] = [
    { style: 'title', text: clean(input.text.title) },
    { style: 'status', text: statusLine(input, lang) },
  ]
  for (const section of input.text.sections) {
    if (section.heading.trim()) blocks.push({ style: 'heading', text: clean(section.heading) })
    for (const p of section.paragraphs) if (p.trim()) blocks.push({ style: 'body', text: clean(p) })
  }
  blocks.push({ style: 'hash', text: t(lang, 'minutes.export.hash', { hash: clean(input.contentHash) }) })
  return blocks
}
