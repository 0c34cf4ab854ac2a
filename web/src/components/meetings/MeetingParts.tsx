/**
 * Smaller parts of the meeting page: the quorum line, joining the videoconference (a
 * button, or Jitsi embedded on demand: Zoom, Webex and Teams refuse to be framed), and the
 * participant's own answer to the invitation.
 */
import type { MeetingDTO, QuorumDTO } from '@core/api/meetings.js'
import { INVITATION_ANSWERS, type InvitationAnswer } from '@core/domain/meetings.js'
import { Button, Group, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { meetingPath, useMeetingWrite } from '../../api/meetings.js'
import { useT } from '../../i18n/language.js'
import { ErrorAlert } from '../ErrorAlert.js'
import { StatusLabel } from '../StatusBadges.js'

export function QuorumLine({ quorum }: { quorum: QuorumDTO }) {
  const tr = useT()
  const params = {
    present: quorum.present.length,
    members: quorum.members,
    required: quorum.required,
    expected: quorum.expected.length,
  }
  const basis = quorum.basis
  const basisText =
    basis.kind === 'fraction'
      ? tr('meetings.quorum.basis.fraction', { num: basis.num, den: basis.den })
      : basis.kind === 'count'
        ? tr('meetings.quorum.basis.count', { count: basis.count })
        : tr(`meetings.quorum.basis.${basis.kind}`)
  return (
    <section aria-labelledby="quorum-heading" className="panel" style={{ padding: '0.875rem 1.25rem' }}>
      <Text id="quorum-heading" fw={700} size="sm" tt="uppercase" c="dimmed" mb={4}>
        {tr('meetings.quorum')}
      </Text>
      <div data-testid="quorum-line" aria-live="polite">
        {quorum.recorded ? (
          <StatusLabel
            tone={quorum.reached ? 'green' : 'red'}
            symbol={quorum.reached ? '✓' : '✕'}
            word={
              quorum.reached
                ? tr('meetings.quorum.reached', params)
                : tr('meetings.quorum.notReached', params)
            }
          />
        ) : (
          <StatusLabel tone="grey" symbol="◷" word={tr('meetings.quorum.notRecorded', params)} />
        )}
      </div>
      {quorum.recorded && quorum.missing.length > 0 && (
        <Text size="sm" mt={6}>
          {tr('meetings.quorum.missing', { parties: quorum.missing.join(', ') })}
        </Text>
      )}
      <Text size="sm" c="dimmed" mt={6}>
        {basisText} {tr('meetings.quorum.observersNote')}
      </Text>
    </section>
  )
}

export function ConferenceJoin({ meeting }: { meeting: MeetingDTO }) {
  const tr = useT()
  const [embedded, setEmbedded] = useState(false)
  const c = meeting.conference
  if (!c || meeting.status === 'cancelled') return null
  const provider = tr(`meetings.provider.${c.provider}`)
  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap">
        <Button
          component="a"
          href={c.url}
          target="_blank"
          rel="noopener noreferrer"
          data-testid="join-button"
        >
          {tr('meetings.join', { provider })}
        </Button>
        {c.embeddable && (
          <Button variant="default" onClick={() => setEmbedded((v) => !v)} aria-expanded={embedded}>
            {embedded ? tr('meetings.join.hide') : tr('meetings.join.show')}
          </Button>
        )}
      </Group>
      {c.embeddable && embedded && (
        <iframe
          title={tr('meetings.join.embedded')}
          src={c.url}
          allow="camera; microphone; fullscreen; display-capture"
          style={{ width: '100%', height: '32rem', border: '1px solid var(--concord-rule)', borderRadius: 4 }}
        />
      )}
    </Stack>
  )
}

export function MyAnswer({ meeting }: { meeting: MeetingDTO }) {
  const tr = useT()
  const write = useMeetingWrite<InvitationAnswer>((answer) => ({
    path: meetingPath(meeting.id, '/response'),
    method: 'POST',
    body: { answer },
  }))
  const mine = meeting.myParticipation
  if (!mine || meeting.status === 'cancelled') return null
  return (
    <section aria-labelledby="my-answer-heading" className="panel" style={{ padding: '0.875rem 1.25rem' }}>
      <Text id="my-answer-heading" fw={700} mb={6}>
        {tr('meetings.myAnswer')}
      </Text>
      <Text size="sm" mb="sm" data-testid="my-answer">
        {tr('meetings.myAnswer.current', { answer: tr(`meetings.invitation.${mine.invitation}`) })}
      </Text>
      <Group gap="sm" role="group" aria-labelledby="my-answer-heading">
        {INVITATION_ANSWERS.map((a) => (
          <Button
            key={a}
            variant={mine.invitation === a ? 'filled' : 'default'}
            aria-pressed={mine.invitation === a}
            onClick={() => write.mutate(a)}
            loading={write.isPending && write.variables === a}
          >
            {tr(`meetings.answer.${a}`)}
          </Button>
        ))}
      </Group>
      {write.error ? <ErrorAlert error={write.error} /> : null}
    </section>
  )
}
