/**
 * A recorded meeting for the minutes and adoption tests: rows written straight into the
 * tables of the frozen meetings migration (20261129T110000), so that these tests depend on
 * the schema only, not on how the meetings API convenes and runs a meeting.
 */
import type { LocalizedText } from '@core/i18n/languages.js'
import type { DbHandle } from '@server/db/index.js'
import type { AgendaItemRow, MeetingParticipantRow, MeetingRow } from '@server/db/types.js'
import { newId } from '@server/ids.js'

export interface FixtureParticipant {
  name: string
  userId?: string | null
  partyId?: string | null
  function: MeetingParticipantRow['function']
  invitation?: MeetingParticipantRow['invitation']
  attendance?: MeetingParticipantRow['attendance']
}

export interface FixtureAgendaItem {
  title: LocalizedText
  dossierId?: string | null
  documentId?: string | null
  versionId?: string | null
  outcome?: AgendaItemRow['outcome']
  note?: string | null
}

export interface FixtureMeeting {
  organizationId: string
  bodyId: string
  title?: LocalizedText
  startsAt?: string
  endsAt?: string
  timezone?: string
  place?: LocalizedText
  format?: MeetingRow['format']
  status?: MeetingRow['status']
  participants?: FixtureParticipant[]
  agenda?: FixtureAgendaItem[]
}

/** Writes a meeting with its participants and agenda; returns the meeting row. */
export async function insertMeeting(handle: DbHandle, m: FixtureMeeting): Promise<MeetingRow> {
  const now = new Date().toISOString()
  const meeting: MeetingRow = {
    id: newId(),
    organization_id: m.organizationId,
    body_id: m.bodyId,
    title: JSON.stringify(
      m.title ?? {
        ru: 'Заседание экспертной группы по международной информационной безопасности',
        en: 'Meeting of the expert group on international information security',
      },
    ),
    starts_at: m.startsAt ?? '2020-08-21T07:00:00.000Z',
    ends_at: m.endsAt ?? '2020-08-21T10:00:00.000Z',
    timezone: m.timezone ?? 'Europe/Minsk',
    place: JSON.stringify(
      m.place ?? { ru: 'Исполнительный комитет СНГ, Минск', en: 'CIS Executive Committee, Minsk' },
    ),
    format: m.format ?? 'videoconference',
    conference_url: null,
    status: m.status ?? 'held',
    uid: `${newId()}@concord.test`,
    sequence: 0,
    created_by: null,
    created_at: now,
    updated_at: now,
    version: 1,
  }
  await handle.db.insertInto('meetings').values(meeting).execute()
  for (const p of m.participants ?? []) {
    await handle.db
      .insertInto('meeting_participants')
      .values({
        id: newId(),
        meeting_id: meeting.id,
        user_id: p.userId ?? null,
        party_id: p.partyId ?? null,
        name: p.name,
        email: null,
        function: p.function,
        invitation: p.invitation ?? 'accepted',
        responded_at: null,
        attendance: p.attendance === undefined ? 'present' : p.attendance,
        version: 1,
      })
      .execute()
  }
  let position = 0
  for (const item of m.agenda ?? []) {
    await handle.db
      .insertInto('agenda_items')
      .values({
        id: newId(),
        meeting_id: meeting.id,
        position: ++position,
        title: JSON.stringify(item.title),
        dossier_id: item.dossierId ?? null,
        document_id: item.documentId ?? null,
        version_id: item.versionId ?? null,
        outcome: item.outcome ?? null,
        outcome_note: item.note ?? null,
        outcome_by: null,
        outcome_at: item.outcome ? now : null,
        version: 1,
      })
      .execute()
  }
  return meeting
}
