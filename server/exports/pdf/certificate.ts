/**
 * The certificate of agreement ("Свидетельство о согласовании текста"): a sober A4 document
 * that a ministry can file, saying which text was agreed at expert level, when (in the
 * secretariat's time zone), by which body under which decision rule, and who took which
 * position — members first, then observers, who are recorded and never counted — with the
 * reservations (special opinions) in full. Its centre is the SHA-256 of the version's
 * canonical content, printed whole in groups of eight hex digits so that it can be read
 * aloud and compared, with how to verify a copy (`concord verify <file>` or the /verify
 * page).
 *
 * A pure function: everything comes in `CertificateInput` (the route assembles it from the
 * database); pdfkit lays the text out in DejaVu Serif Condensed (Cyrillic and the Tajik
 * letters ғ ӣ қ ӯ ҳ ҷ), the hash in DejaVu Sans Mono, embedded as subsets with ToUnicode maps
 * so the text can be searched and copied.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { EffectivePosition } from '@core/domain/consensus.js'
import type { DecisionRule } from '@core/domain/decision-rules.js'
import { t } from '@core/i18n/index.js'
import { type Lang, type LocalizedText, pickText } from '@core/i18n/languages.js'
import { DEFAULT_TIME_ZONE, formatInstant } from '../docx/version-text.js'
import { clean } from '../text.js'
import { defaultFontDir, fontBytes, loadPdfKit } from './fonts.js'

export interface CertificateParty {
  /** ISO 3166-1 alpha-3. */
  code: string
  name: LocalizedText
  status: 'member' | 'observer'
  /** The party's position on the document as a whole. */
  position: EffectivePosition
  /** The reasons of an objection (or the text of a document-level reservation). */
  text?: string | null
}

export interface CertificateReservation {
  /** Party code. */
  party: string
  /** The provision's displayed number, or null for the document as a whole. */
  provision: string | null
  text: string | null
}

export interface CertificateInput {
  organization: { name: LocalizedText; secretariatName: LocalizedText }
  document: { title: LocalizedText; reference: string }
  version: { label: LocalizedText; contentHash: string; frozenAt: string }
  /** The body that agreed the text (the dossier's lead body) and its decision rule. */
  body: { name: LocalizedText } | null
  rule: DecisionRule
  /** Every party taking part in the dossier, in any order (members are listed first). */
  parties: CertificateParty[]
  /** Participating members that agreed (they sign). */
  signatories: string[]
  nonParticipating: string[]
  adReferendum: string[]
  /** Reservations (special opinions), in document order: on the whole document, then per provision. */
  reservations: CertificateReservation[]
  /** The verification page (PUBLIC_URL + /verify). */
  verifyUrl: string
  /** ISO instant of generation. */
  generatedAt: string
  /** IANA time zone of the dates shown; default Europe/Minsk. */
  timeZone?: string
}

export interface CertificatePdfOptions {
  /** Directory of the DejaVu TTF files (default: the dejavu-fonts-ttf package). */
  fontDir?: string
}

// Portrait A4, in points; margins 25 / 20 mm left / right, 20 mm top, room for the footer.
const PAGE_W = 595.28
const PAGE_H = 841.89
const LEFT = 70.87
const RIGHT = 56.69
const TOP = 50
const BOTTOM = 64
const W = PAGE_W - LEFT - RIGHT
const MAX_Y = PAGE_H - BOTTOM

const BLACK = '#000000'
const MUTED = '#404040'
const RULE_GREY = '#7f7f7f'
const HEADER_FILL = '#e4e4e4'
const HASH_FILL = '#f2f2f2'

const ASTRAL = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g

/** Text safe for our fonts: clean() and one U+FFFD for each character outside the BMP (emoji). */
function safe(text: string | null | undefined): string {
  return clean(text).replace(ASTRAL, '\uFFFD')
}

function ruleText(rule: DecisionRule, lang: Lang): string {
  if (rule.kind === 'qualified_majority')
    return t(lang, 'certificate.rule.qualified_majority', {
      inFavour: `${rule.inFavour.num}/${rule.inFavour.den}`,
      maxAgainst: `${rule.maxAgainst.num}/${rule.maxAgainst.den}`,
    })
  return t(lang, `certificate.rule.${rule.kind}`)
}

type Face = 'serif' | 'bold' | 'italic' | 'mono'

/** Writes the certificate of agreement as PDF bytes. */
export async function agreementCertificatePdf(
  input: CertificateInput,
  lang: Lang,
  options: CertificatePdfOptions = {},
): Promise<Uint8Array> {
  const tz = input.timeZone ?? DEFAULT_TIME_ZONE
  const name = (text: LocalizedText) => safe(pickText(text, lang))
  const title = t(lang, 'certificate.title')
  const docTitle = name(input.document.title)
  const reference = safe(input.document.reference)
  const hash = safe(input.version.contentHash)
  const created = new Date(input.generatedAt)

  const PDFDocument = await loadPdfKit()
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: TOP, bottom: BOTTOM, left: LEFT, right: RIGHT },
    bufferPages: true,
    compress: true,
    pdfVersion: '1.7',
    lang: lang === 'en' ? 'en-GB' : lang === 'tg' ? 'tg-TJ' : 'ru-RU',
    displayTitle: true,
    font: null as unknown as string,
    info: {
      Title: `${title}: ${docTitle}`,
      Subject: reference,
      Author: name(input.organization.secretariatName),
      Keywords: `sha256:${hash}`,
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
  doc.registerFont('serif', fontBytes('regular', dir))
  doc.registerFont('bold', fontBytes('bold', dir))
  doc.registerFont('italic', fontBytes('italic', dir))
  doc.registerFont('mono', fs.readFileSync(path.join(dir, 'DejaVuSansMono.ttf')))

  const use = (face: Face, size: number, color = BLACK) => doc.font(face).fontSize(size).fillColor(color)
  interface WriteOptions {
    x?: number
    width?: number
    align?: 'left' | 'center' | 'right' | 'justify'
    color?: string
    gap?: number
    characterSpacing?: number
  }
  /** A paragraph at the current y; pdfkit continues it on the next page when needed. */
  const write = (text: string, face: Face, size: number, o: WriteOptions = {}) => {
    use(face, size, o.color)
    doc.text(text, o.x ?? LEFT, doc.y, {
      width: o.width ?? W,
      align: o.align ?? 'left',
      lineGap: o.gap ?? 1.5,
      ...(o.characterSpacing ? { characterSpacing: o.characterSpacing } : {}),
    })
  }
  const height = (text: string, face: Face, size: number, width: number, gap = 1.5) => {
    use(face, size)
    return doc.heightOfString(text, { width, lineGap: gap })
  }
  const hline = (y: number, x1 = LEFT, x2 = LEFT + W, width = 0.5, color = BLACK) => {
    doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(width).strokeColor(color).stroke().restore()
  }
  /** Starts a new page when less than `h` points are left. */
  const ensure = (h: number) => {
    if (doc.y + h > MAX_Y) {
      doc.addPage()
      doc.y = TOP
    }
  }

  // --- The heading: organization, secretariat, title ----------------------------------
  doc.y = TOP
  write(name(input.organization.name).toUpperCase(), 'bold', 11.5, { align: 'center', characterSpacing: 0.3 })
  doc.y += 1
  write(name(input.organization.secretariatName), 'serif', 10.5, { align: 'center' })
  doc.y += 7
  hline(doc.y, LEFT, LEFT + W, 1.2)
  hline(doc.y + 2.6, LEFT, LEFT + W, 0.4)
  doc.y += 22
  write(title.toUpperCase(), 'bold', 15.5, { align: 'center', characterSpacing: 0.8 })
  doc.y += 7
  write(t(lang, 'certificate.intro'), 'italic', 10.5, { align: 'center', x: LEFT + 30, width: W - 60 })
  doc.y += 12

  // --- What was agreed -----------------------------------------------------------------
  const members = input.parties.filter((p) => p.status === 'member')
  const participating = members.length - input.nonParticipating.length
  const signatories = [
    t(lang, 'certificate.signatories', { count: input.signatories.length, participating }) +
      (input.signatories.length ? ` — ${input.signatories.join(', ')}` : ''),
  ]
  if (input.nonParticipating.length)
    signatories.push(
      t(lang, 'certificate.signatories.nonParticipating', { parties: input.nonParticipating.join(', ') }),
    )
  if (input.adReferendum.length)
    signatories.push(t(lang, 'certificate.pending', { parties: input.adReferendum.join(', ') }))

  const fields: { label: string; value: string; face: Face }[] = [
    { label: t(lang, 'certificate.field.document'), value: docTitle, face: 'bold' },
    { label: t(lang, 'certificate.field.reference'), value: reference, face: 'serif' },
    { label: t(lang, 'certificate.field.version'), value: name(input.version.label), face: 'serif' },
    {
      label: t(lang, 'certificate.field.agreedAt'),
      value: formatInstant(input.version.frozenAt, lang, tz),
      face: 'bold',
    },
  ]
  if (input.body)
    fields.push({ label: t(lang, 'certificate.field.body'), value: name(input.body.name), face: 'serif' })
  fields.push(
    { label: t(lang, 'certificate.field.rule'), value: ruleText(input.rule, lang), face: 'serif' },
    { label: t(lang, 'certificate.field.signatories'), value: signatories.join('\n'), face: 'serif' },
  )
  const LABEL_W = 168
  const FIELD_PAD = 4
  hline(doc.y, LEFT, LEFT + W, 0.5, RULE_GREY)
  doc.y += FIELD_PAD + 2
  for (const f of fields) {
    const h = Math.max(height(f.label, 'serif', 9, LABEL_W - 10), height(f.value, f.face, 10, W - LABEL_W))
    ensure(h + FIELD_PAD)
    const y = doc.y
    use('serif', 9, MUTED)
    doc.text(f.label, LEFT, y + 0.8, { width: LABEL_W - 10, lineGap: 1.5 })
    use(f.face, 10)
    doc.text(f.value, LEFT + LABEL_W, y, { width: W - LABEL_W, lineGap: 1.5 })
    doc.y = y + h + FIELD_PAD
  }
  doc.y += 2
  hline(doc.y, LEFT, LEFT + W, 0.5, RULE_GREY)

  // --- The identity of the text ----------------------------------------------------------
  const groups = hash.match(/.{1,8}/g) ?? []
  const hashLines = [groups.slice(0, 4).join('  '), groups.slice(4).join('  ')].filter(Boolean)
  const HASH_SIZE = 13
  const hashBoxH = hashLines.length * HASH_SIZE * 1.45 + 16
  const verifyText = t(lang, 'certificate.hash.verify', { url: safe(input.verifyUrl) })
  ensure(30 + hashBoxH + height(verifyText, 'serif', 8.5, W))
  doc.y += 12
  write(t(lang, 'certificate.hash.heading'), 'bold', 10, { align: 'center' })
  doc.y += 5
  const boxTop = doc.y
  doc
    .save()
    .rect(LEFT + 20, boxTop, W - 40, hashBoxH)
    .fillColor(HASH_FILL)
    .fill()
    .restore()
  doc
    .save()
    .rect(LEFT + 20, boxTop, W - 40, hashBoxH)
    .lineWidth(0.8)
    .strokeColor(BLACK)
    .stroke()
    .restore()
  doc.y = boxTop + 8
  for (const line of hashLines) {
    write(line, 'mono', HASH_SIZE, { align: 'center', gap: HASH_SIZE * 0.45 })
  }
  doc.y = boxTop + hashBoxH + 6
  write(verifyText, 'serif', 8.5, { color: MUTED, gap: 1 })

  // --- The parties and their positions ---------------------------------------------------
  const collator = new Intl.Collator(lang === 'tg' ? 'tg' : lang)
  const byName = (a: CertificateParty, b: CertificateParty) =>
    collator.compare(pickText(a.name, lang), pickText(b.name, lang)) || a.code.localeCompare(b.code)
  const ordered = [
    ...input.parties.filter((p) => p.status === 'member').sort(byName),
    ...input.parties.filter((p) => p.status === 'observer').sort(byName),
  ]
  const rank = new Map(ordered.map((p, i) => [p.code, i]))
  const partyOf = new Map(ordered.map((p) => [p.code, p]))
  const reservations = input.reservations
    .map((r, i) => ({ ...r, i }))
    .sort(
      (a, b) =>
        (rank.get(a.party) ?? 1e9) - (rank.get(b.party) ?? 1e9) ||
        (a.provision === null ? 0 : 1) - (b.provision === null ? 0 : 1) ||
        a.i - b.i,
    )
  const reservationNumbers = new Map<string, number[]>()
  reservations.forEach((r, i) => {
    const list = reservationNumbers.get(r.party) ?? []
    list.push(i + 1)
    reservationNumbers.set(r.party, list)
  })

  const COLS = [
    { key: 'no', w: 24 },
    { key: 'party', w: 140 },
    { key: 'status', w: 112 },
    { key: 'position', w: W - 24 - 140 - 112 },
  ]
  const PAD_X = 4
  const PAD_Y = 2.8
  const CELL_SIZE = 9
  const headings = COLS.map((c) => t(lang, `certificate.col.${c.key}`))
  const colX: number[] = []
  for (let i = 0, x = LEFT; i < COLS.length; x += COLS[i]!.w, i++) colX.push(x)
  const rowHeight = (cells: { text: string; face: Face }[], size: number) =>
    Math.max(...cells.map((c, i) => height(c.text, c.face, size, COLS[i]!.w - 2 * PAD_X, 1))) + 2 * PAD_Y
  const drawRow = (
    cells: { text: string; face: Face; color?: string }[],
    size: number,
    fill: string | null,
  ) => {
    const h = rowHeight(cells, size)
    const y = doc.y
    if (fill) doc.save().rect(LEFT, y, W, h).fillColor(fill).fill().restore()
    cells.forEach((c, i) => {
      use(c.face, size, c.color ?? BLACK)
      doc.text(c.text, colX[i]! + PAD_X, y + PAD_Y, {
        width: COLS[i]!.w - 2 * PAD_X,
        lineGap: 1,
        align: i === 0 ? 'center' : 'left',
      })
    })
    doc.save().lineWidth(0.5).strokeColor(BLACK)
    doc
      .moveTo(LEFT, y + h)
      .lineTo(LEFT + W, y + h)
      .stroke()
    for (let i = 0; i <= COLS.length; i++) {
      const x = i < COLS.length ? colX[i]! : LEFT + W
      doc
        .moveTo(x, y)
        .lineTo(x, y + h)
        .stroke()
    }
    doc.restore()
    doc.y = y + h
  }
  const headerRow = () => {
    hline(doc.y)
    drawRow(
      headings.map((text) => ({ text, face: 'bold' as Face })),
      9,
      HEADER_FILL,
    )
  }

  const positionText = (p: CertificateParty) => {
    const numbers = [...(reservationNumbers.get(p.code) ?? [])]
    let text =
      p.position === 'reservation' && numbers.length
        ? t(lang, 'certificate.position.reservationNo', { n: numbers.shift()! })
        : t(lang, `certificate.position.${p.position}`)
    if (p.position === 'objection' && p.text) text += `: «${safe(p.text)}»`
    for (const n of numbers) text += `; ${t(lang, 'certificate.position.seeReservation', { n })}`
    return text
  }
  const rows = ordered.map((p, i) => {
    const observer = p.status === 'observer'
    return [
      { text: String(i + 1), face: 'serif' as Face },
      { text: `${name(p.name)} (${safe(p.code)})`, face: 'serif' as Face },
      {
        text: t(lang, observer ? 'certificate.status.observer' : 'certificate.status.member'),
        face: (observer ? 'italic' : 'serif') as Face,
        ...(observer ? { color: MUTED } : {}),
      },
      { text: positionText(p), face: 'serif' as Face },
    ]
  })

  const headerH = rowHeight(
    headings.map((text) => ({ text, face: 'bold' as Face })),
    9,
  )
  ensure(40 + headerH + (rows[0] ? rowHeight(rows[0], CELL_SIZE) : 0))
  doc.y += 14
  write(t(lang, 'certificate.parties.heading'), 'bold', 11)
  doc.y += 5
  headerRow()
  for (const row of rows) {
    const h = rowHeight(row, CELL_SIZE)
    if (doc.y + h > MAX_Y) {
      doc.addPage()
      doc.y = TOP
      headerRow()
    }
    drawRow(row, CELL_SIZE, null)
  }

  // --- Reservations (special opinions) ------------------------------------------------------
  ensure(60)
  doc.y += 18
  write(t(lang, 'certificate.reservations.heading'), 'bold', 11)
  doc.y += 6
  if (!reservations.length) write(t(lang, 'certificate.reservations.none'), 'italic', 10.5)
  reservations.forEach((r, i) => {
    const party = partyOf.get(r.party)
    const who = party ? `${name(party.name)} (${safe(r.party)})` : safe(r.party)
    const observer = party?.status === 'observer' ? `, ${t(lang, 'certificate.reservation.observer')}` : ''
    const where =
      r.provision === null
        ? t(lang, 'certificate.reservation.document')
        : t(lang, 'certificate.reservation.provision', { num: safe(r.provision) })
    const head = `${i + 1}. ${who}${observer} — ${where}`
    const body = r.text ? safe(r.text) : t(lang, 'certificate.reservation.noText')
    ensure(height(head, 'bold', 10, W) + Math.min(60, height(body, 'serif', 10.5, W - 18)) + 8)
    write(head, 'bold', 10)
    doc.y += 2
    write(body, r.text ? 'serif' : 'italic', 10.5, { x: LEFT + 18, width: W - 18 })
    doc.y += 8
  })

  // --- Generated -----------------------------------------------------------------------------
  const generated = t(lang, 'certificate.generated', { date: formatInstant(input.generatedAt, lang, tz) })
  ensure(40)
  doc.y += 20
  hline(doc.y, LEFT, LEFT + 120, 0.5)
  doc.y += 5
  write(generated, 'italic', 8.5, { color: MUTED })

  // --- Footers: the reference, the start of the hash, page N of M ---------------------------
  const range = doc.bufferedPageRange()
  const footerLeft = `${reference} · SHA-256 ${hash.slice(0, 16)}…`
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    const y = PAGE_H - 44
    hline(y - 5, LEFT, LEFT + W, 0.4, RULE_GREY)
    use('serif', 7.5, MUTED)
    doc.text(footerLeft, LEFT, y, { width: W * 0.7, lineBreak: false })
    const label = t(lang, 'certificate.page', { page: i - range.start + 1, pages: range.count })
    doc.text(label, LEFT, y, { width: W, align: 'right', lineBreak: false })
    doc.page.margins.bottom = bottom
  }
  doc.end()
  await ended
  return Buffer.concat(chunks)
}
