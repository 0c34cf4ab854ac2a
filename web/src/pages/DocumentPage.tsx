/**
 * One document: breadcrumb, title, the version picker (label, status, date), the content
 * hash, the text-language switch, and the structured text of the chosen version.
 * `/documents/:id` shows the latest version the user may see.
 */
import type { DocumentDTO, VersionDTO, VersionSummaryDTO } from '@core/api/types.js'
import { isLang, type Lang, pickText } from '@core/i18n/languages.js'
import { Group, Paper, Select, Stack, Text, Title } from '@mantine/core'
import { useNavigate, useParams, useSearchParams } from 'react-router'
import { useDocument, useVersion } from '../api/queries.js'
import { Crumbs } from '../components/Crumbs.js'
import { DocumentText } from '../components/DocumentText.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { HashDisplay } from '../components/HashDisplay.js'
import { PageLoader } from '../components/PageLoader.js'
import { VersionStatusBadge } from '../components/StatusBadges.js'
import { TextLanguageSwitch } from '../components/TextLanguageSwitch.js'
import { useLanguage, useT } from '../i18n/language.js'
import { formatDate } from '../lib/format.js'
import { useDocumentTitle } from '../lib/useDocumentTitle.js'

const versionDate = (v: VersionSummaryDTO) => v.publishedAt ?? v.createdAt

export function DocumentPage() {
  const { id = '', versionId } = useParams()
  const tr = useT()
  const { lang } = useLanguage()
  const documentQuery = useDocument(id)
  const versions = [...(documentQuery.data?.data.versions ?? [])].sort((a, b) => b.seq - a.seq)
  const selectedId = versionId ?? versions[0]?.id ?? null
  const version = useVersion(id, documentQuery.isSuccess ? selectedId : null)
  useDocumentTitle(
    tr('ui.product'),
    documentQuery.data ? pickText(documentQuery.data.data.title, lang) : tr('ui.document.title'),
  )

  if (documentQuery.isPending) return <PageLoader />
  if (documentQuery.isError) return <ErrorAlert error={documentQuery.error} />
  const doc = documentQuery.data.data

  return (
    <Stack gap="lg">
      <Crumbs
        items={[
          { label: tr('ui.nav.dossiers'), to: '/' },
          { label: doc.dossier.reference, to: `/dossiers/${doc.dossier.id}` },
          { label: pickText(doc.title, lang) },
        ]}
      />
      <header>
        <Text className="page-kicker">{tr(`documentKind.${doc.kind}`)}</Text>
        <Title order={1} mt={6} maw="52rem">
          {pickText(doc.title, lang)}
        </Title>
      </header>

      {versions.length === 0 && !versionId ? (
        <Text>{tr('ui.document.noVersions')}</Text>
      ) : (
        <>
          <VersionBar doc={doc} versions={versions} selectedId={selectedId} />
          {version.isPending && <PageLoader />}
          {version.isError && <ErrorAlert error={version.error} />}
          {version.isSuccess && <VersionView doc={doc} versionData={version.data.data} />}
        </>
      )}
    </Stack>
  )
}

function VersionBar({
  doc,
  versions,
  selectedId,
}: {
  doc: DocumentDTO
  versions: VersionSummaryDTO[]
  selectedId: string | null
}) {
  const tr = useT()
  const { lang } = useLanguage()
  const navigate = useNavigate()
  const [search] = useSearchParams()
  const selected = versions.find((v) => v.id === selectedId)
  const options = versions.map((v) => ({
    value: v.id,
    label: `${v.label} · ${tr(`versionStatus.${v.status}`)} · ${formatDate(versionDate(v), lang)}`,
  }))

  return (
    <Paper className="panel no-print" p="md">
      <Group gap="lg" align="flex-end" wrap="wrap">
        <Select
          label={tr('ui.document.version')}
          data={options}
          value={selectedId}
          allowDeselect={false}
          w={{ base: '100%', sm: 380 }}
          comboboxProps={{ withinPortal: true }}
          onChange={(value) => {
            if (!value) return
            const query = search.toString()
            navigate(`/documents/${doc.id}/versions/${value}${query ? `?${query}` : ''}`)
          }}
        />
        {selected && (
          <Stack gap={6} pb={2}>
            <Group gap="sm">
              <VersionStatusBadge status={selected.status} />
              <Text size="sm" c="dimmed">
                <time dateTime={versionDate(selected)}>{formatDate(versionDate(selected), lang, true)}</time>
              </Text>
            </Group>
            <HashDisplay hash={selected.contentHash} />
          </Stack>
        )}
      </Group>
    </Paper>
  )
}

function VersionView({ doc, versionData }: { doc: DocumentDTO; versionData: VersionDTO }) {
  const tr = useT()
  const { lang: uiLang } = useLanguage()
  const [search, setSearch] = useSearchParams()
  const languages = versionData.languages.length > 0 ? versionData.languages : [doc.workingLanguage]
  const asked = search.get('lang')
  const textLang: Lang =
    isLang(asked) && languages.includes(asked)
      ? asked
      : languages.includes(uiLang)
        ? uiLang
        : languages.includes(doc.workingLanguage)
          ? doc.workingLanguage
          : (languages[0] ?? 'ru')

  const chooseLanguage = (next: Lang) => {
    const params = new URLSearchParams(search)
    params.set('lang', next)
    setSearch(params, { replace: true, preventScrollReset: true })
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" className="no-print" wrap="wrap">
        {languages.length > 1 ? (
          <TextLanguageSwitch languages={languages} value={textLang} onChange={chooseLanguage} />
        ) : (
          <Text size="sm" c="dimmed">
            {tr('ui.document.onlyLanguage', { language: tr(`lang.${textLang}`) })}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {tr('ui.document.provisionCount', { n: versionData.provisionCount })}
        </Text>
      </Group>
      <p className="print-only">
        {tr('ui.document.printLine', {
          label: versionData.label,
          status: tr(`versionStatus.${versionData.status}`),
          date: formatDate(versionDate(versionData), uiLang),
          hash: versionData.contentHash,
        })}
      </p>
      <Paper className="panel doc-sheet" px={{ base: 'md', sm: 48 }} py={{ base: 'lg', sm: 40 }}>
        <DocumentText version={versionData} lang={textLang} />
      </Paper>
    </Stack>
  )
}
