/**
 * Background jobs and mail (/admin/jobs, secretariat administrators): the durable jobs —
 * counts per status, a filter by status, a sortable table (job in words, due time, status
 * with colour, symbol and word, attempts, last error) and "retry" on a failed job — and, on
 * a second tab, the outgoing mails with their delivery status.
 */
import {
  JOB_STATUSES,
  type JobDTO,
  type JobStatus,
  jobKindLabel,
  MAIL_STATUSES,
  type MailDTO,
  type MailStatus,
  notificationKindLabel,
} from '@core/api/notifications.js'
import { Alert, Button, Paper, SegmentedControl, Stack, Table, Tabs, Text, Title } from '@mantine/core'
import { type ReactNode, useMemo, useState } from 'react'
import { useJobs, useMailOutbox, useRetryJob } from '../api/notifications.js'
import { Crumbs } from '../components/Crumbs.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { PageLoader } from '../components/PageLoader.js'
import { StatusLabel, type Tone } from '../components/StatusBadges.js'
import { useLanguage, useT } from '../i18n/language.js'
import { formatDate } from '../lib/format.js'
import { useDocumentTitle } from '../lib/useDocumentTitle.js'
import '../styles/notify.css'

const JOB_LOOK: Record<JobStatus, { tone: Tone; symbol: string }> = {
  pending: { tone: 'amber', symbol: '◷' },
  running: { tone: 'navy', symbol: '▶' },
  done: { tone: 'green', symbol: '✓' },
  failed: { tone: 'red', symbol: '✕' },
  cancelled: { tone: 'grey', symbol: '⊘' },
}

const MAIL_LOOK: Record<MailStatus, { tone: Tone; symbol: string }> = {
  pending: { tone: 'amber', symbol: '◷' },
  sent: { tone: 'green', symbol: '✓' },
  failed: { tone: 'red', symbol: '✕' },
}

export function JobStatusLabel({ status }: { status: JobStatus }) {
  const tr = useT()
  const look = JOB_LOOK[status] ?? JOB_LOOK.pending
  return (
    <StatusLabel
      tone={look.tone}
      symbol={look.symbol}
      word={tr(`job.status.${status}`)}
      testId="job-status"
    />
  )
}

function MailStatusLabel({ status }: { status: MailStatus }) {
  const tr = useT()
  const look = MAIL_LOOK[status] ?? MAIL_LOOK.pending
  return (
    <StatusLabel
      tone={look.tone}
      symbol={look.symbol}
      word={tr(`mail.status.${status}`)}
      testId="mail-status"
    />
  )
}

type SortDir = 'asc' | 'desc'
interface Sort<K extends string> {
  key: K
  dir: SortDir
}

/** A column heading that sorts the table; `aria-sort` tells assistive technology the order. */
function SortableTh<K extends string>({
  label,
  column,
  sort,
  onSort,
  align,
}: {
  label: string
  column: K
  sort: Sort<K>
  onSort: (next: Sort<K>) => void
  align?: 'end'
}) {
  const tr = useT()
  const active = sort.key === column
  const ariaSort = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'
  return (
    <Table.Th scope="col" aria-sort={ariaSort} ta={align}>
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort({ key: column, dir: active && sort.dir === 'desc' ? 'asc' : 'desc' })}
        data-testid={`sort-${column}`}
      >
        {label}
        <span className="sort-button__mark" aria-hidden="true">
          {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
        {active && (
          <span className="visually-hidden">
            ({tr(sort.dir === 'asc' ? 'ui.jobs.sortAsc' : 'ui.jobs.sortDesc')})
          </span>
        )}
      </button>
    </Table.Th>
  )
}

function sortBy<T, K extends string>(
  items: T[],
  sort: Sort<K>,
  value: (item: T, key: K) => string | number,
): T[] {
  const factor = sort.dir === 'asc' ? 1 : -1
  return [...items].sort((a, b) => {
    const x = value(a, sort.key)
    const y = value(b, sort.key)
    return (x < y ? -1 : x > y ? 1 : 0) * factor
  })
}

/** Counts per status, each with its label, as a list. */
function Counts<S extends string>({
  label,
  statuses,
  counts,
  render,
}: {
  label: string
  statuses: readonly S[]
  counts: Partial<Record<S, number>>
  render: (status: S) => ReactNode
}) {
  return (
    <section aria-label={label}>
      <ul className="job-counts" data-testid="counts">
        {statuses.map((s) => (
          <li key={s} data-status={s}>
            {render(s)}
            <span className="job-counts__n">{counts[s] ?? 0}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}

type JobColumn = 'kind' | 'runAt' | 'status' | 'attempts'

function JobsTab() {
  const tr = useT()
  const { lang } = useLanguage()
  const [status, setStatus] = useState<JobStatus | null>(null)
  const [sort, setSort] = useState<Sort<JobColumn>>({ key: 'runAt', dir: 'desc' })
  const jobs = useJobs(status)
  const retry = useRetryJob()
  const [retried, setRetried] = useState<JobDTO | null>(null)
  const rows = useMemo(
    () =>
      sortBy(jobs.data?.data ?? [], sort, (j, key) =>
        key === 'kind' ? jobKindLabel(j.kind, lang) : key === 'attempts' ? j.attempts : j[key],
      ),
    [jobs.data, sort, lang],
  )

  return (
    <Stack gap="md" pt="md">
      {jobs.data && (
        <Counts
          label={tr('ui.jobs.counts')}
          statuses={JOB_STATUSES}
          counts={jobs.data.counts}
          render={(s) => <JobStatusLabel status={s} />}
        />
      )}
      <div>
        <Text fw={600} id="job-filter" mb={4}>
          {tr('ui.jobs.filter')}
        </Text>
        <SegmentedControl
          aria-labelledby="job-filter"
          value={status ?? 'all'}
          onChange={(value) => setStatus(value === 'all' ? null : (value as JobStatus))}
          data={[
            { value: 'all', label: tr('ui.jobs.filterAll') },
            ...JOB_STATUSES.map((s) => ({ value: s, label: tr(`job.status.${s}`) })),
          ]}
          data-testid="job-filter"
        />
      </div>
      {retried && (
        <Alert color="green" role="status" icon={<span aria-hidden="true">✓</span>} data-testid="job-retried">
          {tr('ui.jobs.retried', { kind: jobKindLabel(retried.kind, lang) })}
        </Alert>
      )}
      {retry.error ? <ErrorAlert error={retry.error} /> : null}
      {jobs.isPending && <PageLoader />}
      {jobs.isError && <ErrorAlert error={jobs.error} />}
      {jobs.isSuccess &&
        (rows.length === 0 ? (
          <Text>{tr('ui.jobs.empty')}</Text>
        ) : (
          <Paper className="panel">
            <Table className="responsive-table" data-testid="jobs-table" highlightOnHover captionSide="top">
              <Table.Caption>{tr('ui.jobs.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <SortableTh label={tr('ui.jobs.kind')} column="kind" sort={sort} onSort={setSort} />
                  <SortableTh label={tr('ui.jobs.runAt')} column="runAt" sort={sort} onSort={setSort} />
                  <SortableTh label={tr('ui.jobs.status')} column="status" sort={sort} onSort={setSort} />
                  <SortableTh
                    label={tr('ui.jobs.attempts')}
                    column="attempts"
                    sort={sort}
                    onSort={setSort}
                    align="end"
                  />
                  <Table.Th scope="col">{tr('ui.jobs.lastError')}</Table.Th>
                  <Table.Th scope="col">{tr('ui.jobs.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((j) => (
                  <Table.Tr key={j.id} data-testid="job-row" data-status={j.status} data-kind={j.kind}>
                    <Table.Td className="cell-main">
                      {jobKindLabel(j.kind, lang)}
                      <span className="job-kind__code">{j.kind}</span>
                    </Table.Td>
                    <Table.Td data-label={tr('ui.jobs.runAt')}>
                      <time dateTime={j.runAt}>{formatDate(j.runAt, lang, true)}</time>
                    </Table.Td>
                    <Table.Td data-label={tr('ui.jobs.status')}>
                      <JobStatusLabel status={j.status} />
                    </Table.Td>
                    <Table.Td ta="end" className="num-cell" data-label={tr('ui.jobs.attempts')}>
                      {j.attempts}
                    </Table.Td>
                    <Table.Td data-label={tr('ui.jobs.lastError')}>
                      <span className="job-error">{j.lastError ?? tr('ui.jobs.noError')}</span>
                    </Table.Td>
                    <Table.Td data-label={tr('ui.jobs.actions')}>
                      {j.status === 'failed' && (
                        <Button
                          size="xs"
                          variant="default"
                          loading={retry.isPending && retry.variables === j.id}
                          aria-label={tr('ui.jobs.retryLabel', { kind: jobKindLabel(j.kind, lang) })}
                          onClick={() => retry.mutate(j.id, { onSuccess: (res) => setRetried(res.data) })}
                          data-testid="retry"
                        >
                          {tr('ui.jobs.retry')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        ))}
    </Stack>
  )
}

type MailColumn = 'to' | 'subject' | 'status' | 'sentAt'

function mailKindLabel(kind: string, lang: 'ru' | 'en', tr: (k: string) => string): string {
  return kind === 'digest' ? tr('mail.kind.digest') : notificationKindLabel(kind, lang)
}

function MailTab() {
  const tr = useT()
  const { lang } = useLanguage()
  const [status, setStatus] = useState<MailStatus | null>(null)
  const [sort, setSort] = useState<Sort<MailColumn>>({ key: 'sentAt', dir: 'desc' })
  const mails = useMailOutbox(status)
  const rows = useMemo(
    () =>
      sortBy<MailDTO, MailColumn>(mails.data?.data ?? [], sort, (m, key) =>
        key === 'sentAt' ? (m.sentAt ?? m.createdAt) : m[key],
      ),
    [mails.data, sort],
  )
  return (
    <Stack gap="md" pt="md">
      {mails.data && (
        <Counts
          label={tr('ui.jobs.mailCounts')}
          statuses={MAIL_STATUSES}
          counts={mails.data.counts}
          render={(s) => <MailStatusLabel status={s} />}
        />
      )}
      <div>
        <Text fw={600} id="mail-filter" mb={4}>
          {tr('ui.jobs.filter')}
        </Text>
        <SegmentedControl
          aria-labelledby="mail-filter"
          value={status ?? 'all'}
          onChange={(value) => setStatus(value === 'all' ? null : (value as MailStatus))}
          data={[
            { value: 'all', label: tr('ui.jobs.filterAll') },
            ...MAIL_STATUSES.map((s) => ({ value: s, label: tr(`mail.status.${s}`) })),
          ]}
        />
      </div>
      {mails.isPending && <PageLoader />}
      {mails.isError && <ErrorAlert error={mails.error} />}
      {mails.isSuccess &&
        (rows.length === 0 ? (
          <Text>{tr('ui.jobs.mailEmpty')}</Text>
        ) : (
          <Paper className="panel">
            <Table className="responsive-table" data-testid="mail-table" highlightOnHover captionSide="top">
              <Table.Caption>{tr('ui.jobs.mailCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <SortableTh label={tr('ui.jobs.mailTo')} column="to" sort={sort} onSort={setSort} />
                  <SortableTh
                    label={tr('ui.jobs.mailSubject')}
                    column="subject"
                    sort={sort}
                    onSort={setSort}
                  />
                  <Table.Th scope="col">{tr('ui.jobs.mailKind')}</Table.Th>
                  <SortableTh label={tr('ui.jobs.mailStatus')} column="status" sort={sort} onSort={setSort} />
                  <SortableTh label={tr('ui.jobs.mailSentAt')} column="sentAt" sort={sort} onSort={setSort} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((m) => (
                  <Table.Tr key={m.id} data-testid="mail-row" data-status={m.status}>
                    <Table.Td className="cell-main">{m.to}</Table.Td>
                    <Table.Td data-label={tr('ui.jobs.mailSubject')}>
                      {m.subject}
                      {m.attachment && <span className="job-kind__code">{m.attachment}</span>}
                    </Table.Td>
                    <Table.Td data-label={tr('ui.jobs.mailKind')}>{mailKindLabel(m.kind, lang, tr)}</Table.Td>
                    <Table.Td data-label={tr('ui.jobs.mailStatus')}>
                      <MailStatusLabel status={m.status} />
                      {m.error && (
                        <span className="job-error" style={{ display: 'block' }}>
                          {m.error}
                        </span>
                      )}
                    </Table.Td>
                    <Table.Td data-label={tr('ui.jobs.mailSentAt')}>
                      {m.sentAt ? <time dateTime={m.sentAt}>{formatDate(m.sentAt, lang, true)}</time> : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        ))}
    </Stack>
  )
}

export function JobsPage() {
  const tr = useT()
  const [tab, setTab] = useState<string | null>('jobs')
  useDocumentTitle(tr('ui.product'), tr('ui.jobs.title'))
  return (
    <Stack gap="lg">
      <Crumbs items={[{ label: tr('ui.nav.dossiers'), to: '/' }, { label: tr('ui.jobs.title') }]} />
      <header>
        <Title order={1}>{tr('ui.jobs.title')}</Title>
        <Text mt="xs" maw="48rem">
          {tr('ui.jobs.intro')}
        </Text>
      </header>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="jobs" data-testid="tab-jobs">
            {tr('ui.jobs.tabJobs')}
          </Tabs.Tab>
          <Tabs.Tab value="mail" data-testid="tab-mail">
            {tr('ui.jobs.tabMail')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="jobs">
          <JobsTab />
        </Tabs.Panel>
        <Tabs.Panel value="mail">
          <MailTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
