/** Status labels: every status has a colour, a symbol and a word (never colour alone). */
import type { MembershipStatus, VersionStatus } from '@core/domain/roles.js'
import { Badge } from '@mantine/core'
import { useT } from '../i18n/language.js'

const VERSION_LOOK: Record<VersionStatus, { color: string; symbol: string }> = {
  draft: { color: 'orange', symbol: '✎' },
  published: { color: 'teal', symbol: '✓' },
}

const MEMBERSHIP_LOOK: Record<MembershipStatus, { color: string; symbol: string }> = {
  member: { color: 'navy', symbol: '●' },
  observer: { color: 'gray', symbol: '○' },
}

function StatusSymbol({ children }: { children: string }) {
  return (
    <span aria-hidden="true" style={{ marginInlineEnd: '0.35em' }}>
      {children}
    </span>
  )
}

export function VersionStatusBadge({ status }: { status: VersionStatus }) {
  const tr = useT()
  const look = VERSION_LOOK[status] ?? VERSION_LOOK.draft
  return (
    <Badge color={look.color} variant="light" radius="sm" tt="none" size="md" fw={600}>
      <StatusSymbol>{look.symbol}</StatusSymbol>
      {tr(`versionStatus.${status}`)}
    </Badge>
  )
}

export function MembershipBadge({ status }: { status: MembershipStatus }) {
  const tr = useT()
  const look = MEMBERSHIP_LOOK[status] ?? MEMBERSHIP_LOOK.member
  return (
    <Badge
      color={look.color}
      variant={status === 'member' ? 'light' : 'outline'}
      radius="sm"
      tt="none"
      fw={600}
    >
      <StatusSymbol>{look.symbol}</StatusSymbol>
      {tr(`membership.${status}`)}
    </Badge>
  )
}
