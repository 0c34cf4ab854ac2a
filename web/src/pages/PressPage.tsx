/**
 * The press service's newsroom: the items by state (drafts, in review, published, archived —
 * each with its count), filtered by language, rubric or words; each with its language
 * versions, its date and what holds it (a planned publication, an embargo). A new item is
 * started here (or from a meeting's page); the rubrics are kept here too.
 */
import { NEWS_LANGUAGES, NEWS_STATUSES, type NewsLang, type NewsStatus } from '@core/api/news.js'
import { pickText } from '@core/i18n/languages.js'
import {
  Anchor,
  Button,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { api } from '../api/client.js'
import { useCreateRubric, useNewsList, useRubrics } from '../api/news.js'
import { useMe } from '../api/queries.js'
import { Dialog } from '../components/Dialog.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { PageLoader } from '../components/PageLoader.js'
import { EmbargoBadge, NewsStatusBadge, ScheduledBadge, statusSymbol } from '../components/press/badges.js'
import '../components/press/press.css'
import type { NewsItemDTO } from '@core/api/news.js'
import type { Envelope } from '@core/api/types.js'
import { useLanguage, useT } from '../i18n/language.js'
import { formatDate } from '../lib/format.js'
import { DEFAULT_TIMEZONE } from '../lib/time.js'
import { useDocumentTitle } from '../lib/useDocumentTitle.js'

type StatusFilter = NewsStatus | 'all'

export function PressPage() {
  const tr = useT()
  const { lang } = useLanguage()
  const me = useMe().data?.data
  const [status, setStatus] = useState<StatusFilter>('all')
  const [language, setLanguage] = useState<NewsLang | null>(null)
  const [rubricId, setRubricId] = useState<string | null>(null)
  const [q, setQ] = useState('')
  const [creating, setCreating] = useState(false)
  const [rubricsOpen, setRubricsOpen] = useState(false)
  const list = useNewsList({
    status: status === 'all' ? undefined : status,
    language: language ?? undefined,
    rubricId: rubricId ?? undefined,
    q: q.trim() || undefined,
  })
  const rubrics = useRubrics()
  useDocumentTitle(tr('ui.product'), tr('press.ui.title'))

  const counts = list.data?.counts
  const total = counts ? NEWS_STATUSES.reduce((n, s) => n + counts[s], 0) : 0
  const items = list.data?.data ?? []
  const mayCreate = !!list.data?.policies.create

  return (
    <Stack gap="xl">
      <header>
        <Text className="page-kicker">{me?.secretariatOf ? pickText(me.secretariatOf.name, lang) : ''}</Text>
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <div>
            <Title order={1} mt={6}>
              {tr('press.ui.title')}
            </Title>
            <Text c="dimmed" mt={4} maw="48rem">
              {tr('press.ui.intro')}
            </Text>
          </div>
          {mayCreate && (
            <Group gap="sm">
              <Button variant="default" component={Link} to="/press/syndication">
                {tr('syndication.title')}
              </Button>
              <Button variant="default" onClick={() => setRubricsOpen(true)}>
                {tr('press.ui.rubrics')}
              </Button>
              <Button onClick={() => setCreating(true)} data-testid="news-new">
                {tr('press.ui.new')}
              </Button>
            </Group>
          )}
        </Group>
      </header>

      <section aria-label={tr('press.ui.filters')} className="no-print">
        <Stack gap="sm">
          <SegmentedControl
            value={status}
            onChange={(v) => setStatus(v as StatusFilter)}
            aria-label={tr('press.ui.filter.status')}
            data={[
              { value: 'all', label: `${tr('press.ui.filter.all')} (${total})` },
              ...NEWS_STATUSES.map((s) => ({
                value: s,
                label: `${statusSymbol(s)} ${tr(`press.ui.filter.${s}`)} (${counts?.[s] ?? 0})`,
              })),
            ]}
            style={{ flexWrap: 'wrap' }}
            data-testid="news-status-filter"
          />
          <Group gap="sm" wrap="wrap" align="flex-end">
            <Select
              label={tr('press.ui.filter.language')}
              data={NEWS_LANGUAGES.map((l) => ({ value: l, label: tr(`press.language.${l}`) }))}
              value={language}
              onChange={(v) => setLanguage(v as NewsLang | null)}
              clearable
              placeholder={tr('press.ui.filter.anyLanguage')}
              w={200}
            />
            <Select
              label={tr('press.ui.filter.rubric')}
              data={(rubrics.data?.data ?? []).map((r) => ({ value: r.id, label: pickText(r.name, lang) }))}
              value={rubricId}
              onChange={setRubricId}
              clearable
              placeholder={tr('press.ui.filter.anyRubric')}
              w={240}
            />
            <TextInput
              label={tr('press.ui.filter.search')}
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              type="search"
              w={280}
            />
          </Group>
        </Stack>
      </section>

      {list.isPending && <PageLoader />}
      {list.isError && <ErrorAlert error={list.error} />}
      {list.isSuccess && items.length === 0 && <Text>{tr('press.ui.empty')}</Text>}
      {items.length > 0 && (
        <div className="panel">
          <Table highlightOnHover className="responsive-table" aria-label={tr('press.ui.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{tr('press.ui.col.title')}</Table.Th>
                <Table.Th scope="col" w="10%">
                  {tr('press.ui.col.language')}
                </Table.Th>
                <Table.Th scope="col" w="14%">
                  {tr('press.ui.col.rubric')}
                </Table.Th>
                <Table.Th scope="col" w="18%">
                  {tr('press.ui.col.state')}
                </Table.Th>
                <Table.Th scope="col" w="14%">
                  {tr('press.ui.col.date')}
                </Table.Th>
                <Table.Th scope="col" w="14%">
                  {tr('press.ui.col.versions')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((n) => (
                <Table.Tr key={n.id} data-testid="news-row">
                  <Table.Td className="cell-main">
                    <Anchor
                      component={Link}
                      to={`/press/items/${n.id}`}
                      className="table-link"
                      lang={n.language}
                    >
                      {n.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td data-label={tr('press.ui.col.language')}>
                    {tr(`press.language.${n.language}`)}
                  </Table.Td>
                  <Table.Td data-label={tr('press.ui.col.rubric')}>
                    {n.rubric ? pickText(n.rubric.name, lang) : '—'}
                  </Table.Td>
                  <Table.Td data-label={tr('press.ui.col.state')}>
                    <Stack gap={4} align="flex-start">
                      <NewsStatusBadge status={n.status} />
                      {n.scheduledAt && <ScheduledBadge at={n.scheduledAt} timezone={n.timezone} />}
                      {n.embargoed && n.status !== 'published' && <EmbargoBadge />}
                    </Stack>
                  </Table.Td>
                  <Table.Td className="num-cell" data-label={tr('press.ui.col.date')}>
                    <time dateTime={n.publishedAt ?? n.updatedAt}>
                      {formatDate(n.publishedAt ?? n.updatedAt, lang)}
                    </time>
                  </Table.Td>
                  <Table.Td data-label={tr('press.ui.col.versions')}>
                    {n.translations.length === 0
                      ? '—'
                      : n.translations.map((t, i) => (
                          <span key={t.id}>
                            {i > 0 && ', '}
                            <Anchor component={Link} to={`/press/items/${t.id}`} size="sm">
                              {t.language.toUpperCase()}
                            </Anchor>{' '}
                            <span aria-hidden="true">{statusSymbol(t.status)}</span>
                            <span className="visually-hidden">({tr(`press.status.${t.status}`)})</span>
                          </span>
                        ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}

      <NewItemDialog opened={creating} onClose={() => setCreating(false)} />
      <RubricsDialog opened={rubricsOpen} onClose={() => setRubricsOpen(false)} />
    </Stack>
  )
}

function NewItemDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const tr = useT()
  const navigate = useNavigate()
  const [language, setLanguage] = useState<NewsLang>('ru')
  const [title, setTitle] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  async function create() {
    setBusy(true)
    setError(null)
    try {
      const res = await api<Envelope<NewsItemDTO>>('/api/news', {
        method: 'POST',
        body: { language, title: title.trim(), timezone: DEFAULT_TIMEZONE },
      })
      navigate(`/press/items/${res.data.id}`)
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Dialog opened={opened} onClose={onClose} title={tr('press.ui.new')} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (title.trim()) void create()
        }}
      >
        <Stack gap="sm">
          <Select
            label={tr('press.ui.field.language')}
            data={NEWS_LANGUAGES.map((l) => ({ value: l, label: tr(`press.language.${l}`) }))}
            value={language}
            onChange={(v) => v && setLanguage(v as NewsLang)}
            allowDeselect={false}
          />
          <TextInput
            label={tr('press.ui.field.title')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            data-autofocus
          />
          {error ? <ErrorAlert error={error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {tr('ui.action.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={!title.trim()}>
              {tr('press.ui.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}

function RubricsDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const tr = useT()
  const { lang } = useLanguage()
  const rubrics = useRubrics()
  const create = useCreateRubric()
  const [slug, setSlug] = useState('')
  const [ru, setRu] = useState('')
  const [tg, setTg] = useState('')
  const [en, setEn] = useState('')
  return (
    <Dialog opened={opened} onClose={onClose} title={tr('press.ui.rubrics')} centered size="lg">
      <Stack gap="md">
        <ul style={{ margin: 0, paddingLeft: '1.25rem' }}>
          {(rubrics.data?.data ?? []).map((r) => (
            <li key={r.id}>
              {pickText(r.name, lang)}{' '}
              <Text span c="dimmed" size="sm">
                /{r.slug}
              </Text>
            </li>
          ))}
        </ul>
        <form
          onSubmit={(e) => {
            e.preventDefault()
            const name = Object.fromEntries(
              Object.entries({ ru, tg, en })
                .filter(([, v]) => v.trim())
                .map(([k, v]) => [k, v.trim()]),
            )
            create.mutate(
              { slug: slug.trim(), name },
              {
                onSuccess: () => {
                  setSlug('')
                  setRu('')
                  setTg('')
                  setEn('')
                },
              },
            )
          }}
        >
          <Stack gap="sm">
            <Title order={3} size="h4">
              {tr('press.ui.rubric.add')}
            </Title>
            <TextInput
              label={tr('press.ui.rubric.slug')}
              description={tr('press.ui.rubric.slugHint')}
              required
              value={slug}
              onChange={(e) => setSlug(e.currentTarget.value)}
            />
            <TextInput
              label={tr('press.ui.rubric.nameRu')}
              required
              value={ru}
              onChange={(e) => setRu(e.currentTarget.value)}
              lang="ru"
            />
            <TextInput
              label={tr('press.ui.rubric.nameTg')}
              value={tg}
              onChange={(e) => setTg(e.currentTarget.value)}
              lang="tg"
            />
            <TextInput
              label={tr('press.ui.rubric.nameEn')}
              value={en}
              onChange={(e) => setEn(e.currentTarget.value)}
              lang="en"
            />
            {create.error ? <ErrorAlert error={create.error} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {tr('press.ui.close')}
              </Button>
              <Button type="submit" loading={create.isPending} disabled={!slug.trim() || !ru.trim()}>
                {tr('press.ui.rubric.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Dialog>
  )
}
