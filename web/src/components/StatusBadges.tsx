/**
 * Status labels: every status has a colour, a symbol and a word (never colour alone).
 * Own styles rather than Mantine's translucent badges, so contrast holds on any row colour.
 */
import type { MembershipStatus, VersionStatus } from '@core/domain/roles.js'
import { useT } from '../i18n/language.js'

type Tone = 'green' | 'amber' | 'navy' | 'grey'

const VERSION_LOOK: Record<VersionStatus, { tone: Tone; symbol: string }> = {
  draft: { tone: 'amber', symbol: '✎' },
  published: { tone: 'green', symbol: '✓' },
}

const MEMBERSHIP_LOOK: Record<MembershipStatus, { tone: Tone; symbol: string }> = {
  member: { tone: 'navy', symbol: '●' },
  observer: { tone: 'grey', symbol: '○' },
}

function StatusLabel({ tone, symbol, word }: { tone: Tone; symbol: string; word: string }) {
  return (
    <span className="status" data-tone={tone}>
      <span className="status__symbol" aria-hidden="true">
        {symbol}
      </span>
      {word}
    </span>
  )
}

export function VersionStatusBadge({ status }: { status: VersionStatus }) {
  const tr = useT()
  const look = VERSION_LOOK[status] ?? VERSION_LOOK.draft
  return <StatusLabel tone={look.tone} symbol={look.symbol} word={tr(`versionStatus.${status}`)} />
}

export function MembershipBadge({ status }: { status: MembershipStatus }) {
  const tr = useT()
  const look = MEMBERSHIP_LOOK[status] ?? MEMBERSHIP_LOOK.member
  return <StatusLabel tone={look.tone} symbol={look.symbol} word={tr(`membership.${status}`)} />
}
