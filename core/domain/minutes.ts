/**
 * Drafting the minutes (протокол) of a meeting from its recorded facts: a pure function of
 * the facts and the language, in the formal style of a CIS protocol — the title ("ПРОТОКОЛ
 * заседания …"), where, when and how the meeting was held, "Присутствовали:" per party with
 * each person's function (observers marked, the secretariat last), attendance, "Повестка
 * дня:", then for each item the document and version considered with its SHA-256, the
 * positions recorded on that version and "РЕШИЛИ:" with the outcome. The secretariat edits
 * the draft afterwards; nothing here reads a database.
 */

import {
  ADOPTION_FORMAT,
  type AdoptionDecision,
  MINUTES_FORMAT,
  type MinutesContent,
  type MinutesSection,
  type MinutesText,
  type MinutesTexts,
} from '../api/minutes.js'
import { t } from '../i18n/index.js'
import { type Lang, type LocalizedText, pickText } from '../i18n/languages.js'
import { canonicalHash } from '../text/canonical.js'
import type { EffectivePosition } from './consensus.js'

export const AGENDA_OUTCOMES = [
  'agreed',
  'agreed_ad_referendum',
  'agreed_with_reservations',
  'returned',
  'postponed',
] as const
export type AgendaOutcome = (typeof AGENDA_OUTCOMES)[number]

export type ParticipantFunction = 'plenipotentiary' | 'expert' | 'observer_delegate' | 'secretariat'
export type Attendance = 'present' | 'remote' | 'absent'

export interface MinutesParty {
  /** ISO 3166-1 alpha-3. */
  code: string
  name: LocalizedText
  status: 'member' | 'observer'
}

export interface MinutesParticipant {
  name: string
  /** Party code; null for the secretariat's staff. */
  party: string | null
  function: ParticipantFunction
  invitation: 'invited' | 'accepted' | 'declined' | 'tentative'
  /** Null: not recorded. */
  attendance: Attendance | null
}

/** The positions recorded on the version an agenda item considered (from the consensus engine). */
export interface MinutesPositions {
  /** Members that agreed without qualification. */
  agreed: string[]
  adReferendum: string[]
  /** Reservations (special opinions); `provision` is the displayed number, null for the whole document. */
  reservations: { party: string; provision: string | null; text: string | null }[]
  objections: { party: string; text: string | null }[]
  nonParticipating: string[]
  noResponse: string[]
  /** Observers: recorded, never counted. */
  observers: { party: string; position: EffectivePosition; text: string | null }[]
}

export interface MinutesAgendaItem {
  position: number
  title: LocalizedText
  outcome: AgendaOutcome | null
  note: string | null
  document: { title: LocalizedText; reference: string | null } | null
  version: { label: LocalizedText; contentHash: string } | null
  positions: MinutesPositions | null
}

/** Everything the minutes are drafted from. */
export interface MinutesFacts {
  organization: { name: LocalizedText; secretariatName: LocalizedText }
  body: { name: LocalizedText }
  meeting: {
    title: LocalizedText
    startsAt: string
    endsAt: string
    /** IANA time zone the meeting was held in. */
    timezone: string
    place: LocalizedText
    format: 'in_person' | 'videoconference' | 'hybrid'
  }
  /** The organization's parties on the day (members and observers). */
  parties: MinutesParty[]
  participants: MinutesParticipant[]
  agenda: MinutesAgendaItem[]
}

/** The languages minutes are drafted in. */
export const MINUTES_LANGUAGES: readonly Lang[] = ['ru', 'en']

const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : lang === 'tg' ? 'tg' : 'ru')

function parts(iso: string, lang: Lang, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  try {
    return new Intl.DateTimeFormat(locale(lang), { ...options, timeZone }).format(date)
  } catch {
    return new Intl.DateTimeFormat(locale(lang), { ...options, timeZone: 'UTC' }).format(date)
  }
}

/** "21 августа 2020 г." / "21 August 2020", on the wall clock of the zone. */
export function longDate(iso: string, lang: Lang, timeZone: string): string {
  return parts(iso, lang, timeZone, { day: 'numeric', month: 'long', year: 'numeric' })
}

/** "10:00", on the wall clock of the zone. */
export function clockTime(iso: string, lang: Lang, timeZone: string): string {
  return parts(iso, lang, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
}

/** Paragraphs as the editor shows them: separated by an empty line. */
export function paragraphsToText(paragraphs: readonly string[]): string {
  return paragraphs.join('\n\n')
}

/** The editor's text back to paragraphs: split at empty lines, trimmed, empty ones dropped. */
export function textToParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
}

/** The stored form of minutes, which is hashed. */
export function minutesContent(meetingId: string, texts: MinutesTexts): MinutesContent {
  const ordered: MinutesTexts = {}
  for (const lang of ['ru', 'en', 'tg'] as const) if (texts[lang]) ordered[lang] = texts[lang]
  return { format: MINUTES_FORMAT, meetingId, texts: ordered }
}

/** SHA-256 of the canonical JSON of the minutes' content. */
export function minutesHash(content: MinutesContent): string {
  return canonicalHash(content)
}

/** Drafts the minutes in every language of `MINUTES_LANGUAGES`. */
export function draftAllMinutes(
  facts: MinutesFacts,
  languages: readonly Lang[] = MINUTES_LANGUAGES,
): MinutesTexts {
  const out: MinutesTexts = {}
  for (const lang of languages) out[lang] = draftMinutes(facts, lang)
  return out
}

/** Drafts the minutes of a meeting in one language. */
export function draftMinutes(facts: MinutesFacts, lang: Lang): MinutesText {
  const tz = facts.meeting.timezone
  const m = (key: string, params?: Record<string, string | number>) => t(lang, `minutes.draft.${key}`, params)
  const partyOf = new Map(facts.parties.map((p) => [p.code, p]))
  const collator = new Intl.Collator(locale(lang))
  const nameOf = (code: string) => {
    const p = partyOf.get(code)
    const name = p ? pickText(p.name, lang) : ''
    return name && name !== code ? `${name} (${code})` : code
  }
  const names = (codes: readonly string[]) => codes.map(nameOf).join(', ')
  const byName = (a: string, b: string) =>
    collator.compare(pickText(partyOf.get(a)?.name, lang) || a, pickText(partyOf.get(b)?.name, lang) || b) ||
    a.localeCompare(b)

  const sections: MinutesSection[] = []

  // --- Where, when, how ---------------------------------------------------------------------
  const body = pickText(facts.body.name, lang)
  const place = pickText(facts.meeting.place, lang)
  sections.push({
    key: 'opening',
    heading: '',
    paragraphs: [
      m('dateAndPlace', { date: longDate(facts.meeting.startsAt, lang, tz), place }),
      m('held', {
        body,
        format: m(`format.${facts.meeting.format}`),
        start: clockTime(facts.meeting.startsAt, lang, tz),
        end: clockTime(facts.meeting.endsAt, lang, tz),
        timezone: tz,
      }),
    ],
  })

  // --- Присутствовали -------------------------------------------------------------------------
  const recorded = facts.participants.some((p) => p.attendance !== null)
  const attended = (p: MinutesParticipant) =>
    p.attendance === 'present' ||
    p.attendance === 'remote' ||
    (!recorded && p.attendance === null && p.invitation !== 'declined')
  const present = facts.participants.filter(attended)
  const person = (p: MinutesParticipant) =>
    `${p.name} — ${m(`function.${p.function}`)}${p.attendance === 'remote' ? ` ${m('remote')}` : ''}`
  const byParty = new Map<string, MinutesParticipant[]>()
  for (const p of present) {
    const key = p.party ?? ''
    byParty.set(key, [...(byParty.get(key) ?? []), p])
  }
  const attendingCodes = [...byParty.keys()].filter((k) => k !== '')
  const memberCodes = attendingCodes.filter((c) => partyOf.get(c)?.status !== 'observer').sort(byName)
  const observerCodes = attendingCodes.filter((c) => partyOf.get(c)?.status === 'observer').sort(byName)
  const presentParagraphs: string[] = []
  for (const code of memberCodes)
    presentParagraphs.push(
      m('fromParty', { party: nameOf(code), people: byParty.get(code)!.map(person).join('; ') }),
    )
  for (const code of observerCodes)
    presentParagraphs.push(
      m('fromObserver', { party: nameOf(code), people: byParty.get(code)!.map(person).join('; ') }),
    )
  const staff = byParty.get('')
  if (staff?.length)
    presentParagraphs.push(
      m('fromSecretariat', {
        secretariat: pickText(facts.organization.secretariatName, lang),
        people: staff.map(person).join('; '),
      }),
    )
  if (!presentParagraphs.length) presentParagraphs.push(m('nobodyRecorded'))
  else if (!recorded) presentParagraphs.push(m('attendanceNotRecorded'))
  sections.push({ key: 'present', heading: m('present'), paragraphs: presentParagraphs })

  // --- Attendance ------------------------------------------------------------------------------
  const members = facts.parties.filter((p) => p.status === 'member').map((p) => p.code)
  const represented = members.filter((c) => byParty.has(c)).sort(byName)
  const missing = members.filter((c) => !byParty.has(c)).sort(byName)
  const attendance = [
    m('membersRepresented', {
      count: represented.length,
      total: members.length,
      parties: names(represented),
    }),
  ]
  if (missing.length) attendance.push(m('membersMissing', { parties: names(missing) }))
  if (observerCodes.length) attendance.push(m('observersPresent', { parties: names(observerCodes) }))
  sections.push({ key: 'attendance', heading: m('attendance'), paragraphs: attendance })

  // --- Повестка дня ------------------------------------------------------------------------------
  const agenda = [...facts.agenda].sort((a, b) => a.position - b.position)
  sections.push({
    key: 'agenda',
    heading: m('agenda'),
    paragraphs: agenda.length
      ? agenda.map((item, i) => `${i + 1}. ${pickText(item.title, lang)}`)
      : [m('agendaEmpty')],
  })

  // --- Each item: what was considered, the positions, the decision ---------------------------------
  agenda.forEach((item, i) => {
    const paragraphs: string[] = []
    const docTitle = item.document ? pickText(item.document.title, lang) : ''
    const label = item.version ? pickText(item.version.label, lang) : ''
    if (item.document && item.version)
      paragraphs.push(m('considered', { title: docTitle, label, hash: item.version.contentHash }))
    else if (item.document) paragraphs.push(m('consideredDocument', { title: docTitle }))
    const pos = item.positions
    if (pos) {
      if (pos.agreed.length)
        paragraphs.push(m('positions.agreed', { parties: names([...pos.agreed].sort(byName)) }))
      if (pos.adReferendum.length)
        paragraphs.push(m('positions.adReferendum', { parties: names([...pos.adReferendum].sort(byName)) }))
      for (const r of pos.reservations)
        paragraphs.push(
          r.provision === null
            ? m('positions.reservation', { party: nameOf(r.party), text: r.text ?? m('noText') })
            : m('positions.reservationOn', {
                party: nameOf(r.party),
                provision: r.provision,
                text: r.text ?? m('noText'),
              }),
        )
      for (const o of pos.objections)
        paragraphs.push(m('positions.objection', { party: nameOf(o.party), text: o.text ?? m('noText') }))
      if (pos.nonParticipating.length)
        paragraphs.push(
          m('positions.nonParticipating', { parties: names([...pos.nonParticipating].sort(byName)) }),
        )
      if (pos.noResponse.length)
        paragraphs.push(m('positions.noResponse', { parties: names([...pos.noResponse].sort(byName)) }))
      for (const o of pos.observers) {
        if (o.position === 'no_response') continue
        paragraphs.push(
          o.text
            ? m('positions.observerText', {
                party: nameOf(o.party),
                position: m(`position.${o.position}`),
                text: o.text,
              })
            : m('positions.observer', { party: nameOf(o.party), position: m(`position.${o.position}`) }),
        )
      }
    }
    if (item.note?.trim()) paragraphs.push(item.note.trim())
    const subject = item.document
      ? label
        ? m('subject.version', { title: docTitle, label })
        : m('subject.document', { title: docTitle })
      : m('subject.item')
    paragraphs.push(item.outcome ? m(`decision.${item.outcome}`, { subject }) : m('decision.none'))
    sections.push({
      key: `item_${i + 1}`,
      heading: m('itemHeading', { n: i + 1, title: pickText(item.title, lang) }),
      paragraphs,
    })
  })

  // --- Closing --------------------------------------------------------------------------------------
  sections.push({
    key: 'closing',
    heading: '',
    paragraphs: [
      m('closing', { secretariat: pickText(facts.organization.secretariatName, lang) }),
      m('signature'),
    ],
  })

  return { title: titleOf(facts, lang), sections }
}

/**
 * "ПРОТОКОЛ заседания …": when the meeting's title begins with the word for a meeting
 * ("Заседание …" / "Meeting …"), its rest follows; otherwise the body's name does.
 */
function titleOf(facts: MinutesFacts, lang: Lang): string {
  const meeting = pickText(facts.meeting.title, lang).trim()
  const word = t(lang, 'minutes.draft.meetingWord')
  if (meeting.toLowerCase().startsWith(`${word.toLowerCase()} `))
    return t(lang, 'minutes.draft.titleOf', { rest: meeting.slice(word.length + 1) })
  return t(lang, 'minutes.draft.title', { body: pickText(facts.body.name, lang) })
}

/** What the hash of an adoption record covers (docs/api.md, "Minutes and adoption"). */
export interface AdoptionRecordInput {
  dossier: { id: string; reference: string }
  body: { id: string; code: string }
  decision: AdoptionDecision
  /** ISO dates (YYYY-MM-DD). */
  decidedOn: string
  signedOn: string | null
  meetingId: string | null
  texts: { documentId: string; versionId: string; contentHash: string }[]
  /** Party codes. */
  signatories: string[]
  specialOpinions: { party: string; text: LocalizedText }[]
}

/**
 * The adoption record in its hashed form: signatories sorted, special opinions sorted by
 * party, texts in the dossier's order, absent values as null.
 */
export function adoptionRecord(input: AdoptionRecordInput) {
  return {
    format: ADOPTION_FORMAT,
    dossier: { id: input.dossier.id, reference: input.dossier.reference },
    body: { id: input.body.id, code: input.body.code },
    decision: input.decision,
    decidedOn: input.decidedOn,
    signedOn: input.signedOn ?? null,
    meetingId: input.meetingId ?? null,
    texts: input.texts.map((x) => ({
      documentId: x.documentId,
      versionId: x.versionId,
      contentHash: x.contentHash,
    })),
    signatories: [...input.signatories].sort(),
    specialOpinions: [...input.specialOpinions]
      .sort((a, b) => (a.party < b.party ? -1 : a.party > b.party ? 1 : 0))
      .map((o) => ({ party: o.party, text: o.text })),
  }
}

/** SHA-256 of the canonical JSON of the adoption record. */
export function adoptionHash(input: AdoptionRecordInput): string {
  return canonicalHash(adoptionRecord(input))
}
