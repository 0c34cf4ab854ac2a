/** Meetings as a list: date and time in the meeting's zone, title, body, format, place, status. */
import type { MeetingSummaryDTO } from '@core/api/meetings.js'
import { pickText } from '@core/i18n/languages.js'
import { Anchor, Group, Stack, Text } from '@mantine/core'
import { Link } from 'react-router'
import { useLanguage, useT } from '../../i18n/language.js'
import { zoneLabel } from '../../lib/negotiation.js'
import { InvitationBadge, MeetingStatusBadge } from './badges.js'
import { meetingSpan } from './time.js'

export function MeetingList({
  meetings,
  headingLevel = 3,
}: {
  meetings: MeetingSummaryDTO[]
  headingLevel?: 3 | 4
}) {
  const tr = useT()
  const { lang } = useLanguage()
  const Heading = headingLevel === 3 ? 'h3' : 'h4'
  return (
    <ul className="panel" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {meetings.map((m, i) => (
        <li
          key={m.id}
          data-testid="meeting-item"
          style={{ padding: '0.875rem 1.25rem', borderTop: i ? '1px solid var(--concord-rule)' : undefined }}
        >
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              <time dateTime={m.startsAt}>{meetingSpan(m.startsAt, m.endsAt, m.timezone, lang)}</time>{' '}
              <Text span size="sm" c="dimmed" fw={400}>
                ({zoneLabel(m.timezone, tr)})
              </Text>
            </Text>
            <Heading style={{ margin: 0, fontSize: '1.0625rem' }}>
              <Anchor component={Link} to={`/meetings/${m.id}`} className="table-link">
                {pickText(m.title, lang)}
              </Anchor>
            </Heading>
            <Text size="sm">
              {pickText(m.body.name, lang)} · {tr(`meetings.format.${m.format}`)}
              {pickText(m.place, lang) ? ` · ${pickText(m.place, lang)}` : ''}
            </Text>
            <Group gap="sm">
              <MeetingStatusBadge meeting={m} />
              {m.myParticipation && <InvitationBadge state={m.myParticipation.invitation} />}
            </Group>
          </Stack>
        </li>
      ))}
    </ul>
  )
}
