/**
 * Meetings of bodies and calendars: request schemas (zod, strict) and response shapes,
 * shared by the server and the web app.
 */
import { z } from 'zod'
import type { EffectivePosition } from '../domain/consensus.js'
import {
  AGENDA_OUTCOMES,
  type AgendaOutcome,
  ATTENDANCE_STATES,
  type Attendance,
  type ConferenceProvider,
  INVITATION_ANSWERS,
  type InvitationState,
  MEETING_FORMATS,
  type MeetingFormat,
  type MeetingStatus,
  PARTICIPANT_FUNCTIONS,
  type ParticipantFunction,
  type QuorumBasis,
} from '../domain/meetings.js'
import type { LocalizedText } from '../i18n/languages.js'
import { localizedTextSchema } from './requests.js'

const id = z.string().min(1).max(64)
const isoWithOffset = z.iso.datetime({ offset: true })
const partyCode = z.string().regex(/^[A-Z]{3}$/)
/** A title or place: at least one language. */
const nonEmptyText = localizedTextSchema.refine((v) => Object.keys(v).length > 0, {
  message: 'at least one language',
})

export const agendaItemInput = z
  .object({
    /** Defaults to the document's (else the dossier's) title. */
    title: localizedTextSchema.optional(),
    dossierId: id.nullable().optional(),
    documentId: id.nullable().optional(),
    /** A version of the document; defaults to its latest circulated version. */
    versionId: id.nullable().optional(),
  })
  .strict()
export type AgendaItemInput = z.infer<typeof agendaItemInput>

export const createMeetingRequest = z
  .object({
    organizationId: id,
    bodyId: id,
    title: nonEmptyText,
    startsAt: isoWithOffset,
    endsAt: isoWithOffset,
    /** IANA zone the meeting is held in, e.g. Europe/Minsk. */
    timezone: z.string().min(1).max(64),
    place: localizedTextSchema.default({}),
    format: z.enum(MEETING_FORMATS),
    /** https link of any provider (Jitsi, Zoom, Webex, Teams...). */
    conferenceUrl: z.string().trim().max(2000).nullable().optional(),
    agenda: z.array(agendaItemInput).max(50).optional(),
    /** Party codes whose whole delegation is invited (every user of the party). */
    delegations: z.array(partyCode).max(200).optional(),
    /** Invite the secretariat's editors and administrators of the organization too. */
    inviteSecretariat: z.boolean().optional(),
  })
  .strict()
export type CreateMeetingRequest = z.infer<typeof createMeetingRequest>

export const updateMeetingRequest = z
  .object({
    version: z.number().int().positive().optional(),
    title: nonEmptyText.optional(),
    bodyId: id.optional(),
    startsAt: isoWithOffset.optional(),
    endsAt: isoWithOffset.optional(),
    timezone: z.string().min(1).max(64).optional(),
    place: localizedTextSchema.optional(),
    format: z.enum(MEETING_FORMATS).optional(),
    conferenceUrl: z.string().trim().max(2000).nullable().optional(),
    /** Mark the meeting as held (or back to scheduled). Cancelling has its own action. */
    status: z.enum(['scheduled', 'held']).optional(),
  })
  .strict()
export type UpdateMeetingRequest = z.infer<typeof updateMeetingRequest>

export const cancelMeetingRequest = z
  .object({ version: z.number().int().positive().optional(), note: z.string().max(2000).optional() })
  .strict()

/**
 * Adds participants: a whole delegation (`party`: every active user of that party, with the
 * function their roles give, or `function` for all), one user (`userId`), or a person
 * without an account (`name`, `email`, optional `party`).
 */
export const addParticipantsRequest = z
  .object({
    party: partyCode.optional(),
    userId: id.optional(),
    name: z.string().trim().min(1).max(200).optional(),
    email: z.string().trim().toLowerCase().email().max(320).optional(),
    function: z.enum(PARTICIPANT_FUNCTIONS).optional(),
  })
  .strict()
  .refine((v) => [v.party && !v.name, v.userId, v.name].filter(Boolean).length === 1, {
    message: 'give exactly one of party, userId or name',
    path: ['party'],
  })
export type AddParticipantsRequest = z.infer<typeof addParticipantsRequest>

export const updateParticipantRequest = z
  .object({
    version: z.number().int().positive().optional(),
    attendance: z.enum(ATTENDANCE_STATES).nullable().optional(),
    function: z.enum(PARTICIPANT_FUNCTIONS).optional(),
  })
  .strict()
export type UpdateParticipantRequest = z.infer<typeof updateParticipantRequest>

/** The signed-in participant's own answer to the invitation. */
export const respondRequest = z.object({ answer: z.enum(INVITATION_ANSWERS) }).strict()

export const updateAgendaItemRequest = agendaItemInput
  .extend({ version: z.number().int().positive().optional() })
  .strict()
export type UpdateAgendaItemRequest = z.infer<typeof updateAgendaItemRequest>

export const reorderAgendaRequest = z.object({ itemIds: z.array(id).min(1).max(200) }).strict()

export const outcomeRequest = z
  .object({
    version: z.number().int().positive().optional(),
    /** Null clears a mistaken outcome. */
    outcome: z.enum(AGENDA_OUTCOMES).nullable(),
    note: z.string().trim().max(5000).nullable().optional(),
  })
  .strict()
export type OutcomeRequest = z.infer<typeof outcomeRequest>

export const meetingListQuery = z
  .object({
    /** Meetings ending at or after this instant. */
    from: isoWithOffset.optional(),
    /** Meetings starting before this instant. */
    to: isoWithOffset.optional(),
    lang: z.enum(['ru', 'en']).optional(),
  })
  .strict()

export const icsQuery = z.object({ lang: z.enum(['ru', 'en']).optional() }).strict()

// ---------------------------------------------------------------------------------------
// Responses

export interface MeetingPartyDTO {
  id: string
  code: string
  name: LocalizedText
  status: 'member' | 'observer' | null
}

export interface ConferenceDTO {
  url: string
  provider: ConferenceProvider
  /** Whether the page may embed it in a frame (Jitsi); others get a join button. */
  embeddable: boolean
}

export interface MeetingSummaryDTO {
  id: string
  organizationId: string
  body: { id: string; code: string; name: LocalizedText }
  title: LocalizedText
  startsAt: string
  endsAt: string
  timezone: string
  place: LocalizedText
  format: MeetingFormat
  conference: ConferenceDTO | null
  status: MeetingStatus
  /** iCalendar SEQUENCE of the last invitation or update sent. */
  sequence: number
  /** The signed-in user's own invitation, if invited in person. */
  myParticipation: { id: string; function: ParticipantFunction; invitation: InvitationState } | null
  createdAt: string
  updatedAt: string
  version: number
}

export interface ParticipantDTO {
  id: string
  userId: string | null
  party: MeetingPartyDTO | null
  name: string
  /** Shown to the secretariat only. */
  email: string | null
  function: ParticipantFunction
  invitation: InvitationState
  respondedAt: string | null
  attendance: Attendance | null
  version: number
}

/** What the parties said on the version an agenda item links (from the consensus engine). */
export interface AgendaPositionsDTO {
  /** Agreed without qualification. */
  agreed: string[]
  adReferendum: string[]
  reservations: { party: string; text: string | null }[]
  objections: { party: string; text: string | null }[]
  nonParticipating: string[]
  noResponse: string[]
  observers: { party: string; position: EffectivePosition; text: string | null }[]
  /** The engine finds the text agreed at expert level. */
  documentAgreed: boolean
  openBrackets: number
}

export interface AgendaItemDTO {
  id: string
  position: number
  title: LocalizedText
  dossier: { id: string; reference: string; title: LocalizedText } | null
  document: { id: string; title: LocalizedText; kind: string } | null
  documentVersion: { id: string; label: LocalizedText; seq: number; contentHash: string } | null
  outcome: AgendaOutcome | null
  outcomeNote: string | null
  outcomeBy: { id: string; displayName: string } | null
  outcomeAt: string | null
  /** Positions recorded on the linked version (null without one, or when not visible). */
  positions: AgendaPositionsDTO | null
  version: number
}

export interface QuorumDTO {
  basis: QuorumBasis
  members: number
  required: number
  present: string[]
  missing: string[]
  reached: boolean
  recorded: boolean
  expected: string[]
}

export interface MeetingDTO extends MeetingSummaryDTO {
  /** The organization's parties on the meeting's day (to invite whole delegations). */
  parties: MeetingPartyDTO[]
  participants: ParticipantDTO[]
  agenda: AgendaItemDTO[]
  quorum: QuorumDTO
  /** Link to the minutes page (built by the minutes feature). */
  minutesLink: string
}

export interface CalendarFeedDTO {
  /** The personal feed URL (contains the secret token), or null when none was created. */
  url: string | null
}

export type { AgendaOutcome, Attendance, InvitationState, MeetingFormat, MeetingStatus, ParticipantFunction }
