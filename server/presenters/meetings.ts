/** Meeting rows and facts → API shapes, fields chosen explicitly. */
import type {
  AgendaItemDTO,
  AgendaPositionsDTO,
  MeetingDTO,
  MeetingPartyDTO,
  MeetingSummaryDTO,
  ParticipantDTO,
} from '@core/api/meetings.js'
import type { DocumentOutcome } from '@core/domain/consensus.js'
import { conferenceProvider, type QuorumResult } from '@core/domain/meetings.js'
import type { LocalizedText } from '@core/i18n/languages.js'
import type { CurrentUser } from '../context.js'
import type { BodyRow, MeetingParticipantRow, MeetingRow } from '../db/types.js'
import type { AgendaItemFact, MeetingFacts, MeetingParticipantFact } from '../repositories/meetings.js'

const parse = (json: string): LocalizedText => {
  try {
    return JSON.parse(json)
  } catch {
    return { ru: json }
  }
}

export function presentMeetingSummary(
  m: MeetingRow,
  body: Pick<BodyRow, 'id' | 'code' | 'name'>,
  mine: Pick<MeetingParticipantRow, 'id' | 'function' | 'invitation'> | null,
): MeetingSummaryDTO {
  return {
    id: m.id,
    organizationId: m.organization_id,
    body: { id: body.id, code: body.code, name: parse(body.name) },
    title: parse(m.title),
    startsAt: m.starts_at,
    endsAt: m.ends_at,
    timezone: m.timezone,
    place: parse(m.place),
    format: m.format,
    conference: m.conference_url ? { url: m.conference_url, ...conferenceProvider(m.conference_url) } : null,
    status: m.status,
    sequence: m.sequence,
    myParticipation: mine ? { id: mine.id, function: mine.function, invitation: mine.invitation } : null,
    createdAt: m.created_at,
    updatedAt: m.updated_at,
    version: m.version,
  }
}

export function presentParticipant(p: MeetingParticipantFact, showEmail: boolean): ParticipantDTO {
  return {
    id: p.id,
    userId: p.user_id,
    party: p.party,
    name: p.name,
    email: showEmail ? p.email : null,
    function: p.function,
    invitation: p.invitation,
    respondedAt: p.responded_at,
    attendance: p.attendance,
    version: p.version,
  }
}

/** The engine's outcome as the agenda shows it: each party once, in the list of its position. */
export function presentPositions(o: DocumentOutcome): AgendaPositionsDTO {
  const qualified = new Set([...o.adReferendum, ...o.reservations.map((r) => r.party)])
  return {
    agreed: o.signatories.filter((p) => !qualified.has(p)),
    adReferendum: o.adReferendum,
    reservations: o.reservations,
    objections: o.objections,
    nonParticipating: o.nonParticipating,
    noResponse: o.noResponse,
    observers: o.observers,
    documentAgreed: o.agreed,
    openBrackets: o.openBracketCount,
  }
}

export interface AgendaView {
  /** Whether the user may see the linked dossier (need-to-know); otherwise only the title shows. */
  dossierVisible: boolean
  positions: AgendaPositionsDTO | null
}

export function presentAgendaItem(
  a: AgendaItemFact,
  view: AgendaView,
  names: Map<string, string>,
): AgendaItemDTO {
  return {
    id: a.id,
    position: a.position,
    title: parse(a.title),
    dossier: view.dossierVisible ? a.dossier : null,
    document: view.dossierVisible ? a.document : null,
    documentVersion: view.dossierVisible ? a.versionInfo : null,
    outcome: a.outcome,
    outcomeNote: a.outcome_note,
    outcomeBy: a.outcome_by ? { id: a.outcome_by, displayName: names.get(a.outcome_by) ?? '' } : null,
    outcomeAt: a.outcome_at,
    positions: view.dossierVisible ? view.positions : null,
    version: a.version,
  }
}

export function presentMeeting(
  facts: MeetingFacts,
  user: CurrentUser,
  opts: {
    quorum: QuorumResult
    agenda: Map<string, AgendaView>
    names: Map<string, string>
    showEmails: boolean
  },
): MeetingDTO {
  const mine = facts.participants.find((p) => p.user_id === user.id) ?? null
  const parties: MeetingPartyDTO[] = facts.parties.map((p) => ({
    id: p.id,
    code: p.code,
    name: p.name,
    status: p.status,
  }))
  return {
    ...presentMeetingSummary(facts.meeting, facts.body, mine),
    parties,
    participants: facts.participants.map((p) =>
      presentParticipant(p, opts.showEmails || p.user_id === user.id),
    ),
    agenda: facts.agenda.map((a) =>
      presentAgendaItem(a, opts.agenda.get(a.id) ?? { dossierVisible: false, positions: null }, opts.names),
    ),
    quorum: opts.quorum,
    minutesLink: `/meetings/${facts.meeting.id}/minutes`,
  }
}
