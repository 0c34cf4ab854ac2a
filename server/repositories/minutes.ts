/**
 * Reading minutes, and gathering the facts they are drafted from: the meeting's record
 * (`meetingFacts`) with, for each agenda item that considered a version, the positions
 * recorded on that version (the consensus engine's summary and the reservations on single
 * provisions).
 */
import type { MinutesContent } from '@core/api/minutes.js'
import type { MinutesFacts, MinutesPositions } from '@core/domain/minutes.js'
import type { LocalizedText } from '@core/i18n/languages.js'
import type { Queryable } from '../context.js'
import type { DossierRow, MeetingRow, MinutesRow } from '../db/types.js'
import type { MinutesSubject } from '../policies/index.js'
import { consensusOf } from './consensus.js'
import { meetingFacts, meetingSubject } from './meetings.js'

export const parseLocalized = (json: string | null | undefined): LocalizedText => {
  if (!json) return {}
  try {
    const v = JSON.parse(json)
    return v && typeof v === 'object' ? (v as LocalizedText) : { ru: String(v) }
  } catch {
    return { ru: json }
  }
}

/** A localized text whether it comes as JSON text or already parsed. */
const asLocalized = (v: string | LocalizedText): LocalizedText =>
  typeof v === 'string' ? parseLocalized(v) : v

/** The minutes of a meeting, if drafted. */
export function findMinutes(db: Queryable, meetingId: string): Promise<MinutesRow | undefined> {
  return db.selectFrom('minutes').selectAll().where('meeting_id', '=', meetingId).executeTakeFirst()
}

/** The stored content of minutes. */
export function contentOf(row: MinutesRow): MinutesContent {
  return JSON.parse(row.content) as MinutesContent
}

/** The policy subject of a meeting's minutes, with the minutes row if any. */
export async function loadMinutesSubject(
  db: Queryable,
  meeting: MeetingRow,
): Promise<{ subject: MinutesSubject; minutes: MinutesRow | undefined }> {
  const [meetingSubj, minutes] = await Promise.all([meetingSubject(db, meeting), findMinutes(db, meeting.id)])
  return {
    minutes,
    subject: {
      type: 'minutes',
      id: meeting.id,
      meeting: meetingSubj,
      exists: !!minutes,
      approved: minutes?.status === 'approved',
    },
  }
}

/**
 * The positions on a version as the minutes record them: members by their position on the
 * document as a whole, the reservations on the document and on single provisions still in
 * force, objections with their reasons, and what observers said (recorded, never counted).
 */
export async function positionsOnVersion(
  db: Queryable,
  dossier: DossierRow,
  versionId: string,
): Promise<MinutesPositions> {
  const [{ outcome, parties }, provisionReservations, provisions] = await Promise.all([
    consensusOf(db, dossier, versionId),
    db
      .selectFrom('position_events')
      .select(['party_id', 'provision_eid', 'text'])
      .where('version_id', '=', versionId)
      .where('kind', '=', 'reservation')
      .where('provision_eid', 'is not', null)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('provisions')
      .select(['eid', 'num', 'ordinal'])
      .where('version_id', '=', versionId)
      .orderBy('ordinal')
      .execute(),
  ])
  const out: MinutesPositions = {
    agreed: [],
    adReferendum: [],
    reservations: [],
    objections: [],
    nonParticipating: [],
    noResponse: [],
    observers: outcome.observers.map((o) => ({ party: o.party, position: o.position, text: o.text })),
  }
  const reservationText = new Map(outcome.reservations.map((r) => [r.party, r.text]))
  const objectionText = new Map(outcome.objections.map((o) => [o.party, o.text]))
  for (const p of parties.filter((x) => x.status === 'member')) {
    const position = outcome.positionOf(p.code, null)
    if (position === 'agree') out.agreed.push(p.code)
    else if (position === 'agree_ad_referendum') out.adReferendum.push(p.code)
    else if (position === 'reservation')
      out.reservations.push({ party: p.code, provision: null, text: reservationText.get(p.code) ?? null })
    else if (position === 'objection')
      out.objections.push({ party: p.code, text: objectionText.get(p.code) ?? null })
    else if (position === 'non_participation') out.nonParticipating.push(p.code)
    else out.noResponse.push(p.code)
  }
  const codeOf = new Map(parties.map((p) => [p.id, p.code]))
  const order = new Map(provisions.map((p) => [p.eid, p]))
  const latest = new Map<string, { party: string; eid: string; text: string | null }>()
  for (const e of provisionReservations) {
    const party = codeOf.get(e.party_id)
    if (!party || !e.provision_eid) continue
    latest.set(`${party} ${e.provision_eid}`, { party, eid: e.provision_eid, text: e.text })
  }
  const members = new Set(parties.filter((p) => p.status === 'member').map((p) => p.code))
  const onProvisions = [...latest.values()]
    .filter(
      (r) => members.has(r.party) && order.has(r.eid) && outcome.positionOf(r.party, r.eid) === 'reservation',
    )
    .sort((a, b) => order.get(a.eid)!.ordinal - order.get(b.eid)!.ordinal)
  for (const r of onProvisions)
    out.reservations.push({ party: r.party, provision: order.get(r.eid)?.num ?? r.eid, text: r.text })
  return out
}

/** Everything the minutes of a meeting are drafted from, read in one transaction or connection. */
export async function minutesFactsOf(db: Queryable, meetingId: string): Promise<MinutesFacts> {
  const facts = await meetingFacts(db, meetingId)
  const { meeting, body } = facts
  const org = await db
    .selectFrom('organizations')
    .select(['name', 'secretariat_name'])
    .where('id', '=', meeting.organization_id)
    .executeTakeFirstOrThrow()
  const dossiers = new Map<string, DossierRow>()
  const agenda: MinutesFacts['agenda'] = []
  for (const item of facts.agenda) {
    let positions: MinutesPositions | null = null
    if (item.dossier_id && item.version_id) {
      let dossier = dossiers.get(item.dossier_id)
      if (!dossier) {
        dossier = await db
          .selectFrom('dossiers')
          .selectAll()
          .where('id', '=', item.dossier_id)
          .executeTakeFirst()
        if (dossier) dossiers.set(dossier.id, dossier)
      }
      if (dossier) positions = await positionsOnVersion(db, dossier, item.version_id)
    }
    agenda.push({
      position: item.position,
      title: parseLocalized(item.title),
      outcome: item.outcome,
      note: item.outcome_note,
      document: item.document
        ? { title: item.document.title, reference: item.dossier?.reference ?? null }
        : null,
      version: item.versionInfo
        ? { label: asLocalized(item.versionInfo.label), contentHash: item.versionInfo.contentHash }
        : null,
      positions,
    })
  }
  // Parties that take part without (any longer) a membership still get their name.
  const parties: MinutesFacts['parties'] = facts.parties.map((p) => ({
    code: p.code,
    name: p.name,
    status: p.status,
  }))
  for (const p of facts.participants)
    if (p.party && !parties.some((x) => x.code === p.party!.code))
      parties.push({ code: p.party.code, name: p.party.name, status: p.party.status ?? 'observer' })
  return {
    organization: { name: parseLocalized(org.name), secretariatName: parseLocalized(org.secretariat_name) },
    body: { name: parseLocalized(body.name) },
    meeting: {
      title: parseLocalized(meeting.title),
      startsAt: meeting.starts_at,
      endsAt: meeting.ends_at,
      timezone: meeting.timezone,
      place: parseLocalized(meeting.place),
      format: meeting.format,
    },
    parties,
    participants: facts.participants.map((p) => ({
      name: p.name,
      party: p.party?.code ?? null,
      function: p.function,
      invitation: p.invitation,
      attendance: p.attendance,
    })),
    agenda,
  }
}
