/**
 * Status labels: every status has a colour, a symbol and a word (never colour alone).
 * Own styles rather than Mantine's translucent badges, so contrast holds on any row colour.
 */
import type { ContributionStatus, Decision, RoundState } from '@core/api/contributions.js'
import type { MembershipStatus, VersionStatus } from '@core/domain/roles.js'
import { useT } from '../i18n/language.js'

export type Tone = 'green' | 'amber' | 'navy' | 'grey' | 'red'

const VERSION_LOOK: Record<VersionStatus, { tone: Tone; symbol: string }> = {
  draft: { tone: 'amber', symbol: '✎' },
  published: { tone: 'green', symbol: '✓' },
}

const MEMBERSHIP_LOOK: Record<MembershipStatus, { tone: Tone; symbol: string }> = {
  member: { tone: 'navy', symbol: '●' },
  observer: { tone: 'grey', symbol: '○' },
}

const ROUND_LOOK: Record<RoundState, { tone: Tone; symbol: string }> = {
  scheduled: { tone: 'amber', symbol: '◷' },
  open: { tone: 'green', symbol: '●' },
  closed: { tone: 'grey', symbol: '■' },
}

const CONTRIBUTION_LOOK: Record<ContributionStatus, { tone: Tone; symbol: string }> = {
  draft: { tone: 'amber', symbol: '✎' },
  submitted: { tone: 'navy', symbol: '➔' },
  withdrawn: { tone: 'grey', symbol: '↶' },
}

const DECISION_LOOK: Record<Decision | 'undecided', { tone: Tone; symbol: string }> = {
  accepted: { tone: 'green', symbol: '✓' },
  accepted_in_part: { tone: 'green', symbol: '◐' },
  not_accepted: { tone: 'red', symbol: '✕' },
  withdrawn: { tone: 'grey', symbol: '↶' },
  merged: { tone: 'navy', symbol: '⇢' },
  undecided: { tone: 'grey', symbol: '○' },
}

export function StatusLabel({
  tone,
  symbol,
  word,
  testId,
}: {
  tone: Tone
  symbol: string
  word: string
  testId?: string | undefined
}) {
  return (
    <span className="status" data-tone={tone} data-testid={testId}>
      <span className="status__symbol" aria-hidden="true">
        {symbol}
      </span>
      {word}
    </span>
  )
}

/** A circulated version; once frozen as agreed, that is what it says. */
export function VersionStatusBadge({ status, frozen = false }: { status: VersionStatus; frozen?: boolean }) {
  const tr = useT()
  if (frozen) return <StatusLabel tone="navy" symbol="◆" word={tr('versionStatus.frozen')} />
  const look = VERSION_LOOK[status] ?? VERSION_LOOK.draft
  return <StatusLabel tone={look.tone} symbol={look.symbol} word={tr(`versionStatus.${status}`)} />
}

export function MembershipBadge({ status }: { status: MembershipStatus }) {
  const tr = useT()
  const look = MEMBERSHIP_LOOK[status] ?? MEMBERSHIP_LOOK.member
  return <StatusLabel tone={look.tone} symbol={look.symbol} word={tr(`membership.${status}`)} />
}

export function RoundStateBadge({ state }: { state: RoundState }) {
  const tr = useT()
  const look = ROUND_LOOK[state] ?? ROUND_LOOK.closed
  return (
    <StatusLabel
      tone={look.tone}
      symbol={look.symbol}
      word={tr(`roundState.${state}`)}
      testId="round-state"
    />
  )
}

export function ContributionStatusBadge({ status }: { status: ContributionStatus }) {
  const tr = useT()
  const look = CONTRIBUTION_LOOK[status] ?? CONTRIBUTION_LOOK.draft
  return (
    <StatusLabel
      tone={look.tone}
      symbol={look.symbol}
      word={tr(`contributionStatus.${status}`)}
      testId="contribution-status"
    />
  )
}

export function DecisionBadge({ decision }: { decision: Decision | null }) {
  const tr = useT()
  const key = decision ?? 'undecided'
  const look = DECISION_LOOK[key] ?? DECISION_LOOK.undecided
  return <StatusLabel tone={look.tone} symbol={look.symbol} word={tr(`decision.${key}`)} testId="decision" />
}
