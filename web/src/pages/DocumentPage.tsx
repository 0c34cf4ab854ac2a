/**
 * One document: breadcrumb, title, a toolbar with the version picker (label, status,
 * date), the content hash and the text-language switch, then the structured text of the
 * chosen version. `/documents/:id` shows the latest version the user may see.
 */
import type { DocumentDTO, VersionSummaryDTO } from '@core/api/types.js'
import { type Lang, pickText } from '@core/i18n/languages.js'
import { Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router'
import { useDocumentRounds } from '../api/negotiation.js'
import { useDocument, useDossier, useVersion } from '../api/queries.js'
import { BracketCount } from '../components/brackets/BracketLayer.js'
import { Crumbs } from '../components/Crumbs.js'
import { DocumentPositionPanel } from '../components/consensus/DocumentPositionPanel.js'
import { SilenceBanner } from '../components/consensus/SilenceBanner.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { HashDisplay } from '../components/HashDisplay.js'
import { DocumentWorkspace } from '../components/negotiation/DocumentWorkspace.js'
import { PageLoader } from '../components/PageLoader.js'
import { StatusLabel, VersionStatusBadge } from '../components/StatusBadges.js'
import { TextLanguageSwitch } from '../components/TextLanguageSwitch.js'
import { useLanguage, useT } from '../i18n/language.js'
import { formatDate } from '../lib/format.js'
import { useDocumentTitle } from '../lib/useDocumentTitle.js'
import { useTextLanguage } from '../lib/useTextLanguage.js'

const versionDate = (v: VersionSummaryDTO) => v.publishedAt ?? v.createdAt

export function DocumentPage() {
  const { id = '', versionId } = useParams()
  const tr = useT()
  const { lang } = useLanguage()
  const documentQuery = useDocument(id)
  const doc = documentQuery.data?.data
  const versions = [...(doc?.versions ?? [])].sort((a, b) => b.seq - a.seq)
  // A link to a round (from a notification) shows the version the round is on.
  const [search] = useSearchParams()
  const askedRound = versionId ? null : search.get('round')
  const rounds = useDocumentRounds(id, !!askedRound)
  const roundVersion = askedRound ? rounds.data?.data.find((r) => r.id === askedRound)?.versionId : undefined
  const waitForRound = !!askedRound && rounds.isPending
  const selectedId = versionId ?? roundVersion ?? (waitForRound ? null : (versions[0]?.id ?? null))
  const version = useVersion(id, doc ? selectedId : null)
  const summary = version.data?.data ?? versions.find((v) => v.id === selectedId)
  const languages = summary?.languages.length ? summary.languages : [doc?.workingLanguage ?? lang]
  const [textLang, chooseTextLang] = useTextLanguage(languages, doc?.workingLanguage ?? lang)
  useDocumentTitle(tr('ui.product'), doc ? pickText(doc.title, lang) : tr('ui.document.title'))
  const participants = useDossier(doc?.dossier.id ?? '').data?.data.participants ?? []

  if (documentQuery.isPending) return <PageLoader />
  if (documentQuery.isError || !doc) return <ErrorAlert error={documentQuery.error} />

  return (
    <Stack gap="lg">
      <Crumbs
        items={[
          { label: tr('ui.nav.dossiers'), to: '/' },
          { label: doc.dossier.reference, to: `/dossiers/${doc.dossier.id}` },
          { label: pickText(doc.title, lang) },
        ]}
      />
      <header className="no-print">
        <Text className="page-kicker">{tr(`documentKind.${doc.kind}`)}</Text>
        <Title order={1} mt={6} maw="52rem">
          {pickText(doc.title, lang)}
        </Title>
      </header>

      {versions.length === 0 && !versionId ? (
        <Text>{tr('ui.document.noVersions')}</Text>
      ) : (
        <>
          <Toolbar
            doc={doc}
            versions={versions}
            selected={summary}
            languages={languages}
            textLang={textLang}
            onTextLang={chooseTextLang}
          />
          {version.isPending && <PageLoader />}
          {version.isError && <ErrorAlert error={version.error} />}
          {version.isSuccess && (
            <SilenceBanner
              documentId={doc.id}
              versionId={version.data.data.id}
              participants={participants}
              active={version.data.data.status === 'published' && !version.data.data.frozenAt}
            />
          )}
          {version.isSuccess && <DocumentPositionPanel doc={doc} version={version.data.data} />}
          {version.isSuccess && (
            <DocumentWorkspace
              doc={doc}
              version={version.data.data}
              versionPolicies={version.data.policies}
              versions={versions}
              textLang={textLang}
            />
          )}
        </>
      )}
    </Stack>
  )
}

interface ToolbarProps {
  doc: DocumentDTO
  versions: VersionSummaryDTO[]
  selected: VersionSummaryDTO | undefined
  languages: Lang[]
  textLang: Lang
  onTextLang: (lang: Lang) => void
}

function Toolbar({ doc, versions, selected, languages, textLang, onTextLang }: ToolbarProps) {
  const tr = useT()
  const { lang } = useLanguage()
  const navigate = useNavigate()
  const [search] = useSearchParams()
  const options = versions.map((v) => ({
    value: v.id,
    label: `${pickText(v.label, lang)} · ${tr(`versionStatus.${v.status}`)} · ${formatDate(versionDate(v), lang)}`,
  }))
  // A version reached by its address but absent from the list still needs a label.
  if (selected && !options.some((o) => o.value === selected.id)) {
    options.unshift({ value: selected.id, label: pickText(selected.label, lang) })
  }

  return (
    <Paper className="panel no-print" px="lg" py="md">
      <Group gap="xl" align="flex-end" wrap="wrap" justify="space-between">
        <Group gap="lg" align="flex-end" wrap="wrap">
          <Select
            label={tr('ui.document.version')}
            data={options}
            value={selected?.id ?? null}
            allowDeselect={false}
            comboboxProps={{ withinPortal: false }}
            w={{ base: '100%', xs: 340 }}
            onChange={(value) => {
              if (!value) return
              const query = search.toString()
              navigate(`/documents/${doc.id}/versions/${value}${query ? `?${query}` : ''}`)
            }}
          />
          {selected && (
            <Stack gap={6} pb={2}>
              <Group gap="sm" wrap="wrap">
                <VersionStatusBadge status={selected.status} />
                {selected.frozenAt && (
                  <StatusLabel
                    tone="green"
                    symbol="✓"
                    word={tr('ui.consensus.state.frozen', { date: formatDate(selected.frozenAt, lang) })}
                    testId="frozen-status"
                  />
                )}
                <BracketCount documentId={doc.id} versionId={selected.id} />
                <Text size="sm" c="dimmed">
                  <time dateTime={versionDate(selected)}>
                    {formatDate(versionDate(selected), lang, true)}
                  </time>
                  {' · '}
                  {tr('ui.document.provisionCount', { n: selected.provisionCount })}
                </Text>
              </Group>
              <HashDisplay hash={selected.contentHash} />
            </Stack>
          )}
        </Group>
        <Group gap="lg" align="flex-end" wrap="wrap">
          {selected?.status === 'published' && (
            <Button
              component={Link}
              to={`/documents/${doc.id}/versions/${selected.id}/consensus`}
              variant="default"
              data-testid="consensus-link"
            >
              {tr('ui.consensus.link')}
            </Button>
          )}
          {languages.length > 1 ? (
            <TextLanguageSwitch languages={languages} value={textLang} onChange={onTextLang} />
          ) : (
            <Text size="sm" c="dimmed" pb={6}>
              {tr('ui.document.onlyLanguage', { language: tr(`lang.${textLang}`) })}
            </Text>
          )}
        </Group>
      </Group>
    </Paper>
  )
}
