/**
 * The depositary copy (заверенная копия) of a decision of a council: the decision, the body,
 * the dates, the dossier, the signatories by name and code, the special opinions in full and
 * the texts adopted, each in full from its frozen canonical content. Every page carries in
 * its footer the SHA-256 of the record and, on the pages of a text, the SHA-256 of that text,
 * so that any single page can be checked against the record.
 *
 * A pure function of `DepositaryInput` (the route assembles it from the database).
 */
import type { AdoptionDecision } from '@core/api/minutes.js'
import { t } from '@core/i18n/index.js'
import { type Lang, type LocalizedText, pickText } from '@core/i18n/languages.js'
import type { DocumentContent, Provision, Run } from '@core/text/model.js'
import { DEFAULT_TIME_ZONE } from '../docx/version-text.js'
import { type Face, LEFT, MUTED, openPdf, RULE_GREY, safe, W } from '../minutes/pdf-document.js'
import { formatDate } from '../text.js'

export interface DepositaryParty {
  code: string
  name: LocalizedText
}

export interface DepositaryText {
  title: LocalizedText
  label: LocalizedText
  contentHash: string
  frozenAt: string | null
  content: DocumentContent
}

export interface DepositaryInput {
  organization: { name: LocalizedText; secretariatName: LocalizedText }
  dossier: { reference: string; title: LocalizedText }
  body: { name: LocalizedText }
  decision: AdoptionDecision
  /** ISO dates (YYYY-MM-DD). */
  decidedOn: string
  signedOn: string | null
  meeting: { title: LocalizedText; startsAt: string; timezone: string } | null
  signatories: DepositaryParty[]
  specialOpinions: { party: DepositaryParty; text: LocalizedText }[]
  /** SHA-256 of the canonical adoption record. */
  recordHash: string
  texts: DepositaryText[]
  /** ISO instant of generation. */
  generatedAt: string
  /** IANA zone of the instants shown (default Europe/Minsk). */
  timeZone?: string
}

export interface DepositaryPdfOptions {
  fontDir?: string
}

/** The runs of a provision in the language, else in the content's first language that has them. */
function runsIn(p: Provision, lang: Lang, languages: readonly Lang[]): Run[] | undefined {
  if (!p.text) return undefined
  if (p.text[lang]) return p.text[lang]
  for (const l of languages) if (p.text[l]) return p.text[l]
  return Object.values(p.text).find((r) => !!r)
}

function numberPrefix(num: string | undefined): string {
  const n = safe(num)
  return n ? `${n}${/[.)]$/.test(n) ? '' : '.'} ` : ''
}

/** Writes the depositary copy as PDF bytes. */
export async function depositaryPdf(
  input: DepositaryInput,
  lang: Lang,
  options: DepositaryPdfOptions = {},
): Promise<Uint8Array> {
  const tz = input.timeZone ?? DEFAULT_TIME_ZONE
  const name = (text: LocalizedText | null | undefined) => safe(pickText(text, lang))
  const party = (p: DepositaryParty) => {
    const n = name(p.name)
    return n && n !== p.code ? `${n} (${p.code})` : p.code
  }
  const title = t(lang, 'depositary.title')
  const pdf = await openPdf({
    lang,
    title: `${title}: ${pickText(input.dossier.title, lang)}`,
    subject: input.dossier.reference,
    author: pickText(input.organization.secretariatName, lang),
    keywords: `sha256:${input.recordHash}`,
    date: input.generatedAt,
    bottom: 78,
    ...(options.fontDir ? { fontDir: options.fontDir } : {}),
  })
  const { doc, write, height, hline, ensure } = pdf

  // --- The heading ------------------------------------------------------------------------------
  doc.y = 50
  write(name(input.organization.name).toUpperCase(), 'bold', 11.5, { align: 'center', characterSpacing: 0.3 })
  doc.y += 1
  write(name(input.organization.secretariatName), 'serif', 10.5, { align: 'center' })
  doc.y += 7
  hline(doc.y, LEFT, LEFT + W, 1.2)
  hline(doc.y + 2.6, LEFT, LEFT + W, 0.4)
  doc.y += 20
  write(title, 'bold', 15.5, { align: 'center', characterSpacing: 0.8 })
  doc.y += 6
  write(t(lang, 'depositary.intro'), 'italic', 9.5, {
    align: 'center',
    x: LEFT + 24,
    width: W - 48,
    color: MUTED,
  })
  doc.y += 12

  // --- The decision ------------------------------------------------------------------------------
  const fields: { label: string; value: string; face: Face }[] = [
    {
      label: t(lang, 'depositary.field.dossier'),
      value: `${safe(input.dossier.reference)} — ${name(input.dossier.title)}`,
      face: 'serif',
    },
    { label: t(lang, 'depositary.field.body'), value: name(input.body.name), face: 'bold' },
    {
      label: t(lang, 'depositary.field.decision'),
      value: t(lang, `adoption.decision.${input.decision}`),
      face: 'bold',
    },
    { label: t(lang, 'depositary.field.decidedOn'), value: formatDate(input.decidedOn, lang), face: 'serif' },
    {
      label: t(lang, 'depositary.field.signedOn'),
      value: input.signedOn ? formatDate(input.signedOn, lang) : t(lang, 'depositary.notSigned'),
      face: input.signedOn ? 'serif' : 'italic',
    },
  ]
  if (input.meeting)
    fields.push({
      label: t(lang, 'depositary.field.meeting'),
      value: `${name(input.meeting.title)}, ${formatDate(input.meeting.startsAt, lang, { timeZone: input.meeting.timezone })}`,
      face: 'serif',
    })
  fields.push({ label: t(lang, 'depositary.field.recordHash'), value: safe(input.recordHash), face: 'mono' })
  const LABEL_W = 150
  hline(doc.y, LEFT, LEFT + W, 0.5, RULE_GREY)
  doc.y += 6
  for (const f of fields) {
    const size = f.face === 'mono' ? 8 : 10
    const h = Math.max(height(f.label, 'serif', 9, LABEL_W - 10), height(f.value, f.face, size, W - LABEL_W))
    ensure(h + 4)
    const y = doc.y
    pdf.use('serif', 9, MUTED)
    doc.text(f.label, LEFT, y + 0.8, { width: LABEL_W - 10, lineGap: 1.5 })
    pdf.use(f.face, size)
    doc.text(f.value, LEFT + LABEL_W, y, { width: W - LABEL_W, lineGap: 1.5 })
    doc.y = y + h + 4
  }
  hline(doc.y + 2, LEFT, LEFT + W, 0.5, RULE_GREY)
  doc.y += 14

  const heading = (text: string) => {
    ensure(50)
    doc.y += 6
    write(text, 'bold', 11)
    doc.y += 4
  }

  // --- Texts adopted -------------------------------------------------------------------------------
  heading(t(lang, 'depositary.texts'))
  input.texts.forEach((x, i) => {
    write(
      t(lang, 'depositary.textLine', {
        n: i + 1,
        title: name(x.title),
        label: name(x.label),
        hash: safe(x.contentHash),
      }),
      'serif',
      10,
      { gap: 1.5 },
    )
    doc.y += 3
  })

  // --- Signatories -----------------------------------------------------------------------------------
  heading(t(lang, 'depositary.signatories'))
  if (!input.signatories.length) write(t(lang, 'depositary.noSignatories'), 'italic', 10)
  input.signatories.forEach((p, i) => {
    write(`${i + 1}. ${party(p)}`, 'serif', 10.5)
    doc.y += 1
  })

  // --- Special opinions -----------------------------------------------------------------------------
  heading(t(lang, 'depositary.opinions'))
  if (!input.specialOpinions.length) write(t(lang, 'depositary.noOpinions'), 'italic', 10)
  input.specialOpinions.forEach((o, i) => {
    ensure(40)
    write(`${i + 1}. ${party(o.party)}`, 'bold', 10)
    doc.y += 2
    write(name(o.text), 'serif', 10.5, { x: LEFT + 18, width: W - 18 })
    doc.y += 8
  })

  ensure(30)
  doc.y += 14
  write(
    t(lang, 'depositary.generated', {
      date: formatDate(input.generatedAt, lang, { withTime: true, timeZone: tz }),
    }),
    'italic',
    8.5,
    {
      color: MUTED,
    },
  )

  // --- The texts in full, each from a new page -------------------------------------------------------
  /** Page index where each text starts (its pages run until the next one starts). */
  const starts: number[] = []
  input.texts.forEach((x, i) => {
    doc.addPage()
    doc.y = 50
    starts.push(doc.bufferedPageRange().count - 1)
    const languages = x.content.languages
    write(t(lang, 'depositary.text.heading', { n: i + 1, count: input.texts.length }), 'italic', 9, {
      align: 'right',
      color: MUTED,
    })
    doc.y += 6
    write(name(x.title), 'bold', 13, { align: 'center' })
    doc.y += 4
    write(
      t(lang, 'depositary.text.version', {
        label: name(x.label),
        date: x.frozenAt ? formatDate(x.frozenAt, lang, { timeZone: tz }) : '—',
      }),
      'serif',
      10,
      { align: 'center' },
    )
    doc.y += 2
    write(`SHA-256: ${safe(x.contentHash)}`, 'mono', 8, { align: 'center', color: MUTED })
    doc.y += 16

    const notes = new Map((x.content.footnotes ?? []).map((f) => [f.id, pickText(f.text, lang)]))
    const used: string[] = []
    const runsText = (runs: readonly Run[]) => {
      let out = ''
      for (const r of runs) {
        if (r.type === 'text') out += r.text
        else if (r.type === 'bracket')
          out += r.resolved ? r.resolved.text : `[${r.alternatives.map((a) => a.text).join(' / ')}]`
        else if (notes.has(r.id)) {
          used.push(r.id)
          out += `[${used.length}]`
        }
      }
      return safe(out)
    }
    const provision = (p: Provision, depth: number) => {
      const runs = runsIn(p, lang, languages)
      const head = safe(pickText(p.heading, lang))
      const indent = Math.min(depth, 4) * 16
      if (p.kind === 'art') {
        const label = p.num ? t(lang, 'certificate.text.article', { num: safe(p.num) }) : ''
        const line = [label, head].filter(Boolean).join('. ')
        if (line) {
          ensure(40)
          doc.y += 4
          write(line, 'bold', 11, { x: LEFT + indent, width: W - indent })
          doc.y += 3
        }
        if (runs?.length) {
          write(runsText(runs), 'serif', 11, { align: 'justify', indent: 24, gap: 2 })
          doc.y += 4
        }
      } else {
        const prefix = numberPrefix(p.num)
        if (head) {
          ensure(40)
          write(`${prefix}${head}`, 'bold', 11, { x: LEFT + indent, width: W - indent })
          doc.y += 3
          if (runs?.length) {
            write(runsText(runs), 'serif', 11, {
              x: LEFT + indent,
              width: W - indent,
              align: 'justify',
              gap: 2,
            })
            doc.y += 4
          }
        } else if (runs?.length || prefix) {
          write(`${prefix}${runsText(runs ?? [])}`, 'serif', 11, {
            x: LEFT + indent,
            width: W - indent,
            align: 'justify',
            indent: 24,
            gap: 2,
          })
          doc.y += 4
        }
      }
      for (const child of p.children ?? []) provision(child, depth + 1)
    }
    for (const p of x.content.preamble) provision(p, 0)
    for (const p of x.content.body) provision(p, 0)
    for (const p of x.content.conclusions) provision(p, 0)
    if (used.length) {
      ensure(30)
      doc.y += 8
      hline(doc.y, LEFT, LEFT + 120, 0.5)
      doc.y += 4
      used.forEach((id, n) => {
        write(`[${n + 1}] ${safe(notes.get(id))}`, 'serif', 9)
      })
    }
  })

  return pdf.finish((page, pages) => {
    const left = [t(lang, 'depositary.footer.record', { hash: input.recordHash })]
    let current = -1
    starts.forEach((s, i) => {
      if (page >= s) current = i
    })
    if (current >= 0)
      left.push(
        t(lang, 'depositary.footer.text', { n: current + 1, hash: input.texts[current]!.contentHash }),
      )
    return { left, right: t(lang, 'depositary.page', { page: page + 1, pages }) }
  })
}
