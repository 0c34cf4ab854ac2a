/**
 * The round at the top of the document: its state (colour, symbol, word), the deadline in
 * the round's time zone and in the reader's own, what has come in so far, and the way to
 * the consolidated table. The secretariat may extend or reopen it from here.
 */
import type { RoundDTO } from '@core/api/contributions.js'
import type { Policies } from '@core/api/types.js'
import { pickText } from '@core/i18n/languages.js'
import { Anchor, Button, Group, Stack, Text } from '@mantine/core'
import { Link } from 'react-router'
import { useLanguage, useT } from '../../i18n/language.js'
import { formatDate } from '../../lib/format.js'
import { momentInZone } from '../../lib/negotiation.js'
import { formatInZone, userTimeZone } from '../../lib/time.js'
import { RoundStateBadge } from '../StatusBadges.js'

interface RoundBannerProps {
  round: RoundDTO
  policies: Policies
  onEdit?: (() => void) | undefined
}

export function RoundBanner({ round, policies, onEdit }: RoundBannerProps) {
  const tr = useT()
  const { lang } = useLanguage()
  const mine = userTimeZone()
  const showMine = mine !== round.timezone
  const deadlineKey =
    round.state === 'open'
      ? 'ui.round.until'
      : round.state === 'scheduled'
        ? 'ui.round.scheduled'
        : 'ui.round.closedOn'
  return (
    <section
      className="round-banner no-print"
      data-state={round.state}
      aria-labelledby="round-heading"
      data-testid="round-banner"
    >
      <Stack gap={6}>
        <Group gap="sm" wrap="wrap" align="center">
          <RoundStateBadge state={round.state} />
          <Text component="h2" id="round-heading" fw={700} size="lg">
            {tr('ui.round.heading', { version: pickText(round.versionLabel, lang) })}
          </Text>
        </Group>
        <Text data-testid="round-deadline">
          {tr(deadlineKey, {
            opens: momentInZone(round.opensAt, round.timezone, lang, tr),
            closes: momentInZone(round.closesAt, round.timezone, lang, tr),
          })}
        </Text>
        {showMine && (
          <Text size="sm" c="dimmed" data-testid="round-deadline-local">
            {tr('ui.round.yourTime', { zone: mine, closes: formatInZone(round.closesAt, mine, lang) })}
          </Text>
        )}
        <Text size="sm">
          {tr('ui.round.counts', {
            contributions: round.counts.contributions,
            parties: round.counts.parties,
            disposed: round.counts.disposed,
          })}
          {round.dispositionsPublishedAt &&
            ` · ${tr('ui.round.published', { date: formatDate(round.dispositionsPublishedAt, lang) })}`}
        </Text>
        <Group gap="md" wrap="wrap" mt={4}>
          <Anchor component={Link} to={`/rounds/${round.id}/table`} fw={600} data-testid="table-link">
            {tr('ui.round.table')} →
          </Anchor>
          {policies.update && onEdit && (
            <Button size="compact-sm" variant="default" onClick={onEdit}>
              {round.state === 'closed' ? tr('ui.round.reopen') : tr('ui.round.extend')}
            </Button>
          )}
        </Group>
      </Stack>
    </section>
  )
}
