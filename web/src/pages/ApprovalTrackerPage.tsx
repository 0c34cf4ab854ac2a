/**
 * Domestic approval (внутригосударственное согласование) at a glance: each participating
 * member's status (colour, symbol, word), due date and delay, the last change and by whom,
 * its supporting documents, and what it did to an agreement ad referendum; the summary line
 * on top. The secretariat sets due dates and records any party's status; a head of
 * delegation records its own party's and uploads its note verbale.
 */
import type { ApprovalDTO, AttachmentDTO } from '@core/api/procedures.js'
import { APPROVAL_STATUSES, type ApprovalStatus } from '@core/domain/procedure.js'
import { pickText } from '@core/i18n/languages.js'
import {
  Anchor,
  Button,
  FileButton,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { useApprovals, useRecordApproval, useSetDueDate, useUploadAttachment } from '../api/procedures.js'
import { useDossier } from '../api/queries.js'
import { Crumbs } from '../components/Crumbs.js'
import { Dialog } from '../components/Dialog.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { PageLoader } from '../components/PageLoader.js'
import '../components/procedure/procedure.css'
import { StatusLabel, type Tone } from '../components/StatusBadges.js'
import { useLanguage, useT } from '../i18n/language.js'
import { formatDate } from '../lib/format.js'
import { useDocumentTitle } from '../lib/useDocumentTitle.js'

const LOOK: Record<ApprovalStatus, { tone: Tone; symbol: string }> = {
  not_started: { tone: 'grey', symbol: '○' },
  in_progress: { tone: 'amber', symbol: '◔' },
  approved: { tone: 'green', symbol: '✓' },
  approved_with_reservations: { tone: 'navy', symbol: '✓*' },
  declined: { tone: 'red', symbol: '✕' },
}

export function ApprovalStatusBadge({ status }: { status: ApprovalStatus }) {
  const tr = useT()
  const look = LOOK[status] ?? LOOK.not_started
  return (
    <StatusLabel
      tone={look.tone}
      symbol={look.symbol}
      word={tr(`approval.status.${status}`)}
      testId="approval-status"
    />
  )
}

/** The ru/en plural category of a count, for "из 1 государства" / "из 8 государств". */
function plural(lang: string, n: number): 'one' | 'other' {
  return new Intl.PluralRules(lang).select(n) === 'one' ? 'one' : 'other'
}

const fileSize = (bytes: number, lang: string) =>
  new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(bytes / 1024)

export function ApprovalTrackerPage() {
  const { id = '' } = useParams()
  const tr = useT()
  const { lang } = useLanguage()
  const dossier = useDossier(id)
  const approvals = useApprovals(id)
  const [editing, setEditing] = useState<ApprovalDTO | null>(null)
  const d = dossier.data?.data
  useDocumentTitle(tr('ui.product'), tr('ui.approvals.title'), d ? d.reference : '')

  const failure = dossier.error ?? approvals.error
  if (failure) return <ErrorAlert error={failure} />
  if (!d || !approvals.data) return <PageLoader />
  const items = approvals.data.data
  const summary = approvals.data.summary
  const policies = approvals.data.policies
  const stage = d.stages.find((s) => s.code === d.stage)

  return (
    <Stack gap="lg">
      <Crumbs
        items={[
          { label: tr('ui.nav.dossiers'), to: '/' },
          { label: d.reference, to: `/dossiers/${d.id}` },
          { label: tr('ui.approvals.title') },
        ]}
      />
      <header>
        <Text className="page-kicker">{tr('ui.approvals.kicker')}</Text>
        <Title order={1} mt={6} maw="56rem">
          {pickText(d.title, lang)}
        </Title>
        <Text mt="xs" size="sm" c="dimmed">
          {tr('ui.approvals.stageLine', { stage: stage ? pickText(stage.name, lang) : d.stage })}
        </Text>
      </header>

      {items.length === 0 ? (
        <Text>{tr('ui.approvals.empty')}</Text>
      ) : (
        <>
          <p className="approval-summary" data-testid="approval-summary" aria-live="polite">
            {tr(`ui.approvals.summary.${plural(lang, summary.members)}`, {
              finished: summary.finished,
              members: summary.members,
            })}
            {summary.late > 0 && tr('ui.approvals.summaryLate', { late: summary.late })}
          </p>

          {/* A due date for all concerns those still at work: none once every state has finished. */}
          {policies.set_due_date && summary.finished < summary.members && <DueDateForAll dossierId={d.id} />}

          <div className="panel scroll-x">
            <Table className="approval-table" aria-describedby="approval-caption" striped>
              <caption id="approval-caption" className="visually-hidden">
                {tr('ui.approvals.caption')}
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{tr('ui.approvals.party')}</Table.Th>
                  <Table.Th scope="col">{tr('ui.approvals.status')}</Table.Th>
                  <Table.Th scope="col">{tr('ui.approvals.due')}</Table.Th>
                  <Table.Th scope="col">{tr('ui.approvals.documents')}</Table.Th>
                  <Table.Th scope="col">{tr('ui.approvals.adReferendum')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((a) => (
                  <Table.Tr key={a.party} data-party={a.party} data-testid="approval-row">
                    <Table.Th scope="row" className="cell-main">
                      {pickText(a.name, lang)}{' '}
                      <Text span c="dimmed" size="sm">
                        ({a.party})
                      </Text>
                    </Table.Th>
                    <Table.Td>
                      <Stack gap={4} align="flex-start">
                        <ApprovalStatusBadge status={a.status} />
                        {a.note && <Text size="sm">{a.note}</Text>}
                        <Text size="xs" c="dimmed">
                          {tr('ui.approvals.updated')}:{' '}
                          <time dateTime={a.updatedAt}>{formatDate(a.updatedAt, lang)}</time>
                          {a.updatedBy ? ` · ${a.updatedBy.displayName}` : ''}
                        </Text>
                        {a.policies.record && (
                          <Button size="xs" variant="default" onClick={() => setEditing(a)}>
                            {tr('ui.approvals.record')}
                            <span className="visually-hidden">: {pickText(a.name, lang)}</span>
                          </Button>
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td className="num-cell">
                      {a.dueDate ? <time dateTime={a.dueDate}>{formatDate(a.dueDate, lang)}</time> : '—'}
                      {a.late && (
                        <div className="late-flag" data-testid="late-flag">
                          <span aria-hidden="true">⚠</span>
                          {tr('ui.approvals.late', { days: a.daysLate })}
                        </div>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Attachments dossierId={d.id} item={a} />
                    </Table.Td>
                    <Table.Td>
                      <AdReferendum item={a} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </>
      )}
      <Text size="sm">
        <Anchor component={Link} to={`/dossiers/${d.id}`}>
          {tr('ui.approvals.back')}
        </Anchor>
      </Text>
      <RecordDialog dossierId={d.id} item={editing} onClose={() => setEditing(null)} />
    </Stack>
  )
}

function AdReferendum({ item }: { item: ApprovalDTO }) {
  const tr = useT()
  if (item.adReferendum === 'confirmed')
    return <StatusLabel tone="green" symbol="✓" word={tr('ui.approvals.adRef.confirmed')} />
  if (item.adReferendum === 'withdrawn')
    return <StatusLabel tone="red" symbol="✕" word={tr('ui.approvals.adRef.withdrawn')} />
  if (item.adReferendumPending)
    return <StatusLabel tone="amber" symbol="◷" word={tr('ui.approvals.adRef.pending')} />
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{tr('ui.approvals.adRef.none')}</span>
    </>
  )
}

function Attachments({ dossierId, item }: { dossierId: string; item: ApprovalDTO }) {
  const tr = useT()
  const { lang } = useLanguage()
  const upload = useUploadAttachment(dossierId)
  return (
    <Stack gap={6} align="flex-start">
      {item.attachments.length > 0 ? (
        <ul className="attachment-list">
          {item.attachments.map((f: AttachmentDTO) => (
            <li key={f.id}>
              <Anchor href={f.href} download={f.filename} data-testid="attachment-link">
                {f.filename}
              </Anchor>{' '}
              <Text span size="xs" c="dimmed">
                {tr('ui.approvals.fileSize', { size: fileSize(f.size, lang) })}
              </Text>
            </li>
          ))}
        </ul>
      ) : (
        <Text size="sm" c="dimmed">
          {tr('ui.approvals.noDocuments')}
        </Text>
      )}
      {item.policies.upload && (
        <FileButton
          accept="application/pdf,.pdf,.docx,.odt,image/png,image/jpeg"
          onChange={(file) => {
            if (file) upload.mutate({ party: item.party, file })
          }}
        >
          {(props) => (
            <Button {...props} size="xs" variant="subtle" loading={upload.isPending}>
              {tr('ui.approvals.upload')}
              <span className="visually-hidden">: {pickText(item.name, lang)}</span>
            </Button>
          )}
        </FileButton>
      )}
      {upload.error ? <ErrorAlert error={upload.error} /> : null}
    </Stack>
  )
}

function DueDateForAll({ dossierId }: { dossierId: string }) {
  const tr = useT()
  const [date, setDate] = useState('')
  const set = useSetDueDate(dossierId)
  return (
    <form
      noValidate
      className="panel timeline-panel"
      onSubmit={(event) => {
        event.preventDefault()
        if (date) set.mutate({ dueDate: date })
      }}
      data-testid="due-date-form"
    >
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          type="date"
          label={tr('ui.approvals.dueForAll')}
          description={tr('ui.approvals.dueForAllHint')}
          value={date}
          onChange={(event) => setDate(event.currentTarget.value)}
        />
        <Button type="submit" disabled={!date} loading={set.isPending}>
          {tr('ui.approvals.setDue')}
        </Button>
        {set.isSuccess && (
          <Text size="sm" role="status">
            {tr('ui.approvals.dueSet', { count: set.data.changed })}
          </Text>
        )}
      </Group>
      {set.error ? <ErrorAlert error={set.error} /> : null}
    </form>
  )
}

function RecordDialog({
  dossierId,
  item,
  onClose,
}: {
  dossierId: string
  item: ApprovalDTO | null
  onClose: () => void
}) {
  const tr = useT()
  const { lang } = useLanguage()
  return (
    <Dialog
      opened={!!item}
      onClose={onClose}
      title={item ? tr('ui.approvals.recordTitle', { party: pickText(item.name, lang) }) : ''}
      size="lg"
    >
      {item && <RecordForm dossierId={dossierId} item={item} onClose={onClose} />}
    </Dialog>
  )
}

function RecordForm({
  dossierId,
  item,
  onClose,
}: {
  dossierId: string
  item: ApprovalDTO
  onClose: () => void
}) {
  const tr = useT()
  const [status, setStatus] = useState<ApprovalStatus>(item.status)
  const [note, setNote] = useState(item.note ?? '')
  const [dueDate, setDueDate] = useState(item.dueDate ?? '')
  const record = useRecordApproval(dossierId)
  const save = () => {
    record.mutate(
      {
        party: item.party,
        version: item.version,
        status,
        note: note.trim() || null,
        ...(item.policies.set_due_date && (dueDate || null) !== item.dueDate
          ? { dueDate: dueDate || null }
          : {}),
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
      data-testid="approval-form"
    >
      <Stack gap="md">
        <Select
          label={tr('ui.approvals.status')}
          data={APPROVAL_STATUSES.map((s) => ({ value: s, label: tr(`approval.status.${s}`) }))}
          value={status}
          allowDeselect={false}
          onChange={(value) => value && setStatus(value as ApprovalStatus)}
          comboboxProps={{ withinPortal: false }}
          data-autofocus
        />
        {(status === 'approved' || status === 'approved_with_reservations' || status === 'declined') &&
          (item.adReferendumPending || item.adReferendum === 'confirmed') && (
            <Text size="sm" role="note">
              {tr(status === 'declined' ? 'ui.approvals.withdrawHint' : 'ui.approvals.confirmHint')}
            </Text>
          )}
        <Textarea
          label={tr('ui.approvals.note')}
          description={tr('ui.approvals.noteHint')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={5000}
        />
        {item.policies.set_due_date && (
          <TextInput
            type="date"
            label={tr('ui.approvals.due')}
            value={dueDate}
            onChange={(event) => setDueDate(event.currentTarget.value)}
          />
        )}
        {record.error ? <ErrorAlert error={record.error} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={record.isPending}>
            {tr('ui.action.cancel')}
          </Button>
          <Button type="submit" loading={record.isPending}>
            {tr('ui.approvals.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
