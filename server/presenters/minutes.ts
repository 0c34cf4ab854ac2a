/**
 * Rows → API shapes for the minutes of a meeting and for the decisions of councils
 * (adoptions), fields chosen explicitly.
 */
import type {
  AdoptionDTO,
  MinutesContent,
  MinutesDTO,
  MinutesMeetingDTO,
  MinutesPageDTO,
} from '@core/api/minutes.js'
import { LANGUAGES } from '@core/i18n/languages.js'
import type { AdoptionRow, BodyRow, MeetingRow, MinutesRow } from '../db/types.js'
import type { AdoptionRelations, StoredText } from '../repositories/adoptions.js'
import { parseLocalized } from '../repositories/minutes.js'

export function presentMinutesMeeting(
  meeting: MeetingRow,
  body: Pick<BodyRow, 'id' | 'code' | 'name'>,
): MinutesMeetingDTO {
  return {
    id: meeting.id,
    title: parseLocalized(meeting.title),
    body: { id: body.id, code: body.code, name: parseLocalized(body.name) },
    startsAt: meeting.starts_at,
    endsAt: meeting.ends_at,
    timezone: meeting.timezone,
    place: parseLocalized(meeting.place),
    format: meeting.format,
    status: meeting.status,
  }
}

export function presentMinutes(row: MinutesRow, names: Map<string, string>): MinutesDTO {
  const content = JSON.parse(row.content) as MinutesContent
  const user = (id: string | null) => (id ? { id, displayName: names.get(id) ?? '' } : null)
  return {
    id: row.id,
    meetingId: row.meeting_id,
    status: row.status,
    languages: LANGUAGES.filter((l) => !!content.texts[l]),
    texts: content.texts,
    contentHash: row.content_hash,
    draftedAt: row.drafted_at,
    updatedAt: row.updated_at,
    updatedBy: user(row.updated_by),
    approvedAt: row.approved_at,
    approvedBy: user(row.approved_by),
    version: row.version,
  }
}

export function presentMinutesPage(
  meeting: MeetingRow,
  body: Pick<BodyRow, 'id' | 'code' | 'name'>,
  minutes: MinutesRow | undefined,
  names: Map<string, string>,
): MinutesPageDTO {
  return {
    meeting: presentMinutesMeeting(meeting, body),
    minutes: minutes ? presentMinutes(minutes, names) : null,
  }
}

export function presentAdoption(row: AdoptionRow, reference: string, rel: AdoptionRelations): AdoptionDTO {
  const body = rel.bodies.get(row.body_id)
  const meeting = row.meeting_id ? rel.meetings.get(row.meeting_id) : undefined
  const party = (code: string) => ({ code, name: parseLocalized(rel.parties.get(code)?.name) })
  const user = (id: string | null) => (id ? { id, displayName: rel.users.get(id) ?? '' } : null)
  const texts = JSON.parse(row.texts) as StoredText[]
  return {
    id: row.id,
    dossierId: row.dossier_id,
    reference,
    body: {
      id: row.body_id,
      code: body?.code ?? '',
      kind: body?.kind ?? '',
      name: parseLocalized(body?.name),
    },
    meeting: meeting
      ? {
          id: meeting.id,
          title: parseLocalized(meeting.title),
          startsAt: meeting.starts_at,
          timezone: meeting.timezone,
        }
      : null,
    decision: row.decision,
    decidedOn: row.decided_on,
    signedOn: row.signed_on,
    signatories: (JSON.parse(row.signatories) as string[]).map(party),
    texts: texts.map((x) => {
      const doc = rel.documents.get(x.documentId)
      const version = rel.versions.get(x.versionId)
      return {
        documentId: x.documentId,
        versionId: x.versionId,
        kind: doc?.kind ?? 'other',
        title: parseLocalized(doc?.title),
        label: parseLocalized(version?.label),
        contentHash: x.contentHash,
        frozenAt: version?.frozen_at ?? null,
      }
    }),
    specialOpinions: rel.opinions
      .filter((o) => o.adoption_id === row.id)
      .map((o) => ({
        id: o.id,
        party: party(o.code),
        text: parseLocalized(o.text),
        createdAt: o.created_at,
        createdBy: user(o.created_by),
      })),
    contentHash: row.content_hash,
    recordedBy: user(row.recorded_by),
    createdAt: row.created_at,
    version: row.version,
  }
}
