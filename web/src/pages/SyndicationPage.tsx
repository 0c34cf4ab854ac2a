/**
 * Syndication in the newsroom (/press/syndication): the feeds the press service subscribes
 * to (another Concord's portal or any Atom/RSS source), each with its last fetch (a colour, a
 * symbol and a word), "fetch now" and "unsubscribe"; the entries of the chosen feed, each
 * republished or not; and republishing an entry under one of our rubrics with our dateline.
 */
import type { FeedEntryDTO, FeedSubscriptionDTO } from '@core/api/syndication.js'
import { pickText } from '@core/i18n/languages.js'
import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { type FormEvent, useEffect, useState } from 'react'
import { useRubrics } from '../api/news.js'
import { useMe } from '../api/queries.js'
import {
  useEntries,
  useFetchNow,
  useRepublish,
  useSubscribe,
  useSubscriptions,
  useUnsubscribe,
} from '../api/syndication.js'
import { ConfirmModal } from '../components/ConfirmModal.js'
import { Crumbs } from '../components/Crumbs.js'
import { Dialog } from '../components/Dialog.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { PageLoader } from '../components/PageLoader.js'
import { StatusLabel } from '../components/StatusBadges.js'
import { useLanguage, useT } from '../i18n/language.js'
import { formatDate } from '../lib/format.js'
import { useDocumentTitle } from '../lib/useDocumentTitle.js'

/** The zone of the browser: the republished item's publication time is shown in it. */
function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
  } catch {
    return 'UTC'
  }
}

function FetchStatus({ s }: { s: FeedSubscriptionDTO }) {
  const tr = useT()
  const { lang } = useLanguage()
  if (s.lastError)
    return (
      <>
        <StatusLabel tone="red" symbol="✕" word={tr('syndication.status.error')} testId="fetch-status" />
        <Text size="sm" className="job-error" mt={4}>
          {tr('syndication.lastError', { error: s.lastError })}
        </Text>
      </>
    )
  if (!s.lastFetchedAt)
    return <StatusLabel tone="amber" symbol="◷" word={tr('syndication.neverFetched')} testId="fetch-status" />
  return (
    <>
      <StatusLabel tone="green" symbol="✓" word={tr('syndication.status.ok')} testId="fetch-status" />
      <Text size="sm" c="dimmed" mt={4}>
        {tr('syndication.lastFetched', { at: formatDate(s.lastFetchedAt, lang, true) })}
      </Text>
    </>
  )
}

function SubscribeForm({ onDone }: { onDone: (id: string) => void }) {
  const tr = useT()
  const { lang } = useLanguage()
  const rubrics = useRubrics()
  const subscribe = useSubscribe()
  const [url, setUrl] = useState('')
  const [title, setTitle] = useState('')
  const [sourceName, setSourceName] = useState('')
  const [rubricId, setRubricId] = useState<string | null>(null)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    subscribe.mutate(
      {
        url: url.trim(),
        sourceName: sourceName.trim(),
        ...(title.trim() ? { title: title.trim() } : {}),
        rubricId,
      },
      {
        onSuccess: (res) => {
          setUrl('')
          setTitle('')
          setSourceName('')
          onDone(res.data.id)
        },
      },
    )
  }
  return (
    <Paper className="panel" p="md" component="section" aria-labelledby="subscribe-heading">
      <form onSubmit={submit} data-testid="subscribe-form">
        <Stack gap="sm">
          <Title order={2} id="subscribe-heading" size="h3">
            {tr('syndication.add')}
          </Title>
          <TextInput
            label={tr('syndication.url')}
            type="url"
            required
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            placeholder="https://…/portal/cis/ru/atom.xml"
            data-testid="subscription-url"
          />
          <TextInput
            label={tr('syndication.sourceName')}
            description={tr('syndication.sourceNameHint')}
            required
            value={sourceName}
            onChange={(e) => setSourceName(e.currentTarget.value)}
            data-testid="subscription-source"
          />
          <Group grow align="flex-start">
            <TextInput
              label={tr('syndication.feedTitle')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
            />
            <Select
              label={tr('syndication.defaultRubric')}
              placeholder={tr('syndication.noRubric')}
              clearable
              value={rubricId}
              onChange={setRubricId}
              data={(rubrics.data?.data ?? []).map((r) => ({ value: r.id, label: pickText(r.name, lang) }))}
            />
          </Group>
          {subscribe.error ? <ErrorAlert error={subscribe.error} /> : null}
          <Group>
            <Button type="submit" loading={subscribe.isPending} data-testid="subscribe">
              {tr('syndication.subscribe')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}

function RepublishDialog({
  entry,
  subscription,
  onClose,
}: {
  entry: FeedEntryDTO | null
  subscription: FeedSubscriptionDTO
  onClose: () => void
}) {
  const tr = useT()
  const { lang } = useLanguage()
  const rubrics = useRubrics()
  const republish = useRepublish(subscription.id)
  const [rubricId, setRubricId] = useState<string | null>(subscription.rubricId)
  const [city, setCity] = useState('')
  const [title, setTitle] = useState('')
  const [lead, setLead] = useState('')
  const [language, setLanguage] = useState<string | null>(null)
  useEffect(() => {
    if (!entry) return
    setTitle(entry.title)
    setLead(entry.summary ?? '')
    setRubricId(subscription.rubricId)
    setLanguage(entry.language && ['ru', 'en', 'tg'].includes(entry.language) ? entry.language : null)
    republish.reset()
  }, [entry, subscription.rubricId, republish.reset])
  if (!entry) return null
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!rubricId) return
    republish.mutate(
      {
        entryId: entry.id,
        input: {
          rubricId,
          datelineCity: city.trim(),
          title: title.trim(),
          lead: lead.trim(),
          timezone: browserZone(),
          ...(language ? { language: language as 'ru' | 'en' | 'tg' } : {}),
        },
      },
      { onSuccess: onClose },
    )
  }
  return (
    <Dialog opened={!!entry} onClose={onClose} title={tr('syndication.republishTitle')} size="lg" centered>
      <form onSubmit={submit} data-testid="republish-form">
        <Stack gap="sm">
          <Select
            label={tr('syndication.rubric')}
            required
            value={rubricId}
            onChange={setRubricId}
            data={(rubrics.data?.data ?? []).map((r) => ({ value: r.id, label: pickText(r.name, lang) }))}
            data-testid="republish-rubric"
          />
          <TextInput
            label={tr('syndication.datelineCity')}
            description={tr('syndication.datelineCityHint')}
            required
            value={city}
            onChange={(e) => setCity(e.currentTarget.value)}
            data-testid="republish-city"
          />
          <Select
            label={tr('syndication.language')}
            required
            value={language}
            onChange={setLanguage}
            data={(['ru', 'tg', 'en'] as const).map((l) => ({
              value: l,
              label: tr(`syndication.languageName.${l}`),
            }))}
          />
          <TextInput
            label={tr('syndication.titleOverride')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Textarea
            label={tr('syndication.leadOverride')}
            autosize
            minRows={2}
            value={lead}
            onChange={(e) => setLead(e.currentTarget.value)}
          />
          <Text size="sm">{tr('syndication.attributionPreview', { source: subscription.sourceName })}</Text>
          {republish.error ? <ErrorAlert error={republish.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={republish.isPending}>
              {tr('syndication.cancel')}
            </Button>
            <Button
              type="submit"
              loading={republish.isPending}
              disabled={!rubricId}
              data-testid="republish-submit"
            >
              {tr('syndication.publish')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}

function Entries({ subscription, polling }: { subscription: FeedSubscriptionDTO; polling: boolean }) {
  const tr = useT()
  const { lang } = useLanguage()
  const entries = useEntries(subscription.id, polling)
  const [republishing, setRepublishing] = useState<FeedEntryDTO | null>(null)
  const canRepublish = entries.data?.policies.republish ?? false
  return (
    <section aria-labelledby="entries-heading">
      <Title order={2} id="entries-heading" size="h3" mb="sm">
        {tr('syndication.entries', { title: subscription.title })}
      </Title>
      {entries.isPending && <PageLoader />}
      {entries.isError && <ErrorAlert error={entries.error} />}
      {entries.isSuccess &&
        (entries.data.data.length === 0 ? (
          <Text>{tr('syndication.noEntries')}</Text>
        ) : (
          <Paper className="panel">
            <Table className="responsive-table" data-testid="entries-table" captionSide="top">
              <Table.Caption className="visually-hidden">
                {tr('syndication.entries', { title: subscription.title })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{tr('syndication.col.entry')}</Table.Th>
                  <Table.Th scope="col">{tr('syndication.col.published')}</Table.Th>
                  <Table.Th scope="col">{tr('syndication.col.state')}</Table.Th>
                  <Table.Th scope="col">{tr('syndication.col.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.data.data.map((e) => (
                  <Table.Tr key={e.id} data-testid="entry-row">
                    <Table.Td className="cell-main">
                      <Text fw={600} lang={e.language ?? undefined}>
                        {e.title}
                      </Text>
                      <Anchor href={e.link} target="_blank" rel="noopener noreferrer" size="sm">
                        {tr('syndication.openSource')}
                      </Anchor>
                    </Table.Td>
                    <Table.Td data-label={tr('syndication.col.published')}>
                      {e.publishedAt ? (
                        <time dateTime={e.publishedAt}>{formatDate(e.publishedAt, lang, true)}</time>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td data-label={tr('syndication.col.state')}>
                      {e.republished ? (
                        <>
                          <StatusLabel
                            tone="green"
                            symbol="✓"
                            word={tr('syndication.republished')}
                            testId="entry-state"
                          />
                          <Anchor
                            href={e.republished.publicPath}
                            size="sm"
                            display="block"
                            data-testid="entry-public"
                          >
                            {tr('syndication.republishedOpen')}
                          </Anchor>
                        </>
                      ) : (
                        <StatusLabel
                          tone="grey"
                          symbol="○"
                          word={tr('syndication.notRepublished')}
                          testId="entry-state"
                        />
                      )}
                    </Table.Td>
                    <Table.Td data-label={tr('syndication.col.actions')}>
                      {!e.republished && canRepublish && (
                        <Button
                          size="xs"
                          onClick={() => setRepublishing(e)}
                          aria-label={tr('syndication.republishLabel', { title: e.title })}
                          data-testid="republish"
                        >
                          {tr('syndication.republish')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        ))}
      <RepublishDialog
        entry={republishing}
        subscription={subscription}
        onClose={() => setRepublishing(null)}
      />
    </section>
  )
}

export function SyndicationPage() {
  const tr = useT()
  const me = useMe().data?.data
  const subs = useSubscriptions()
  const fetchNow = useFetchNow()
  const unsubscribe = useUnsubscribe()
  const [selected, setSelected] = useState<string | null>(null)
  const [queued, setQueued] = useState<string | null>(null)
  const [removing, setRemoving] = useState<FeedSubscriptionDTO | null>(null)
  useDocumentTitle(tr('ui.product'), tr('syndication.title'))
  const list = subs.data?.data ?? []
  const current = list.find((s) => s.id === selected) ?? list[0] ?? null
  const canManage = subs.data?.policies.create ?? false
  const due = (s: FeedSubscriptionDTO) => !!s.nextFetchAt && Date.parse(s.nextFetchAt) <= Date.now() + 5_000

  return (
    <Stack gap="lg">
      <Crumbs items={[{ label: tr('syndication.back'), to: '/press' }, { label: tr('syndication.title') }]} />
      <header>
        <Title order={1}>{tr('syndication.title')}</Title>
        <Text mt="xs" maw="48rem">
          {tr('syndication.intro')}
        </Text>
      </header>
      {me && canManage && <SubscribeForm onDone={setSelected} />}
      <section aria-labelledby="subscriptions-heading">
        <Title order={2} id="subscriptions-heading" size="h3" mb="sm">
          {tr('syndication.subscriptions')}
        </Title>
        {queued && (
          <Alert
            color="blue"
            role="status"
            icon={<span aria-hidden="true">◷</span>}
            mb="sm"
            data-testid="fetch-queued"
          >
            {tr('syndication.fetchQueued')}
          </Alert>
        )}
        {fetchNow.error ? <ErrorAlert error={fetchNow.error} /> : null}
        {subs.isPending && <PageLoader />}
        {subs.isError && <ErrorAlert error={subs.error} />}
        {subs.isSuccess &&
          (list.length === 0 ? (
            <Text>{tr('syndication.none')}</Text>
          ) : (
            <Paper className="panel">
              <Table className="responsive-table" data-testid="subscriptions-table" captionSide="top">
                <Table.Caption className="visually-hidden">{tr('syndication.subscriptions')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{tr('syndication.col.feed')}</Table.Th>
                    <Table.Th scope="col">{tr('syndication.col.source')}</Table.Th>
                    <Table.Th scope="col">{tr('syndication.col.status')}</Table.Th>
                    <Table.Th scope="col" ta="end">
                      {tr('syndication.col.entries')}
                    </Table.Th>
                    <Table.Th scope="col">{tr('syndication.col.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((s) => (
                    <Table.Tr
                      key={s.id}
                      data-testid="subscription-row"
                      aria-current={current?.id === s.id ? 'true' : undefined}
                      className={current?.id === s.id ? 'row-current' : undefined}
                    >
                      <Table.Td className="cell-main">
                        <Anchor component="button" type="button" fw={600} onClick={() => setSelected(s.id)}>
                          {s.title}
                        </Anchor>
                        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                          {s.url}
                        </Text>
                      </Table.Td>
                      <Table.Td data-label={tr('syndication.col.source')}>{s.sourceName}</Table.Td>
                      <Table.Td data-label={tr('syndication.col.status')}>
                        <FetchStatus s={s} />
                      </Table.Td>
                      <Table.Td ta="end" className="num-cell" data-label={tr('syndication.col.entries')}>
                        {s.entryCount}
                      </Table.Td>
                      <Table.Td data-label={tr('syndication.col.actions')}>
                        <Group gap="xs">
                          <Button size="xs" variant="default" onClick={() => setSelected(s.id)}>
                            {tr('syndication.showEntries')}
                          </Button>
                          {canManage && (
                            <>
                              <Button
                                size="xs"
                                variant="default"
                                loading={
                                  (fetchNow.isPending && fetchNow.variables === s.id) ||
                                  (queued === s.id && due(s))
                                }
                                onClick={() =>
                                  fetchNow.mutate(s.id, {
                                    onSuccess: () => {
                                      setQueued(s.id)
                                      setSelected(s.id)
                                    },
                                  })
                                }
                                aria-label={tr('syndication.fetchNowLabel', { title: s.title })}
                                data-testid="fetch-now"
                              >
                                {tr('syndication.fetchNow')}
                              </Button>
                              <Button
                                size="xs"
                                variant="default"
                                color="red"
                                onClick={() => setRemoving(s)}
                                aria-label={tr('syndication.unsubscribeLabel', { title: s.title })}
                              >
                                {tr('syndication.unsubscribe')}
                              </Button>
                            </>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          ))}
      </section>
      {current && <Entries subscription={current} polling={due(current)} />}
      <ConfirmModal
        opened={!!removing}
        title={tr('syndication.unsubscribe')}
        confirmLabel={tr('syndication.unsubscribe')}
        danger
        busy={unsubscribe.isPending}
        error={unsubscribe.error}
        onClose={() => {
          setRemoving(null)
          unsubscribe.reset()
        }}
        onConfirm={() =>
          removing &&
          unsubscribe.mutate(
            { id: removing.id, version: removing.version },
            {
              onSuccess: () => {
                if (selected === removing.id) setSelected(null)
                setRemoving(null)
              },
            },
          )
        }
      >
        {removing ? tr('syndication.unsubscribeConfirm', { title: removing.title }) : ''}
      </ConfirmModal>
    </Stack>
  )
}
