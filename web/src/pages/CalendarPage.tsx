/**
 * The calendar of meetings: upcoming ones (soonest first) and past ones (latest first),
 * by month; convening a meeting for the secretariat; the personal calendar feed.
 */
import type { MeetingSummaryDTO } from '@core/api/meetings.js'
import { Button, Group, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useMeetings } from '../api/meetings.js'
import { useMe } from '../api/queries.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { CalendarFeedPanel } from '../components/meetings/CalendarFeedPanel.js'
import { MeetingForm } from '../components/meetings/MeetingForm.js'
import { MeetingList } from '../components/meetings/MeetingList.js'
import { monthLabel, monthOf } from '../components/meetings/time.js'
import { PageLoader } from '../components/PageLoader.js'
import { useLanguage, useT } from '../i18n/language.js'
import { useDocumentTitle } from '../lib/useDocumentTitle.js'

function byMonth(meetings: MeetingSummaryDTO[]): [string, MeetingSummaryDTO[]][] {
  const groups = new Map<string, MeetingSummaryDTO[]>()
  for (const m of meetings) {
    const key = monthOf(m.startsAt, m.timezone)
    groups.set(key, [...(groups.get(key) ?? []), m])
  }
  return [...groups.entries()]
}

export function CalendarPage() {
  const tr = useT()
  const { lang } = useLanguage()
  const me = useMe().data?.data
  const meetings = useMeetings()
  const [convening, setConvening] = useState(false)
  useDocumentTitle(tr('ui.product'), tr('meetings.calendar.heading'))
  if (meetings.isPending) return <PageLoader />
  if (meetings.isError) return <ErrorAlert error={meetings.error} />

  const now = Date.now()
  const all = meetings.data.data
  const upcoming = all.filter((m) => Date.parse(m.endsAt) >= now)
  const past = all.filter((m) => Date.parse(m.endsAt) < now).reverse()

  const part = (id: string, heading: string, list: MeetingSummaryDTO[], none: string) => (
    <section aria-labelledby={id}>
      <Title order={2} id={id} mb="sm">
        {heading}
      </Title>
      {list.length === 0 ? (
        <Text>{none}</Text>
      ) : (
        <Stack gap="lg">
          {byMonth(list).map(([month, items]) => (
            <div key={month}>
              <Title order={3} size="h4" mb="xs">
                {monthLabel(month, lang)}
              </Title>
              <MeetingList meetings={items} headingLevel={4} />
            </div>
          ))}
        </Stack>
      )}
    </section>
  )

  return (
    <Stack gap="xl">
      <header>
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Title order={1}>{tr('meetings.calendar.heading')}</Title>
          {meetings.data.policies.convene && me?.secretariatOf && (
            <Button onClick={() => setConvening(true)} data-testid="convene-button">
              {tr('meetings.convene')}
            </Button>
          )}
        </Group>
      </header>
      {part(
        'upcoming-heading',
        tr('meetings.calendar.upcoming'),
        upcoming,
        tr('meetings.calendar.noneUpcoming'),
      )}
      {part('past-heading', tr('meetings.calendar.past'), past, tr('meetings.calendar.nonePast'))}
      <CalendarFeedPanel />
      {me?.secretariatOf && (
        <MeetingForm
          opened={convening}
          onClose={() => setConvening(false)}
          organizationId={me.secretariatOf.id}
        />
      )}
    </Stack>
  )
}
