/** Meeting statuses, outcomes, answers and attendance: each with a colour, a symbol and a word. */
import type { MeetingSummaryDTO } from '@core/api/meetings.js'
import type { AgendaOutcome, Attendance, InvitationState } from '@core/domain/meetings.js'
import { useT } from '../../i18n/language.js'
import { StatusLabel, type Tone } from '../StatusBadges.js'

type Look = { tone: Tone; symbol: string }

export type MeetingState = 'scheduled' | 'inProgress' | 'held' | 'cancelled'

const STATE_LOOK: Record<MeetingState, Look> = {
  scheduled: { tone: 'navy', symbol: '◷' },
  inProgress: { tone: 'green', symbol: '●' },
  held: { tone: 'grey', symbol: '■' },
  cancelled: { tone: 'red', symbol: '✕' },
}

const OUTCOME_LOOK: Record<AgendaOutcome | 'none', Look> = {
  agreed: { tone: 'green', symbol: '✓' },
  agreed_ad_referendum: { tone: 'amber', symbol: '◐' },
  agreed_with_reservations: { tone: 'amber', symbol: '✓' },
  returned: { tone: 'red', symbol: '↶' },
  postponed: { tone: 'grey', symbol: '‖' },
  none: { tone: 'grey', symbol: '○' },
}

const INVITATION_LOOK: Record<InvitationState, Look> = {
  invited: { tone: 'grey', symbol: '?' },
  accepted: { tone: 'green', symbol: '✓' },
  declined: { tone: 'red', symbol: '✕' },
  tentative: { tone: 'amber', symbol: '~' },
}

const ATTENDANCE_LOOK: Record<Attendance | 'none', Look> = {
  present: { tone: 'green', symbol: '●' },
  remote: { tone: 'navy', symbol: '◎' },
  absent: { tone: 'red', symbol: '○' },
  none: { tone: 'grey', symbol: '·' },
}

/** Scheduled, in progress (between its start and end), held or cancelled. */
export function meetingState(m: Pick<MeetingSummaryDTO, 'status' | 'startsAt' | 'endsAt'>, now = Date.now()) {
  if (m.status !== 'scheduled') return m.status
  return now >= Date.parse(m.startsAt) && now < Date.parse(m.endsAt) ? 'inProgress' : 'scheduled'
}

export function MeetingStatusBadge({
  meeting,
}: {
  meeting: Pick<MeetingSummaryDTO, 'status' | 'startsAt' | 'endsAt'>
}) {
  const tr = useT()
  const state = meetingState(meeting)
  const look = STATE_LOOK[state]
  return (
    <StatusLabel
      tone={look.tone}
      symbol={look.symbol}
      word={tr(`meetings.status.${state}`)}
      testId="meeting-status"
    />
  )
}

export function OutcomeBadge({ outcome }: { outcome: AgendaOutcome | null }) {
  const tr = useT()
  const look = OUTCOME_LOOK[outcome ?? 'none']
  return (
    <StatusLabel
      tone={look.tone}
      symbol={look.symbol}
      word={outcome ? tr(`meetings.outcome.${outcome}`) : tr('meetings.outcome.none')}
      testId="agenda-outcome"
    />
  )
}

export function InvitationBadge({ state }: { state: InvitationState }) {
  const tr = useT()
  const look = INVITATION_LOOK[state]
  return <StatusLabel tone={look.tone} symbol={look.symbol} word={tr(`meetings.invitation.${state}`)} />
}

export function AttendanceBadge({ attendance }: { attendance: Attendance | null }) {
  const tr = useT()
  const look = ATTENDANCE_LOOK[attendance ?? 'none']
  return (
    <StatusLabel
      tone={look.tone}
      symbol={look.symbol}
      word={attendance ? tr(`meetings.attendance.${attendance}`) : tr('meetings.attendance.none')}
    />
  )
}
