/**
 * The agenda: each item with its dossier, document and version, the positions the parties
 * recorded on that version, and its outcome. The secretariat records outcomes live (every
 * participant's page picks them up within seconds), adds, reorders and removes items.
 */
import type { AgendaItemDTO, AgendaPositionsDTO, MeetingDTO } from '@core/api/meetings.js'
import { AGENDA_OUTCOMES, type AgendaOutcome } from '@core/domain/meetings.js'
import { pickText } from '@core/i18n/languages.js'
import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { Link } from 'react-router'
import { meetingPath, useMeetingWrite } from '../../api/meetings.js'
import { useDossier, useDossiers } from '../../api/queries.js'
import { useLanguage, useT } from '../../i18n/language.js'
import { formatDate, shortHash } from '../../lib/format.js'
import { Dialog } from '../Dialog.js'
import { ErrorAlert } from '../ErrorAlert.js'
import { OutcomeBadge } from './badges.js'

export function AgendaSection({
  meeting,
  policies,
}: {
  meeting: MeetingDTO
  policies: Record<string, boolean>
}) {
  const tr = useT()
  const [recording, setRecording] = useState<AgendaItemDTO | null>(null)
  const [adding, setAdding] = useState(false)
  const open = meeting.status !== 'cancelled'
  const manage = open && !!policies.manage_agenda
  const reorder = useMeetingWrite<string[]>((itemIds) => ({
    path: meetingPath(meeting.id, '/agenda'),
    method: 'PUT',
    body: { itemIds },
  }))
  const remove = useMeetingWrite<AgendaItemDTO>((item) => ({
    path: meetingPath(meeting.id, `/agenda/${encodeURIComponent(item.id)}`),
    method: 'DELETE',
    body: { version: item.version },
  }))
  const move = (index: number, by: -1 | 1) => {
    const ids = meeting.agenda.map((a) => a.id)
    const [id] = ids.splice(index, 1)
    ids.splice(index + by, 0, id!)
    reorder.mutate(ids)
  }

  return (
    <section aria-labelledby="agenda-heading">
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={2} id="agenda-heading">
          {tr('meetings.agenda')}
        </Title>
        {manage && (
          <Button variant="light" onClick={() => setAdding(true)}>
            {tr('meetings.agenda.add')}
          </Button>
        )}
      </Group>
      {open && policies.record_outcome && (
        <Text size="sm" c="dimmed" mb="xs">
          {tr('meetings.outcome.live')}
        </Text>
      )}
      {reorder.error || remove.error ? <ErrorAlert error={reorder.error ?? remove.error} /> : null}
      {meeting.agenda.length === 0 ? (
        <Text>{tr('meetings.agenda.empty')}</Text>
      ) : (
        <ol className="panel" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {meeting.agenda.map((item, index) => (
            <li
              key={item.id}
              data-testid="agenda-item"
              style={{
                padding: '1rem 1.25rem',
                borderTop: index ? '1px solid var(--concord-rule)' : undefined,
              }}
            >
              <AgendaItem
                item={item}
                n={index + 1}
                recordOutcome={open && policies.record_outcome ? () => setRecording(item) : null}
              />
              {manage && (
                <Group gap="xs" mt="sm">
                  <ActionIcon
                    variant="default"
                    aria-label={tr('meetings.agenda.moveUp', { n: index + 1 })}
                    disabled={index === 0 || reorder.isPending}
                    onClick={() => move(index, -1)}
                  >
                    <span aria-hidden="true">↑</span>
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    aria-label={tr('meetings.agenda.moveDown', { n: index + 1 })}
                    disabled={index === meeting.agenda.length - 1 || reorder.isPending}
                    onClick={() => move(index, 1)}
                  >
                    <span aria-hidden="true">↓</span>
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    color="red.8"
                    aria-label={tr('meetings.agenda.remove', { n: index + 1 })}
                    disabled={remove.isPending}
                    onClick={() => remove.mutate(item)}
                  >
                    <span aria-hidden="true">✕</span>
                  </ActionIcon>
                </Group>
              )}
            </li>
          ))}
        </ol>
      )}
      <OutcomeDialog meeting={meeting} item={recording} onClose={() => setRecording(null)} />
      <AddItemDialog meeting={meeting} opened={adding} onClose={() => setAdding(false)} />
    </section>
  )
}

function AgendaItem({
  item,
  n,
  recordOutcome,
}: {
  item: AgendaItemDTO
  n: number
  recordOutcome: (() => void) | null
}) {
  const tr = useT()
  const { lang } = useLanguage()
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        <span className="num-cell">{n}.</span> {pickText(item.title, lang)}
      </Title>
      {(item.dossier || item.document) && (
        <Group gap="lg" wrap="wrap">
          {item.dossier && (
            <Text size="sm">
              {tr('meetings.agenda.dossier')}:{' '}
              <Anchor component={Link} to={`/dossiers/${item.dossier.id}`} underline="always">
                {item.dossier.reference}
              </Anchor>
            </Text>
          )}
          {item.document && (
            <Text size="sm">
              {tr('meetings.agenda.document')}:{' '}
              <Anchor
                component={Link}
                underline="always"
                to={
                  item.documentVersion
                    ? `/documents/${item.document.id}/versions/${item.documentVersion.id}`
                    : `/documents/${item.document.id}`
                }
              >
                {pickText(item.document.title, lang)}
              </Anchor>
            </Text>
          )}
          {item.document && item.documentVersion && (
            <Text size="sm">
              {tr('meetings.agenda.version')}: {pickText(item.documentVersion.label, lang)}{' '}
              <Text span c="dimmed" size="xs" ff="monospace" title={item.documentVersion.contentHash}>
                SHA-256 {shortHash(item.documentVersion.contentHash)}
              </Text>{' '}
              <Anchor
                component={Link}
                underline="always"
                to={`/documents/${item.document.id}/versions/${item.documentVersion.id}/consensus`}
              >
                {tr('meetings.agenda.openConsensus')}
              </Anchor>
            </Text>
          )}
        </Group>
      )}
      {item.positions && <PositionsSummary positions={item.positions} />}
      <Group gap="sm" align="center" wrap="wrap">
        <Text size="sm" fw={600}>
          {tr('meetings.outcome')}:
        </Text>
        <OutcomeBadge outcome={item.outcome} />
        {recordOutcome && (
          <Button size="xs" variant={item.outcome ? 'default' : 'filled'} onClick={recordOutcome}>
            {item.outcome ? tr('meetings.outcome.change') : tr('meetings.outcome.record')}
          </Button>
        )}
      </Group>
      {item.outcomeNote && <Text data-testid="agenda-outcome-note">{item.outcomeNote}</Text>}
      {item.outcome && item.outcomeBy && item.outcomeAt && (
        <Text size="xs" c="dimmed">
          {tr('meetings.outcome.by', {
            name: item.outcomeBy.displayName,
            at: formatDate(item.outcomeAt, lang, true),
          })}
        </Text>
      )}
    </Stack>
  )
}

/** Who agreed, ad referendum, with reservations, objected, did not answer; observers apart. */
function PositionsSummary({ positions }: { positions: AgendaPositionsDTO }) {
  const tr = useT()
  const rows: [string, string][] = []
  const list = (codes: string[]) => codes.join(', ')
  if (positions.agreed.length) rows.push([tr('meetings.positions.agreed'), list(positions.agreed)])
  if (positions.adReferendum.length)
    rows.push([tr('meetings.positions.adReferendum'), list(positions.adReferendum)])
  if (positions.reservations.length) {
    rows.push([
      tr('meetings.positions.reservations'),
      positions.reservations.map((r) => (r.text ? `${r.party} — «${r.text}»` : r.party)).join('; '),
    ])
  }
  if (positions.objections.length) {
    rows.push([
      tr('meetings.positions.objections'),
      positions.objections.map((r) => (r.text ? `${r.party} — «${r.text}»` : r.party)).join('; '),
    ])
  }
  if (positions.nonParticipating.length) {
    rows.push([tr('meetings.positions.nonParticipating'), list(positions.nonParticipating)])
  }
  if (positions.noResponse.length)
    rows.push([tr('meetings.positions.noResponse'), list(positions.noResponse)])
  if (positions.observers.length) {
    rows.push([
      tr('meetings.positions.observers'),
      positions.observers.map((o) => `${o.party} (${tr(`position.${o.position}`)})`).join(', '),
    ])
  }
  return (
    <div data-testid="agenda-positions">
      <Text size="sm" fw={600}>
        {tr('meetings.positions')}:{' '}
        <Text span size="sm" fw={400}>
          {positions.documentAgreed
            ? tr('meetings.positions.documentAgreed')
            : tr('meetings.positions.documentOpen')}
          {positions.openBrackets
            ? ` · ${tr('meetings.positions.openBrackets', { count: positions.openBrackets })}`
            : ''}
        </Text>
      </Text>
      <dl
        style={{
          margin: '0.25rem 0 0',
          display: 'grid',
          gridTemplateColumns: 'max-content 1fr',
          gap: '0.125rem 1rem',
        }}
      >
        {rows.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt style={{ fontSize: 'var(--mantine-font-size-sm)', color: 'var(--mantine-color-dimmed)' }}>
              {label}
            </dt>
            <dd style={{ margin: 0, fontSize: 'var(--mantine-font-size-sm)' }}>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  )
}

function OutcomeDialog({
  meeting,
  item,
  onClose,
}: {
  meeting: MeetingDTO
  item: AgendaItemDTO | null
  onClose: () => void
}) {
  const { lang } = useLanguage()
  return (
    <Dialog opened={!!item} onClose={onClose} title={item ? pickText(item.title, lang) : ''} size="lg">
      {item && <OutcomeForm key={item.id} meeting={meeting} item={item} onClose={onClose} />}
    </Dialog>
  )
}

function OutcomeForm({
  meeting,
  item,
  onClose,
}: {
  meeting: MeetingDTO
  item: AgendaItemDTO
  onClose: () => void
}) {
  const tr = useT()
  const [outcome, setOutcome] = useState<AgendaOutcome | null>(item.outcome)
  const [note, setNote] = useState(item.outcomeNote ?? '')
  const write = useMeetingWrite<{ outcome: AgendaOutcome | null; note: string | null }>((body) => ({
    path: meetingPath(meeting.id, `/agenda/${encodeURIComponent(item.id)}/outcome`),
    method: 'POST',
    body: { version: item.version, ...body },
  }))
  const save = (value: AgendaOutcome | null) =>
    write.mutate({ outcome: value, note: value ? note.trim() || null : null }, { onSuccess: onClose })
  return (
    <form
      noValidate
      data-testid="outcome-form"
      onSubmit={(event) => {
        event.preventDefault()
        if (outcome) save(outcome)
      }}
    >
      <Stack gap="md">
        <Radio.Group
          label={tr('meetings.outcome')}
          value={outcome ?? ''}
          onChange={(value) => setOutcome(value as AgendaOutcome)}
          required
        >
          <Stack gap={8} mt={6}>
            {AGENDA_OUTCOMES.map((o) => (
              <Radio key={o} value={o} label={tr(`meetings.outcome.${o}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={tr('meetings.outcome.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={5000}
        />
        {write.error ? <ErrorAlert error={write.error} /> : null}
        <Group justify="space-between">
          {item.outcome ? (
            <Button variant="outline" color="red.9" onClick={() => save(null)} disabled={write.isPending}>
              {tr('meetings.outcome.clear')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="sm">
            <Button variant="default" onClick={onClose} disabled={write.isPending}>
              {tr('ui.action.cancel')}
            </Button>
            <Button type="submit" loading={write.isPending} disabled={!outcome}>
              {tr('meetings.outcome.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  )
}

function AddItemDialog({
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
    <Dialog opened={opened} onClose={onClose} title={tr('meetings.agenda.add.title')} size="lg">
      {opened && <AddItemForm meeting={meeting} onClose={onClose} />}
    </Dialog>
  )
}

function AddItemForm({ meeting, onClose }: { meeting: MeetingDTO; onClose: () => void }) {
  const tr = useT()
  const { lang } = useLanguage()
  const dossiers = useDossiers()
  const [dossierId, setDossierId] = useState<string | null>(null)
  const [documentId, setDocumentId] = useState<string | null>(null)
  const [title, setTitle] = useState('')
  const dossier = useDossier(dossierId ?? '')
  const [problem, setProblem] = useState<string | undefined>()
  const options = (dossiers.data?.pages ?? [])
    .flatMap((p) => p.data)
    .filter((d) => d.organizationId === meeting.organizationId)
    .map((d) => ({ value: d.id, label: `${d.reference} — ${pickText(d.title, lang)}` }))
  const documents = dossier.data?.data.documents ?? []
  const write = useMeetingWrite<Record<string, unknown>>((body) => ({
    path: meetingPath(meeting.id, '/agenda'),
    method: 'POST',
    body,
  }))
  const save = () => {
    if (!title.trim() && !dossierId) {
      setProblem(tr('ui.form.required'))
      return
    }
    write.mutate(
      {
        ...(title.trim() ? { title: { [lang]: title.trim() } } : {}),
        ...(dossierId ? { dossierId } : {}),
        ...(documentId ? { documentId } : {}),
      },
      { onSuccess: onClose },
    )
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
        <Select
          label={tr('meetings.agenda.dossier')}
          data={options}
          value={dossierId}
          onChange={(value) => {
            setDossierId(value)
            setDocumentId(null)
          }}
          searchable
          clearable
          comboboxProps={{ withinPortal: false }}
        />
        {dossierId && documents.length > 0 && (
          <Select
            label={tr('meetings.agenda.document')}
            description={tr('meetings.agenda.latestVersion')}
            data={documents.map((d) => ({ value: d.id, label: pickText(d.title, lang) }))}
            value={documentId}
            onChange={setDocumentId}
            clearable
            comboboxProps={{ withinPortal: false }}
          />
        )}
        <TextInput
          label={tr('meetings.agenda.itemTitle')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={problem}
        />
        {write.error ? <ErrorAlert error={write.error} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={write.isPending}>
            {tr('ui.action.cancel')}
          </Button>
          <Button type="submit" loading={write.isPending}>
            {tr('meetings.agenda.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
