/**
 * One news item in the newsroom: its state and language versions at the top, the embargo with
 * its reason, the moves of its state (each confirmed); then the text (title, address, lead,
 * body in rich text), the photo with its alternative text, caption and credit, the rubric and
 * tags, the dateline, time zone and source, and the document it waits for; the language
 * versions side by side; and the preview of the public page.
 */
import type { NewsItemDTO, UpdateNewsRequest } from '@core/api/news.js'
import { pickText } from '@core/i18n/languages.js'
import {
  Alert,
  Anchor,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { useEffect, useMemo, useState } from 'react'
import { Link, useParams } from 'react-router'
import { newsPath, useEmbargoDocuments, useNewsItem, useNewsWrite, useRubrics } from '../api/news.js'
import { Crumbs } from '../components/Crumbs.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { PageLoader } from '../components/PageLoader.js'
import { BodyEditor } from '../components/press/BodyEditor.js'
import { EmbargoBadge, NewsStatusBadge, ScheduledBadge, statusSymbol } from '../components/press/badges.js'
import { NewsPreview } from '../components/press/NewsPreview.js'
import { PhotoField, type PhotoValue } from '../components/press/PhotoField.js'
import { StateActions } from '../components/press/StateActions.js'
import { TranslationsPanel } from '../components/press/TranslationsPanel.js'
import '../components/press/press.css'
import { useLanguage, useT } from '../i18n/language.js'
import { formatDate } from '../lib/format.js'
import { zoneLabel } from '../lib/negotiation.js'
import { ROUND_TIMEZONES } from '../lib/time.js'
import { useDocumentTitle } from '../lib/useDocumentTitle.js'

interface FormState {
  title: string
  slug: string
  lead: string
  body: string
  rubricId: string | null
  tags: string[]
  photo: PhotoValue
  sourceName: string
  sourceUrl: string
  datelineCity: string
  datelineDate: string
  timezone: string
  embargoDocumentId: string | null
}

function formOf(item: NewsItemDTO): FormState {
  return {
    title: item.title,
    slug: item.slug,
    lead: item.lead,
    body: item.body,
    rubricId: item.rubric?.id ?? null,
    tags: item.tags,
    photo: {
      mediaId: item.photo?.mediaId ?? null,
      alt: item.photo?.alt ?? '',
      caption: item.photo?.caption ?? '',
      credit: item.photo?.credit ?? '',
    },
    sourceName: item.sourceName ?? '',
    sourceUrl: item.sourceUrl ?? '',
    datelineCity: item.datelineCity ?? '',
    datelineDate: item.datelineDate ?? '',
    timezone: item.timezone,
    embargoDocumentId: item.embargo?.documentId ?? null,
  }
}

const orNull = (s: string) => (s.trim() ? s.trim() : null)

/** The fields that differ from the saved item, as the PATCH body. */
function changes(form: FormState, item: NewsItemDTO): UpdateNewsRequest {
  const saved = formOf(item)
  const out: UpdateNewsRequest = {}
  if (form.title !== saved.title) out.title = form.title
  if (form.slug !== saved.slug) out.slug = form.slug
  if (form.lead !== saved.lead) out.lead = form.lead
  if (form.body !== saved.body) out.body = form.body
  if (form.rubricId !== saved.rubricId) out.rubricId = form.rubricId
  if (JSON.stringify(form.tags) !== JSON.stringify(saved.tags)) out.tags = form.tags
  const photo = form.photo
  if (JSON.stringify(photo) !== JSON.stringify(saved.photo)) {
    out.photoMediaId = photo.mediaId
    if (photo.mediaId) {
      out.photoAlt = orNull(photo.alt)
      out.photoCaption = orNull(photo.caption)
      out.photoCredit = orNull(photo.credit)
    }
  }
  if (form.sourceName !== saved.sourceName) out.sourceName = orNull(form.sourceName)
  if (form.sourceUrl !== saved.sourceUrl) out.sourceUrl = orNull(form.sourceUrl)
  if (form.datelineCity !== saved.datelineCity) out.datelineCity = orNull(form.datelineCity)
  if (form.datelineDate !== saved.datelineDate) out.datelineDate = form.datelineDate || null
  if (form.timezone !== saved.timezone) out.timezone = form.timezone
  if (form.embargoDocumentId !== saved.embargoDocumentId) out.embargoDocumentId = form.embargoDocumentId
  return out
}

export function NewsEditorPage() {
  const { id = '' } = useParams()
  const tr = useT()
  const query = useNewsItem(id)
  const item = query.data?.data
  useDocumentTitle(tr('ui.product'), item?.title ?? tr('press.ui.title'))

  if (query.isPending) return <PageLoader />
  if (!item || !query.data) return <ErrorAlert error={query.error} />
  // A fresh form for each item (the language versions are separate pages).
  return <Editor key={item.id} item={item} policies={query.data.policies} />
}

function Editor({ item, policies }: { item: NewsItemDTO; policies: Record<string, boolean> }) {
  const tr = useT()
  const { lang } = useLanguage()
  const [form, setForm] = useState<FormState>(() => formOf(item))
  const [tab, setTab] = useState<string | null>('edit')
  const rubrics = useRubrics()
  const documents = useEmbargoDocuments()
  const mayEdit = !!policies.update
  const diff = useMemo(() => changes(form, item), [form, item])
  const dirty = Object.keys(diff).length > 0

  // A save (here or in the translations' column) brings a new version: start from it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new version resets the form
  useEffect(() => {
    setForm(formOf(item))
  }, [item.version])

  const save = useNewsWrite(() => ({
    path: newsPath(item.id),
    method: 'PATCH',
    body: { version: item.version, ...diff },
  }))
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }))
  const altMissing = !!form.photo.mediaId && !form.photo.alt.trim()
  const rubricName = (rid: string | null) => {
    const r = rubrics.data?.data.find((x) => x.id === rid)
    return r ? pickText(r.name, item.language) : null
  }
  const zones = [...new Set([...ROUND_TIMEZONES, item.timezone])]

  return (
    <Stack gap="lg">
      <Crumbs items={[{ label: tr('press.ui.title'), to: '/press' }, { label: item.title }]} />
      <header>
        <Text className="page-kicker">
          {tr('press.ui.kicker', { language: tr(`press.language.${item.language}`) })}
        </Text>
        <Title order={1} mt={6} maw="56rem" lang={item.language}>
          {item.title}
        </Title>
        <Group gap="sm" mt="sm" wrap="wrap">
          <NewsStatusBadge status={item.status} testId="news-status" />
          {item.scheduledAt && <ScheduledBadge at={item.scheduledAt} timezone={item.timezone} />}
          {item.embargo && !item.embargo.lifted && <EmbargoBadge />}
          {item.publishedAt && (
            <Text size="sm" c="dimmed">
              {tr('press.ui.publishedAt', { when: formatDate(item.publishedAt, lang, true) })}
            </Text>
          )}
        </Group>
        <nav aria-label={tr('press.ui.versions')} style={{ marginTop: '0.75rem' }}>
          <Group gap="md" wrap="wrap">
            <Text size="sm" fw={600} component="span">
              {tr('press.ui.versions')}:
            </Text>
            {item.translations.map((v) =>
              v.id === item.id ? (
                <Text key={v.id} size="sm" component="span" aria-current="page" fw={700}>
                  {tr(`press.language.${v.language}`)}{' '}
                  <span aria-hidden="true">{statusSymbol(v.status)}</span>
                </Text>
              ) : (
                <Anchor
                  key={v.id}
                  component={Link}
                  to={`/press/items/${v.id}`}
                  size="sm"
                  data-testid={`version-${v.language}`}
                >
                  {tr(`press.language.${v.language}`)}{' '}
                  <span aria-hidden="true">{statusSymbol(v.status)}</span>{' '}
                  <span className="visually-hidden">({tr(`press.status.${v.status}`)})</span>
                </Anchor>
              ),
            )}
          </Group>
        </nav>
      </header>

      {item.embargo && (
        <Alert
          color={item.embargo.lifted ? 'navy' : 'red'}
          variant="light"
          title={item.embargo.lifted ? tr('press.ui.embargo.lifted') : tr('press.ui.embargo')}
          data-testid="news-embargo"
        >
          {item.embargo.lifted
            ? tr(`press.ui.embargo.state.${item.embargo.state}`, {
                document: pickText(item.embargo.title, lang),
                reference: item.embargo.dossierReference,
              })
            : tr('press.ui.embargo.pending', {
                document: pickText(item.embargo.title, lang),
                reference: item.embargo.dossierReference,
                reason: item.embargo.reason ?? '',
              })}
        </Alert>
      )}
      {item.scheduledAt && Date.parse(item.scheduledAt) < Date.now() && item.status === 'in_review' && (
        <Alert color="red" variant="light" role="status">
          {tr('press.ui.scheduleHeld')}
        </Alert>
      )}

      <StateActions item={item} policies={policies} dirty={dirty} />

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="edit">{tr('press.ui.tab.edit')}</Tabs.Tab>
          <Tabs.Tab value="translations" data-testid="tab-translations">
            {tr('press.ui.tab.translations')}
          </Tabs.Tab>
          <Tabs.Tab value="preview" data-testid="tab-preview">
            {tr('press.ui.tab.preview')}
          </Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="edit" pt="lg">
          <form
            onSubmit={(e) => {
              e.preventDefault()
              if (dirty && !altMissing) save.mutate()
            }}
          >
            <Stack gap="xl">
              <section aria-labelledby="text-heading">
                <Title order={2} id="text-heading" size="h3" mb="sm">
                  {tr('press.ui.section.text')}
                </Title>
                <Stack gap="sm">
                  <TextInput
                    label={tr('press.ui.field.title')}
                    required
                    value={form.title}
                    onChange={(e) => set('title', e.currentTarget.value)}
                    lang={item.language}
                    disabled={!mayEdit}
                    data-testid="field-title"
                  />
                  <TextInput
                    label={tr('press.ui.field.slug')}
                    description={tr('press.ui.field.slugHint', { path: item.publicPath })}
                    value={form.slug}
                    onChange={(e) => set('slug', e.currentTarget.value)}
                    disabled={!mayEdit}
                  />
                  <Textarea
                    label={tr('press.ui.field.lead')}
                    description={tr('press.ui.field.leadHint')}
                    value={form.lead}
                    onChange={(e) => set('lead', e.currentTarget.value)}
                    autosize
                    minRows={3}
                    lang={item.language}
                    disabled={!mayEdit}
                    data-testid="field-lead"
                  />
                  <BodyEditor
                    label={tr('press.ui.field.body')}
                    value={form.body}
                    onChange={(html) => set('body', html)}
                    lang={item.language}
                    disabled={!mayEdit}
                    testId="field-body"
                  />
                </Stack>
              </section>

              <section aria-labelledby="photo-heading">
                <Title order={2} id="photo-heading" size="h3" mb="sm">
                  {tr('press.ui.section.photo')}
                </Title>
                <PhotoField
                  value={form.photo}
                  onChange={(photo) => set('photo', photo)}
                  disabled={!mayEdit}
                  altMissing={altMissing}
                />
              </section>

              <section aria-labelledby="release-heading">
                <Title order={2} id="release-heading" size="h3" mb="sm">
                  {tr('press.ui.section.release')}
                </Title>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <Select
                    label={tr('press.ui.field.rubric')}
                    data={(rubrics.data?.data ?? []).map((r) => ({
                      value: r.id,
                      label: pickText(r.name, lang),
                    }))}
                    value={form.rubricId}
                    onChange={(v) => set('rubricId', v)}
                    clearable
                    placeholder={tr('press.ui.field.noRubric')}
                    disabled={!mayEdit}
                    data-testid="field-rubric"
                  />
                  <TagsInput
                    label={tr('press.ui.field.tags')}
                    description={tr('press.ui.field.tagsHint')}
                    value={form.tags}
                    onChange={(v) => set('tags', v)}
                    disabled={!mayEdit}
                  />
                  <TextInput
                    label={tr('press.ui.field.datelineCity')}
                    description={tr('press.ui.field.datelineHint')}
                    value={form.datelineCity}
                    onChange={(e) => set('datelineCity', e.currentTarget.value)}
                    disabled={!mayEdit}
                  />
                  <TextInput
                    type="date"
                    label={tr('press.ui.field.datelineDate')}
                    value={form.datelineDate}
                    onChange={(e) => set('datelineDate', e.currentTarget.value)}
                    disabled={!mayEdit}
                  />
                  <Select
                    label={tr('press.ui.field.timezone')}
                    description={tr('press.ui.field.timezoneHint')}
                    data={zones.map((z) => ({ value: z, label: zoneLabel(z, tr) }))}
                    value={form.timezone}
                    onChange={(v) => v && set('timezone', v)}
                    allowDeselect={false}
                    disabled={!mayEdit}
                  />
                  <Select
                    label={tr('press.ui.field.embargo')}
                    description={tr('press.ui.field.embargoHint')}
                    data={(documents.data?.data ?? []).map((d) => ({
                      value: d.id,
                      label: `${d.dossierReference} — ${pickText(d.title, lang)} (${tr(`press.ui.documentState.${d.state}`)})`,
                    }))}
                    value={form.embargoDocumentId}
                    onChange={(v) => set('embargoDocumentId', v)}
                    clearable
                    searchable
                    placeholder={tr('press.ui.field.noEmbargo')}
                    disabled={!mayEdit}
                  />
                  <TextInput
                    label={tr('press.ui.field.sourceName')}
                    description={tr('press.ui.field.sourceHint')}
                    value={form.sourceName}
                    onChange={(e) => set('sourceName', e.currentTarget.value)}
                    disabled={!mayEdit}
                  />
                  <TextInput
                    type="url"
                    label={tr('press.ui.field.sourceUrl')}
                    value={form.sourceUrl}
                    onChange={(e) => set('sourceUrl', e.currentTarget.value)}
                    disabled={!mayEdit}
                  />
                </SimpleGrid>
              </section>

              {save.error ? <ErrorAlert error={save.error} /> : null}
              {mayEdit && (
                <Group gap="sm" className="press-actions">
                  <Button
                    type="submit"
                    disabled={!dirty || altMissing}
                    loading={save.isPending}
                    data-testid="news-save"
                  >
                    {tr('press.ui.save')}
                  </Button>
                  <Button variant="default" disabled={!dirty} onClick={() => setForm(formOf(item))}>
                    {tr('press.ui.discard')}
                  </Button>
                  {save.isSuccess && !dirty && (
                    <Text size="sm" role="status" data-testid="news-saved">
                      {tr('press.ui.saved')}
                    </Text>
                  )}
                </Group>
              )}
            </Stack>
          </form>
        </Tabs.Panel>

        <Tabs.Panel value="translations" pt="lg">
          <TranslationsPanel item={item} />
        </Tabs.Panel>

        <Tabs.Panel value="preview" pt="lg">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {item.status === 'published' ? (
                <>
                  {tr('press.ui.preview.published')}{' '}
                  <Anchor href={item.publicPath} target="_blank" rel="noopener">
                    {item.publicPath}
                  </Anchor>
                </>
              ) : (
                tr('press.ui.preview.draft')
              )}
            </Text>
            <NewsPreview
              item={{
                language: item.language,
                title: form.title,
                lead: form.lead,
                body: form.body,
                rubric: rubricName(form.rubricId),
                tags: form.tags,
                photo: form.photo.mediaId
                  ? {
                      src: `/api/media/${form.photo.mediaId}/w800`,
                      alt: form.photo.alt,
                      caption: form.photo.caption,
                      credit: form.photo.credit,
                    }
                  : null,
                sourceName: form.sourceName,
                sourceUrl: form.sourceUrl,
                datelineCity: form.datelineCity,
                datelineDate: form.datelineDate,
                timezone: form.timezone,
                publishedAt: item.publishedAt,
              }}
            />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
