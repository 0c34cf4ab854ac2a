/**
 * Meetings of bodies, the pure part: the quorum under a body's rule, the conference
 * provider behind a link (and whether it may be embedded), time zones, and the function a
 * delegate holds at a meeting. Shared by the server and the browser.
 */
import type { Role } from './roles.js'

export const MEETING_FORMATS = ['in_person', 'videoconference', 'hybrid'] as const
export type MeetingFormat = (typeof MEETING_FORMATS)[number]

export const MEETING_STATUSES = ['scheduled', 'held', 'cancelled'] as const
export type MeetingStatus = (typeof MEETING_STATUSES)[number]

export const PARTICIPANT_FUNCTIONS = [
  'plenipotentiary',
  'expert',
  'observer_delegate',
  'secretariat',
] as const
export type ParticipantFunction = (typeof PARTICIPANT_FUNCTIONS)[number]

export const INVITATION_STATES = ['invited', 'accepted', 'declined', 'tentative'] as const
export type InvitationState = (typeof INVITATION_STATES)[number]
/** What a participant may answer. */
export const INVITATION_ANSWERS = ['accepted', 'declined', 'tentative'] as const
export type InvitationAnswer = (typeof INVITATION_ANSWERS)[number]

export const ATTENDANCE_STATES = ['present', 'remote', 'absent'] as const
export type Attendance = (typeof ATTENDANCE_STATES)[number]

export const AGENDA_OUTCOMES = [
  'agreed',
  'agreed_ad_referendum',
  'agreed_with_reservations',
  'returned',
  'postponed',
] as const
export type AgendaOutcome = (typeof AGENDA_OUTCOMES)[number]

// ---------------------------------------------------------------------------------------
// Quorum

/**
 * How many members make a quorum. A body's decision rule may carry `quorum`:
 * `{ num, den }` (at least that fraction of the members), `{ count }` (at least that many),
 * or `'all'`. Without one, a majority of the organization's members (more than half).
 */
export type QuorumBasis =
  | { kind: 'majority' }
  | { kind: 'fraction'; num: number; den: number }
  | { kind: 'count'; count: number }
  | { kind: 'all' }

/** Reads the quorum from a decision rule (any JSON); anything unreadable means the default majority. */
export function quorumBasisOf(rule: unknown): QuorumBasis {
  const q = rule && typeof rule === 'object' ? (rule as { quorum?: unknown }).quorum : undefined
  if (q === 'all') return { kind: 'all' }
  if (q && typeof q === 'object') {
    const { num, den, count } = q as { num?: unknown; den?: unknown; count?: unknown }
    if (
      Number.isInteger(num) &&
      Number.isInteger(den) &&
      (num as number) > 0 &&
      (den as number) > 0 &&
      (num as number) <= (den as number)
    ) {
      return { kind: 'fraction', num: num as number, den: den as number }
    }
    if (Number.isInteger(count) && (count as number) > 0) return { kind: 'count', count: count as number }
  }
  return { kind: 'majority' }
}

/** Members required for a quorum out of `members` (never more than there are, at least one). */
export function quorumRequired(basis: QuorumBasis, members: number): number {
  if (members <= 0) return 0
  switch (basis.kind) {
    case 'all':
      return members
    case 'count':
      return Math.min(basis.count, members)
    case 'fraction':
      return Math.max(1, Math.ceil((members * basis.num) / basis.den))
    default:
      return Math.floor(members / 2) + 1
  }
}

export interface QuorumParty {
  id: string
  code: string
  status: 'member' | 'observer'
}
export interface QuorumParticipant {
  partyId: string | null
  invitation: InvitationState
  attendance: Attendance | null
}

export interface QuorumResult {
  basis: QuorumBasis
  /** Members of the organization on the day. */
  members: number
  required: number
  /** Member party codes with at least one person present or remote. */
  present: string[]
  /** Member party codes with nobody present (absent, or not recorded). */
  missing: string[]
  reached: boolean
  /** Whether the secretariat has recorded anyone's attendance yet. */
  recorded: boolean
  /** Before attendance is recorded: members with at least one accepted invitation. */
  expected: string[]
}

/**
 * The quorum of a meeting: members present (present or remote, at least one person of the
 * party) against the body's quorum. Observers never count, nor do the secretariat's staff.
 */
export function computeQuorum(input: {
  rule: unknown
  parties: readonly QuorumParty[]
  participants: readonly QuorumParticipant[]
}): QuorumResult {
  const basis = quorumBasisOf(input.rule)
  const members = input.parties.filter((p) => p.status === 'member')
  const memberIds = new Set(members.map((p) => p.id))
  const here = new Set<string>()
  const accepted = new Set<string>()
  let recorded = false
  for (const p of input.participants) {
    if (p.attendance) recorded = true
    if (!p.partyId || !memberIds.has(p.partyId)) continue
    if (p.attendance === 'present' || p.attendance === 'remote') here.add(p.partyId)
    if (p.invitation === 'accepted') accepted.add(p.partyId)
  }
  const required = quorumRequired(basis, members.length)
  const present = members.filter((p) => here.has(p.id)).map((p) => p.code)
  return {
    basis,
    members: members.length,
    required,
    present,
    missing: members.filter((p) => !here.has(p.id)).map((p) => p.code),
    reached: members.length > 0 && present.length >= required,
    recorded,
    expected: members.filter((p) => accepted.has(p.id)).map((p) => p.code),
  }
}

// ---------------------------------------------------------------------------------------
// Conference links

export const CONFERENCE_PROVIDERS = ['jitsi', 'zoom', 'webex', 'teams', 'other'] as const
export type ConferenceProvider = (typeof CONFERENCE_PROVIDERS)[number]

/** True for an absolute https URL with a host and no credentials in it. */
export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'https:' && !!url.hostname && !url.username && !url.password
  } catch {
    return false
  }
}

const hostIs = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`)

/**
 * The provider behind a conference link, for its label, and whether the meeting page may
 * embed it: Jitsi Meet allows framing; Zoom, Webex and Teams refuse it (X-Frame-Options /
 * frame-ancestors), so they get a join button.
 */
export function conferenceProvider(value: string): { provider: ConferenceProvider; embeddable: boolean } {
  let host = ''
  try {
    host = new URL(value).hostname.toLowerCase()
  } catch {
    return { provider: 'other', embeddable: false }
  }
  if (hostIs(host, 'jit.si') || host.split('.').includes('jitsi') || host.startsWith('jitsi')) {
    return { provider: 'jitsi', embeddable: true }
  }
  if (hostIs(host, 'zoom.us') || hostIs(host, 'zoomgov.com')) return { provider: 'zoom', embeddable: false }
  if (hostIs(host, 'webex.com')) return { provider: 'webex', embeddable: false }
  if (hostIs(host, 'teams.microsoft.com') || hostIs(host, 'teams.live.com')) {
    return { provider: 'teams', embeddable: false }
  }
  return { provider: 'other', embeddable: false }
}

// ---------------------------------------------------------------------------------------
// Time zones and functions

/** True for a time zone the runtime knows (IANA name, e.g. Europe/Minsk). */
export function isTimeZone(value: string): boolean {
  if (!value || value.length > 64) return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: value })
    return true
  } catch {
    return false
  }
}

/**
 * The function a delegate holds at a meeting, from their roles and their party's status:
 * an observer party's delegates are observer delegates whatever their role.
 */
export function functionOf(
  roles: readonly Role[],
  partyStatus: 'member' | 'observer' | null,
): ParticipantFunction {
  if (partyStatus === null) return 'secretariat'
  if (partyStatus === 'observer' || roles.includes('observer_delegate')) return 'observer_delegate'
  if (roles.includes('head_of_delegation')) return 'plenipotentiary'
  return 'expert'
}
