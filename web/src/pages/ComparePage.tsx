/**
 * Comparing two versions of a document (/documents/:id/compare?from=&to=&lang=&view=):
 * the provision-aligned redline, inline or side by side, each change with the
 * contributions that caused it, and the DOCX with tracked changes.
 */
import { isLang, type Lang, pickText } from '@core/i18n/languages.js'
import { Anchor, Group, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core'
import { useId } from 'react'
import { useParams, useSearchParams } from 'react-router'
import { useCompare } from '../api/negotiation.js'
import { useDocument, useVersion } from '../api/queries.js'
import { Crumbs } from '../components/Crumbs.js'
import { ChangeList, type CompareView } from '../components/compare/ChangeList.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { HashDisplay } from '../components/HashDisplay.js'
import { comparePair } from '../components/negotiation/DocumentActions.js'
import { PageLoader } from '../components/PageLoader.js'
import { RedlineLegend } from '../components/Redline.js'
import { useLanguage, useT } from '../i18n/language.js'
import { formatDate } from '../lib/format.js'
import { useDocumentTitle } from '../lib/useDocumentTitle.js'

export function ComparePage() {
  const { id = '' } = useParams()
  const tr = useT()
  const { lang } = useLanguage()
  const [search, setSearch] = useSearchParams()
  const viewLabel = useId()
  const langLabel = useId()
  const documentQuery = useDocument(id)
  const doc = documentQuery.data?.data
  const versions = [...(doc?.versions ?? [])].sort((a, b) => b.seq - a.seq)
  const fallback = versions[0] ? comparePair(versions, versions[0].id) : null
  const from = search.get('from') ?? fallback?.from ?? null
  const to = search.get('to') ?? fallback?.to ?? null
  const toSummary = versions.find((v) => v.id === to)
  const languages = toSummary?.languages.length ? toSummary.languages : [doc?.workingLanguage ?? lang]
  const asked = search.get('lang')
  const textLang: Lang =
    isLang(asked) && languages.includes(asked)
      ? asked
      : languages.includes(lang)
        ? lang
        : (languages[0] ?? lang)
  const view: CompareView = search.get('view') === 'side' ? 'side' : 'inline'
  const redline = useCompare(id, from, to, textLang)
  const fromVersion = useVersion(id, from)
  const toVersion = useVersion(id, to)
  useDocumentTitle(tr('ui.product'), tr('ui.compare.title'), doc ? pickText(doc.title, lang) : null)

  if (documentQuery.isPending) return <PageLoader />
  if (documentQuery.isError || !doc) return <ErrorAlert error={documentQuery.error} />

  const set = (key: string, value: string | null) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current)
        if (value) next.set(key, value)
        else next.delete(key)
        return next
      },
      { replace: true, preventScrollReset: true },
    )
  const options = versions.map((v) => ({
    value: v.id,
    label: `${pickText(v.label, lang)} · ${tr(`versionStatus.${v.status}`)} · ${formatDate(v.publishedAt ?? v.createdAt, lang)}`,
  }))
  const query = new URLSearchParams({ from: from ?? '', to: to ?? '', lang: textLang })
  const r = redline.data?.data

  return (
    <Stack gap="lg">
      <Crumbs
        items={[
          { label: tr('ui.nav.dossiers'), to: '/' },
          { label: doc.dossier.reference, to: `/dossiers/${doc.dossier.id}` },
          { label: pickText(doc.title, lang), to: `/documents/${doc.id}${to ? `/versions/${to}` : ''}` },
          { label: tr('ui.compare.title') },
        ]}
      />
      <header>
        <Text className="page-kicker">{tr('ui.compare.title')}</Text>
        <Title order={1} mt={6} maw="52rem">
          {pickText(doc.title, lang)}
        </Title>
      </header>
      <Paper className="panel no-print" p="md">
        <Group gap="lg" align="flex-end" wrap="wrap">
          <Select
            label={tr('ui.compare.from')}
            data={options}
            value={from}
            allowDeselect={false}
            onChange={(value) => set('from', value)}
            w={{ base: '100%', sm: 380 }}
            comboboxProps={{ withinPortal: false }}
          />
          <Select
            label={tr('ui.compare.to')}
            data={options}
            value={to}
            allowDeselect={false}
            onChange={(value) => set('to', value)}
            w={{ base: '100%', sm: 380 }}
            comboboxProps={{ withinPortal: false }}
          />
          <Stack gap={4}>
            <Text id={viewLabel} size="sm" fw={500}>
              {tr('ui.compare.view')}
            </Text>
            <SegmentedControl
              aria-labelledby={viewLabel}
              value={view}
              onChange={(value) => set('view', value === 'side' ? 'side' : null)}
              data={[
                { value: 'inline', label: tr('ui.compare.inline') },
                { value: 'side', label: tr('ui.compare.side') },
              ]}
              data-testid="compare-view"
            />
          </Stack>
          {languages.length > 1 && (
            <Stack gap={4}>
              <Text id={langLabel} size="sm" fw={500}>
                {tr('ui.document.textLanguage')}
              </Text>
              <SegmentedControl
                aria-labelledby={langLabel}
                value={textLang}
                onChange={(value) => set('lang', value)}
                data={languages.map((code) => ({
                  value: code,
                  label: <span lang={code}>{tr(`lang.${code}`)}</span>,
                }))}
              />
            </Stack>
          )}
        </Group>
      </Paper>
      {from === to && <Text>{tr('ui.compare.same')}</Text>}
      {redline.isPending && from !== to && <PageLoader />}
      {redline.isError && <ErrorAlert error={redline.error} />}
      {r && (
        <section aria-labelledby="changes-heading" className="compare">
          <Group justify="space-between" align="baseline" wrap="wrap" mb="sm">
            <Title order={2} id="changes-heading">
              {tr('export.redline.versions', {
                from: pickText(r.from.label, lang),
                to: pickText(r.to.label, lang),
              })}
            </Title>
            <Anchor
              href={`/api/documents/${doc.id}/compare.docx?${query}`}
              download
              className="download-link no-print"
            >
              {tr('ui.compare.downloadDocx')}
            </Anchor>
          </Group>
          <Text data-testid="compare-stats">{tr('export.redline.stats', r.stats)}</Text>
          <Group gap="xl" wrap="wrap" mt={4}>
            <HashDisplay hash={r.from.contentHash} />
            <span aria-hidden="true">→</span>
            <HashDisplay hash={r.to.contentHash} />
          </Group>
          <RedlineLegend />
          <ChangeList
            redline={r}
            view={view}
            fromProvisions={fromVersion.data?.data.provisions ?? []}
            toProvisions={toVersion.data?.data.provisions ?? []}
          />
        </section>
      )}
    </Stack>
  )
}
