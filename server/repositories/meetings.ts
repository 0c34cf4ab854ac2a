/**
 * Reading meetings of bodies: the meeting, its body, participants, agenda and outcomes.
 * `meetingFacts` is the one read the minutes are drafted from.
 */
import type { LocalizedText } from '@core/i18n/languages.js'
import type { CurrentUser, Queryable } from '../context.js'
import type { AgendaItemRow, BodyRow, MeetingParticipantRow, MeetingRow } from '../db/types.js'
import { AppError } from '../errors.js'
import { isId } from '../ids.js'
import type { MeetingSubject } from '../policies/index.js'

/** A participant with their party (null for the secretariat's staff). */
export interface MeetingParticipantFact extends MeetingParticipantRow {
  party: { id: string; code: string; name: LocalizedText; status: 'member' | 'observer' | null } | null
}

/** An agenda item with what it links to, by id and by name. */
export interface AgendaItemFact extends AgendaItemRow {
  dossier: { id: string; reference: string; title: LocalizedText } | null
  document: { id: string; title: LocalizedText; kind: string } | null
  versionInfo: { id: string; label: LocalizedText; seq: number; contentHash: string } | null
}

/** A party of the organization, as the quorum counts it. */
export interface OrganizationPartyFact {
  id: string
  code: string
  name: LocalizedText
  status: 'member' | 'observer'
}

/** Everything recorded about a meeting: what the meeting page shows and the minutes are drafted from. */
export interface MeetingFacts {
  meeting: MeetingRow
  body: BodyRow
  /** The organization's parties (members and observers) as of the meeting's date. */
  parties: OrganizationPartyFact[]
  /** Ordered by party code (secretariat last), then name. */
  participants: MeetingParticipantFact[]
  /** Ordered by position. */
  agenda: AgendaItemFact[]
}

const parse = (json: string | null | undefined): LocalizedText => {
  if (!json) return {}
  try {
    const v = JSON.parse(json)
    return v && typeof v === 'object' ? v : { ru: String(v) }
  } catch {
    return { ru: json }
  }
}

/** 404 for a meeting that does not exist or is outside the user's need-to-know. */
export const meetingNotFound = () => new AppError(404, 'meeting_not_found')

/** The meeting row, or 404 `meeting_not_found`. */
export async function findMeeting(db: Queryable, id: string): Promise<MeetingRow> {
  if (!isId(id)) throw meetingNotFound()
  const row = await db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw meetingNotFound()
  return row
}

/** Memberships in force on a day (YYYY-MM-DD): `since` on or before it, `until` not before it. */
export async function partiesOnDate(
  db: Queryable,
  organizationId: string,
  day: string,
): Promise<OrganizationPartyFact[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('parties', 'parties.id', 'memberships.party_id')
    .select([
      'parties.id',
      'parties.code',
      'parties.name',
      'memberships.status',
      'memberships.since',
      'memberships.until',
    ])
    .where('memberships.organization_id', '=', organizationId)
    .orderBy('parties.code')
    .execute()
  return rows
    .filter((r) => (!r.since || r.since.slice(0, 10) <= day) && (!r.until || r.until.slice(0, 10) >= day))
    .map((r) => ({ id: r.id, code: r.code, name: parse(r.name), status: r.status }))
}

/** Participants of meetings, with their party. */
export async function participantsOfMeetings(
  db: Queryable,
  meetingIds: string[],
  organizationId: string,
): Promise<MeetingParticipantFact[]> {
  if (meetingIds.length === 0) return []
  const rows = await db
    .selectFrom('meeting_participants')
    .leftJoin('parties', 'parties.id', 'meeting_participants.party_id')
    .leftJoin('memberships', (j) =>
      j
        .onRef('memberships.party_id', '=', 'meeting_participants.party_id')
        .on('memberships.organization_id', '=', organizationId),
    )
    .selectAll('meeting_participants')
    .select([
      'parties.code as party_code',
      'parties.name as party_name',
      'memberships.status as membership_status',
    ])
    .where('meeting_participants.meeting_id', 'in', meetingIds)
    .execute()
  const out = rows.map(({ party_code, party_name, membership_status, ...p }) => ({
    ...p,
    party:
      p.party_id && party_code
        ? {
            id: p.party_id,
            code: party_code,
            name: parse(party_name),
            status: (membership_status ?? null) as 'member' | 'observer' | null,
          }
        : null,
  }))
  // Parties by code, the secretariat's staff last; within a party, heads before experts.
  const fnOrder = { plenipotentiary: 0, expert: 1, observer_delegate: 2, secretariat: 3 }
  out.sort(
    (a, b) =>
      (a.party?.code ?? '\uffff').localeCompare(b.party?.code ?? '\uffff') ||
      fnOrder[a.function] - fnOrder[b.function] ||
      a.name.localeCompare(b.name) ||
      a.id.localeCompare(b.id),
  )
  return out
}

/** Agenda items of a meeting in order, with the dossier, document and version they link. */
export async function agendaOf(db: Queryable, meetingId: string): Promise<AgendaItemFact[]> {
  const rows = await db
    .selectFrom('agenda_items')
    .leftJoin('dossiers', 'dossiers.id', 'agenda_items.dossier_id')
    .leftJoin('documents', 'documents.id', 'agenda_items.document_id')
    .leftJoin('versions', 'versions.id', 'agenda_items.version_id')
    .selectAll('agenda_items')
    .select([
      'dossiers.reference as dossier_reference',
      'dossiers.title as dossier_title',
      'documents.title as document_title',
      'documents.kind as document_kind',
      'versions.label as version_label',
      'versions.seq as version_seq',
      'versions.content_hash as version_hash',
    ])
    .where('agenda_items.meeting_id', '=', meetingId)
    .orderBy('agenda_items.position')
    .orderBy('agenda_items.id')
    .execute()
  return rows.map(
    ({
      dossier_reference,
      dossier_title,
      document_title,
      document_kind,
      version_label,
      version_seq,
      version_hash,
      ...item
    }) => ({
      ...item,
      dossier: item.dossier_id
        ? { id: item.dossier_id, reference: dossier_reference ?? '', title: parse(dossier_title) }
        : null,
      document: item.document_id
        ? { id: item.document_id, title: parse(document_title), kind: document_kind ?? 'other' }
        : null,
      versionInfo: item.version_id
        ? {
            id: item.version_id,
            label: parse(version_label),
            seq: Number(version_seq ?? 0),
            contentHash: version_hash ?? '',
          }
        : null,
    }),
  )
}

/**
 * Everything recorded about a meeting: the row, its body, the organization's parties on the
 * meeting's day, the participants (party code/name, function, invitation answer, attendance)
 * and the agenda items with their outcomes and linked dossier/document/version.
 * Throws 404 `meeting_not_found`. Does not check access: callers authorize first.
 */
export async function meetingFacts(db: Queryable, meetingId: string): Promise<MeetingFacts> {
  const meeting = await findMeeting(db, meetingId)
  const [body, parties, participants, agenda] = await Promise.all([
    db.selectFrom('bodies').selectAll().where('id', '=', meeting.body_id).executeTakeFirstOrThrow(),
    partiesOnDate(db, meeting.organization_id, meeting.starts_at.slice(0, 10)),
    participantsOfMeetings(db, [meeting.id], meeting.organization_id),
    agendaOf(db, meeting.id),
  ])
  return { meeting, body, parties, participants, agenda }
}

/** What the meeting policies need: the organization, and who takes part (parties and users). */
export async function meetingSubject(db: Queryable, meeting: MeetingRow): Promise<MeetingSubject> {
  const rows = await db
    .selectFrom('meeting_participants')
    .select(['party_id', 'user_id'])
    .where('meeting_id', '=', meeting.id)
    .execute()
  return subjectOf(meeting, rows)
}

/** Builds the policy subject from the meeting and its participants' party and user ids. */
export function subjectOf(
  meeting: MeetingRow,
  participants: { party_id: string | null; user_id: string | null }[],
): MeetingSubject {
  return {
    type: 'meeting',
    id: meeting.id,
    organizationId: meeting.organization_id,
    status: meeting.status,
    partyIds: new Set(participants.flatMap((p) => (p.party_id ? [p.party_id] : []))),
    userIds: new Set(participants.flatMap((p) => (p.user_id ? [p.user_id] : []))),
  }
}

/**
 * Meetings the user takes part in or (secretariat) convenes, need-to-know, filtered in SQL;
 * callers still check each against `can()`.
 */
export async function visibleMeetings(
  db: Queryable,
  user: CurrentUser,
  opts: { from?: string | undefined; to?: string | undefined; limit?: number } = {},
): Promise<MeetingRow[]> {
  let q = db.selectFrom('meetings').selectAll('meetings')
  if (user.secretariatOrgId) {
    q = q.where('meetings.organization_id', '=', user.secretariatOrgId)
  } else {
    const partyId = user.partyId
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('meeting_participants')
          .select('meeting_participants.id')
          .whereRef('meeting_participants.meeting_id', '=', 'meetings.id')
          .where((w) =>
            partyId
              ? w.or([
                  w('meeting_participants.party_id', '=', partyId),
                  w('meeting_participants.user_id', '=', user.id),
                ])
              : w('meeting_participants.user_id', '=', user.id),
          ),
      ),
    )
  }
  if (opts.from) q = q.where('meetings.ends_at', '>=', opts.from)
  if (opts.to) q = q.where('meetings.starts_at', '<', opts.to)
  return q
    .orderBy('meetings.starts_at')
    .orderBy('meetings.id')
    .limit(opts.limit ?? 500)
    .execute()
}

/** Meetings whose agenda links a dossier. */
export async function meetingsOfDossier(db: Queryable, dossierId: string): Promise<MeetingRow[]> {
  return db
    .selectFrom('meetings')
    .selectAll('meetings')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('agenda_items')
          .select('agenda_items.id')
          .whereRef('agenda_items.meeting_id', '=', 'meetings.id')
          .where('agenda_items.dossier_id', '=', dossierId),
      ),
    )
    .orderBy('meetings.starts_at')
    .execute()
}

/** Meetings a user takes part in personally (their own participant row): the calendar feed. */
export async function meetingsOfUser(db: Queryable, userId: string): Promise<MeetingRow[]> {
  return db
    .selectFrom('meetings')
    .selectAll('meetings')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('meeting_participants')
          .select('meeting_participants.id')
          .whereRef('meeting_participants.meeting_id', '=', 'meetings.id')
          .where('meeting_participants.user_id', '=', userId),
      ),
    )
    .orderBy('meetings.starts_at')
    .limit(1000)
    .execute()
}

export type { AgendaItemRow, MeetingParticipantRow, MeetingRow }
