/**
 * One meeting of a body: when (in the meeting's zone and the reader's), where and how,
 * joining the videoconference, the agenda with each item's outcome and the parties'
 * positions, the participants by party with their answers and attendance, the quorum,
 * "Add to calendar", the participant's own answer, and the way to the minutes. The page
 * refetches every few seconds so that outcomes recorded live appear for everyone.
 */
import { pickText } from '@core/i18n/languages.js'
import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { meetingPath, useMeeting, useMeetingWrite } from '../api/meetings.js'
import { useMe } from '../api/queries.js'
import { ConfirmModal } from '../components/ConfirmModal.js'
import { Crumbs } from '../components/Crumbs.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { AgendaSection } from '../components/meetings/AgendaSection.js'
import { MeetingStatusBadge } from '../components/meetings/badges.js'
import { MeetingForm } from '../components/meetings/MeetingForm.js'
import { ConferenceJoin, MyAnswer, QuorumLine } from '../components/meetings/MeetingParts.js'
import { ParticipantsSection } from '../components/meetings/ParticipantsSection.js'
import { meetingSpan } from '../components/meetings/time.js'
import { PageLoader } from '../components/PageLoader.js'
import { PressDraftButton } from '../components/press/PressDraftButton.js'
import { useLanguage, useT } from '../i18n/language.js'
import { zoneLabel } from '../lib/negotiation.js'
import { sameOffset, userTimeZone } from '../lib/time.js'
import { useDocumentTitle } from '../lib/useDocumentTitle.js'

export function MeetingPage() {
  const { id = '' } = useParams()
  const tr = useT()
  const { lang } = useLanguage()
  const query = useMeeting(id)
  const me = useMe().data?.data
  const m = query.data?.data
  const policies = query.data?.policies ?? {}
  const [editing, setEditing] = useState(false)
  const [cancelling, setCancelling] = useState(false)
  const invite = useMeetingWrite<void, { data: { sent: number } }>(() => ({
    path: meetingPath(id, '/invitations'),
    method: 'POST',
  }))
  const cancel = useMeetingWrite<number>((version) => ({
    path: meetingPath(id, '/cancel'),
    method: 'POST',
    body: { version },
  }))
  const held = useMeetingWrite<number>((version) => ({
    path: meetingPath(id),
    method: 'PATCH',
    body: { version, status: 'held' },
  }))
  useDocumentTitle(tr('ui.product'), m ? pickText(m.title, lang) : tr('meetings.title'))

  if (query.isPending) return <PageLoader />
  if (!m) return <ErrorAlert error={query.error} />

  const mine = userTimeZone()
  const showYours = !sameOffset(m.timezone, mine, new Date(m.startsAt))
  const place = pickText(m.place, lang)
  const open = m.status !== 'cancelled'

  return (
    <Stack gap="xl">
      <Crumbs items={[{ label: tr('meetings.back'), to: '/calendar' }, { label: pickText(m.title, lang) }]} />
      <header>
        <Text className="page-kicker">
          {pickText(m.body.name, lang)} ({m.body.code})
        </Text>
        <Title order={1} mt={6} maw="56rem">
          {pickText(m.title, lang)}
        </Title>
        <Group gap="sm" mt="sm">
          <MeetingStatusBadge meeting={m} />
        </Group>
      </header>

      {!open && (
        <Alert color="red" variant="light" role="status">
          {tr('meetings.cancelled.banner')}
        </Alert>
      )}
      {query.error ? <ErrorAlert error={query.error} /> : null}

      <section aria-label={tr('meetings.when')} className="panel" style={{ padding: '1rem 1.25rem' }}>
        <dl
          style={{ margin: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '0.5rem 1.5rem' }}
        >
          <dt style={{ fontWeight: 700 }}>{tr('meetings.when')}</dt>
          <dd style={{ margin: 0 }}>
            <div data-testid="meeting-when">
              {tr('meetings.whenLocal', {
                time: meetingSpan(m.startsAt, m.endsAt, m.timezone, lang),
                zone: zoneLabel(m.timezone, tr),
              })}
            </div>
            {showYours && (
              <Text size="sm" c="dimmed" data-testid="meeting-when-yours">
                {tr('meetings.whenYours', {
                  time: meetingSpan(m.startsAt, m.endsAt, mine, lang),
                  zone: zoneLabel(mine, tr),
                })}
              </Text>
            )}
          </dd>
          {place && (
            <>
              <dt style={{ fontWeight: 700 }}>{tr('meetings.place')}</dt>
              <dd style={{ margin: 0 }}>{place}</dd>
            </>
          )}
          <dt style={{ fontWeight: 700 }}>{tr('meetings.format')}</dt>
          <dd style={{ margin: 0 }}>{tr(`meetings.format.${m.format}`)}</dd>
        </dl>
        <Group gap="sm" mt="md" wrap="wrap">
          <Button
            component="a"
            variant="default"
            href={`${meetingPath(m.id, '/invitation.ics')}?lang=${lang}`}
            download="meeting.ics"
          >
            {tr('meetings.addToCalendar')}
          </Button>
          <Anchor component={Link} to={m.minutesLink} data-testid="minutes-link">
            {tr('meetings.minutes')}
          </Anchor>
        </Group>
      </section>

      <ConferenceJoin meeting={m} />

      {open && (policies.update || policies.send_invitations || policies.cancel) && (
        <section aria-label={tr('meetings.convene.title')} className="no-print">
          <Group gap="sm" wrap="wrap">
            {policies.send_invitations && (
              <Button onClick={() => invite.mutate()} loading={invite.isPending}>
                {tr('meetings.sendInvitations')}
              </Button>
            )}
            {policies.update && (
              <Button variant="default" onClick={() => setEditing(true)}>
                {tr('meetings.edit')}
              </Button>
            )}
            {policies.update && m.status === 'scheduled' && Date.now() >= Date.parse(m.startsAt) && (
              <Button variant="default" onClick={() => held.mutate(m.version)} loading={held.isPending}>
                {tr('meetings.markHeld')}
              </Button>
            )}
            {policies.cancel && (
              <Button variant="outline" color="red.9" onClick={() => setCancelling(true)}>
                {tr('meetings.cancel')}
              </Button>
            )}
          </Group>
          {invite.data && (
            <Text size="sm" mt="xs" role="status">
              {tr('meetings.sendInvitations.done', { count: invite.data.data.sent })}
            </Text>
          )}
          {invite.error || held.error ? <ErrorAlert error={invite.error ?? held.error} /> : null}
        </section>
      )}

      <MyAnswer meeting={m} />
      <QuorumLine quorum={m.quorum} />
      <AgendaSection meeting={m} policies={policies} />
      <PressDraftButton meetingId={m.id} me={me} />
      <ParticipantsSection meeting={m} policies={policies} />

      <MeetingForm
        opened={editing}
        onClose={() => setEditing(false)}
        organizationId={m.organizationId}
        existing={m}
      />
      <ConfirmModal
        opened={cancelling}
        title={tr('meetings.cancel')}
        confirmLabel={tr('meetings.cancel')}
        danger
        busy={cancel.isPending}
        error={cancel.error}
        onClose={() => setCancelling(false)}
        onConfirm={() => cancel.mutate(m.version, { onSuccess: () => setCancelling(false) })}
      >
        {tr('meetings.cancel.confirm')}
      </ConfirmModal>
    </Stack>
  )
}
