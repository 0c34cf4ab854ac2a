/**
 * Who takes part, grouped by party (name and ISO code; the secretariat last): function,
 * answer to the invitation and attendance. The secretariat marks attendance as the
 * meeting runs and invites a whole delegation at once or a person without an account.
 */
import type { MeetingDTO, ParticipantDTO } from '@core/api/meetings.js'
import {
  ATTENDANCE_STATES,
  type Attendance,
  PARTICIPANT_FUNCTIONS,
  type ParticipantFunction,
} from '@core/domain/meetings.js'
import { ActionIcon, Button, Group, Radio, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { meetingPath, useMeetingWrite } from '../../api/meetings.js'
import { useLanguage, useT } from '../../i18n/language.js'
import { partyLabel } from '../../lib/format.js'
import { Dialog } from '../Dialog.js'
import { ErrorAlert } from '../ErrorAlert.js'
import { MembershipBadge } from '../StatusBadges.js'
import { AttendanceBadge, InvitationBadge } from './badges.js'

interface PartyGroup {
  key: string
  label: string
  status: 'member' | 'observer' | null
  people: ParticipantDTO[]
}

function groupsOf(
  participants: ParticipantDTO[],
  tr: (k: string) => string,
  lang: 'ru' | 'en',
): PartyGroup[] {
  const groups = new Map<string, PartyGroup>()
  for (const p of participants) {
    const key = p.party?.code ?? '~secretariat'
    let g = groups.get(key)
    if (!g) {
      g = {
        key,
        label: p.party ? partyLabel(p.party, lang) : tr('meetings.participants.secretariat'),
        status: p.party?.status ?? null,
        people: [],
      }
      groups.set(key, g)
    }
    g.people.push(p)
  }
  // Parties by code, the secretariat's staff last.
  return [...groups.values()].sort(
    (a, b) => Number(a.status === null) - Number(b.status === null) || a.key.localeCompare(b.key),
  )
}

export function ParticipantsSection({
  meeting,
  policies,
}: {
  meeting: MeetingDTO
  policies: Record<string, boolean>
}) {
  const tr = useT()
  const { lang } = useLanguage()
  const [adding, setAdding] = useState(false)
  const open = meeting.status !== 'cancelled'
  const mark = open && !!policies.record_attendance
  const manage = open && !!policies.manage_participants
  const attendance = useMeetingWrite<{ p: ParticipantDTO; value: Attendance | null }>(({ p, value }) => ({
    path: meetingPath(meeting.id, `/participants/${encodeURIComponent(p.id)}`),
    method: 'PATCH',
    body: { version: p.version, attendance: value },
  }))
  const remove = useMeetingWrite<ParticipantDTO>((p) => ({
    path: meetingPath(meeting.id, `/participants/${encodeURIComponent(p.id)}`),
    method: 'DELETE',
    body: { version: p.version },
  }))
  const groups = groupsOf(meeting.participants, tr, lang)

  return (
    <section aria-labelledby="participants-heading">
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={2} id="participants-heading">
          {tr('meetings.participants')}
        </Title>
        {manage && (
          <Button variant="light" onClick={() => setAdding(true)}>
            {tr('meetings.participants.add')}
          </Button>
        )}
      </Group>
      {attendance.error || remove.error ? <ErrorAlert error={attendance.error ?? remove.error} /> : null}
      {groups.length === 0 && <Text>{tr('meetings.participants.empty')}</Text>}
      <Stack gap="md">
        {groups.map((g) => (
          <div key={g.key} className="panel scroll-x" data-testid="participant-group" data-party={g.key}>
            <Table>
              <caption style={{ captionSide: 'top', textAlign: 'start', padding: '0.75rem 0.75rem 0.25rem' }}>
                <Group gap="sm" wrap="wrap">
                  <Text fw={700} component="span">
                    {g.label}
                  </Text>
                  {g.status && <MembershipBadge status={g.status} />}
                  <Text component="span" size="sm" c="dimmed">
                    {tr('meetings.participants.count', { count: g.people.length })}
                  </Text>
                </Group>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{tr('meetings.participants.name.col')}</Table.Th>
                  <Table.Th scope="col" w="26%">
                    {tr('meetings.participants.function')}
                  </Table.Th>
                  <Table.Th scope="col" w="18%">
                    {tr('meetings.participants.answer.col')}
                  </Table.Th>
                  <Table.Th scope="col" w="22%">
                    {tr('meetings.participants.attendance.col')}
                  </Table.Th>
                  {manage && (
                    <Table.Th scope="col" w="3rem">
                      <span className="visually-hidden">{tr('meetings.participants.actions')}</span>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {g.people.map((p) => (
                  <Table.Tr key={p.id} data-testid="participant-row">
                    <Table.Td className="cell-main">
                      {p.name}
                      {p.email && (
                        <Text size="xs" c="dimmed">
                          {p.email}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{tr(`meetings.function.${p.function}`)}</Table.Td>
                    <Table.Td>
                      <InvitationBadge state={p.invitation} />
                    </Table.Td>
                    <Table.Td>
                      {mark ? (
                        <Select
                          size="xs"
                          aria-label={tr('meetings.attendance.label', { name: p.name })}
                          data={[
                            { value: '', label: tr('meetings.attendance.none') },
                            ...ATTENDANCE_STATES.map((a) => ({
                              value: a,
                              label: tr(`meetings.attendance.${a}`),
                            })),
                          ]}
                          value={p.attendance ?? ''}
                          allowDeselect={false}
                          onChange={(value) =>
                            attendance.mutate({ p, value: value ? (value as Attendance) : null })
                          }
                          comboboxProps={{ withinPortal: true }}
                          data-testid="attendance-select"
                        />
                      ) : (
                        <AttendanceBadge attendance={p.attendance} />
                      )}
                    </Table.Td>
                    {manage && (
                      <Table.Td>
                        <ActionIcon
                          variant="default"
                          aria-label={tr('meetings.participants.remove', { name: p.name })}
                          onClick={() => remove.mutate(p)}
                          disabled={remove.isPending}
                        >
                          <span aria-hidden="true">✕</span>
                        </ActionIcon>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        ))}
      </Stack>
      <AddParticipantsDialog meeting={meeting} opened={adding} onClose={() => setAdding(false)} />
    </section>
  )
}

function AddParticipantsDialog({
  meeting,
  opened,
  onClose,
}: {
  meeting: MeetingDTO
  opened: boolean
  onClose: () => void
}) {
  const tr = useT()
  return (
    <Dialog opened={opened} onClose={onClose} title={tr('meetings.participants.add.title')} size="lg">
      {opened && <AddParticipantsForm meeting={meeting} onClose={onClose} />}
    </Dialog>
  )
}

function AddParticipantsForm({ meeting, onClose }: { meeting: MeetingDTO; onClose: () => void }) {
  const tr = useT()
  const { lang } = useLanguage()
  const [mode, setMode] = useState<'delegation' | 'person'>('delegation')
  const [party, setParty] = useState<string | null>(null)
  const [fn, setFn] = useState<string>('')
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [problem, setProblem] = useState<string | undefined>()
  const write = useMeetingWrite<Record<string, unknown>>((body) => ({
    path: meetingPath(meeting.id, '/participants'),
    method: 'POST',
    body,
  }))
  const partyOptions = meeting.parties.map((p) => ({
    value: p.code,
    label: `${partyLabel(p, lang)}${p.status === 'observer' ? ` — ${tr('meetings.participants.observer')}` : ''}`,
  }))
  const functions = [
    { value: '', label: tr('meetings.participants.functionAuto') },
    ...PARTICIPANT_FUNCTIONS.map((f: ParticipantFunction) => ({
      value: f,
      label: tr(`meetings.function.${f}`),
    })),
  ]
  const save = () => {
    if (mode === 'delegation' && !party) return setProblem(tr('ui.form.required'))
    if (mode === 'person' && !name.trim()) return setProblem(tr('ui.form.required'))
    setProblem(undefined)
    const body =
      mode === 'delegation'
        ? { party, ...(fn ? { function: fn } : {}) }
        : {
            name: name.trim(),
            ...(email.trim() ? { email: email.trim() } : {}),
            ...(party ? { party } : {}),
            ...(fn ? { function: fn } : {}),
          }
    write.mutate(body, { onSuccess: onClose })
  }
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        save()
      }}
    >
      <Stack gap="md">
        <Radio.Group value={mode} onChange={(v) => setMode(v as 'delegation' | 'person')}>
          <Stack gap={6}>
            <Radio value="delegation" label={tr('meetings.participants.addDelegation')} />
            <Radio value="person" label={tr('meetings.participants.person')} />
          </Stack>
        </Radio.Group>
        <Select
          label={tr('meetings.participants.party')}
          data={partyOptions}
          value={party}
          onChange={setParty}
          searchable
          clearable={mode === 'person'}
          required={mode === 'delegation'}
          error={mode === 'delegation' ? problem : undefined}
          comboboxProps={{ withinPortal: false }}
        />
        {mode === 'person' && (
          <Group grow align="flex-start">
            <TextInput
              label={tr('meetings.participants.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={problem}
              required
            />
            <TextInput
              type="email"
              label={tr('meetings.participants.email')}
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
          </Group>
        )}
        <Select
          label={tr('meetings.participants.function')}
          data={functions}
          value={fn}
          onChange={(v) => setFn(v ?? '')}
          allowDeselect={false}
          comboboxProps={{ withinPortal: false }}
        />
        {write.error ? <ErrorAlert error={write.error} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={write.isPending}>
            {tr('ui.action.cancel')}
          </Button>
          <Button type="submit" loading={write.isPending}>
            {tr('meetings.participants.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
