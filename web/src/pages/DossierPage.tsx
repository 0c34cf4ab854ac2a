/**
 * One dossier: its reference and title, where it stands in the procedure, who takes part
 * (members and observers), and its documents with their latest versions.
 */
import type { DossierDTO, DossierParticipantDTO } from '@core/api/types.js'
import { pickText, type UiLang } from '@core/i18n/languages.js'
import { Anchor, Group, Stack, Table, Text, Title } from '@mantine/core'
import { Link, useParams } from 'react-router'
import { useDossier } from '../api/queries.js'
import { AdoptionPanel } from '../components/adoption/AdoptionPanel.js'
import { Crumbs } from '../components/Crumbs.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { DossierMeetings } from '../components/meetings/DossierMeetings.js'
import { PageLoader } from '../components/PageLoader.js'
import { DossierTimeline } from '../components/procedure/DossierTimeline.js'
import { MembershipBadge, VersionStatusBadge } from '../components/StatusBadges.js'
import { useLanguage, useT } from '../i18n/language.js'
import { formatDate } from '../lib/format.js'
import { useDocumentTitle } from '../lib/useDocumentTitle.js'

function sortParticipants(list: DossierParticipantDTO[], lang: UiLang): DossierParticipantDTO[] {
  const collator = new Intl.Collator(lang)
  return [...list].sort(
    (a, b) =>
      Number(a.status === 'observer') - Number(b.status === 'observer') ||
      collator.compare(pickText(a.name, lang), pickText(b.name, lang)),
  )
}

export function DossierPage() {
  const { id = '' } = useParams()
  const tr = useT()
  const { lang } = useLanguage()
  const dossier = useDossier(id)
  const data = dossier.data?.data
  useDocumentTitle(tr('ui.product'), data ? pickText(data.title, lang) : tr('ui.dossier.title'))

  if (dossier.isPending) return <PageLoader />
  if (dossier.isError) return <ErrorAlert error={dossier.error} />
  const d = dossier.data.data

  return (
    <Stack gap="xl">
      <Crumbs items={[{ label: tr('ui.nav.dossiers'), to: '/' }, { label: d.reference }]} />
      <header>
        <Text className="page-kicker">
          {pickText(d.organization.shortName, lang)} · {tr('ui.dossier.kicker')} {d.reference}
        </Text>
        <Title order={1} mt={6} maw="48rem">
          {pickText(d.title, lang)}
        </Title>
        <Text c="dimmed" mt="xs" size="sm">
          {tr('ui.dossier.updated', { date: formatDate(d.updatedAt, lang) })}
        </Text>
      </header>

      <section aria-labelledby="procedure-heading">
        <Title order={2} id="procedure-heading" mb="sm">
          {tr('ui.dossier.procedure')}
        </Title>
        <DossierTimeline dossier={d} labelledBy="procedure-heading" />
      </section>

      <DocumentsSection dossier={d} />

      <DossierMeetings dossier={d} />

      <AdoptionPanel dossier={d} />

      <section aria-labelledby="participants-heading">
        <Group justify="space-between" align="baseline" mb="sm">
          <Title order={2} id="participants-heading">
            {tr('ui.dossier.participants')}
          </Title>
          <Text c="dimmed" size="sm">
            {tr('ui.dossier.participantsCount', {
              members: d.participants.filter((p) => p.status === 'member').length,
              observers: d.participants.filter((p) => p.status === 'observer').length,
            })}
          </Text>
        </Group>
        <div className="panel scroll-x">
          <Table aria-labelledby="participants-heading" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{tr('ui.dossier.party')}</Table.Th>
                <Table.Th scope="col" w="12%">
                  {tr('ui.dossier.code')}
                </Table.Th>
                <Table.Th scope="col" w="32%">
                  {tr('ui.dossier.status')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sortParticipants(d.participants, lang).map((p) => (
                <Table.Tr key={p.partyId} data-party={p.code}>
                  <Table.Td className="cell-main">{pickText(p.name, lang)}</Table.Td>
                  <Table.Td className="num-cell">
                    <abbr title={pickText(p.name, lang)}>{p.code}</abbr>
                  </Table.Td>
                  <Table.Td>
                    <MembershipBadge status={p.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </section>
    </Stack>
  )
}

function DocumentsSection({ dossier }: { dossier: DossierDTO }) {
  const tr = useT()
  const { lang } = useLanguage()
  const documents = [...dossier.documents].sort((a, b) => a.position - b.position)
  return (
    <section aria-labelledby="documents-heading">
      <Title order={2} id="documents-heading" mb="sm">
        {tr('ui.dossier.documents')}
      </Title>
      {documents.length === 0 ? (
        <Text>{tr('ui.dossier.noDocuments')}</Text>
      ) : (
        <div className="panel">
          <Table aria-labelledby="documents-heading" highlightOnHover className="responsive-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w="18%">
                  {tr('ui.dossier.kind')}
                </Table.Th>
                <Table.Th scope="col">{tr('ui.dossier.documentTitle')}</Table.Th>
                <Table.Th scope="col" w="30%">
                  {tr('ui.dossier.latestVersion')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {documents.map((doc) => (
                <Table.Tr key={doc.id} data-testid="document-row">
                  <Table.Td className="cell-kicker">{tr(`documentKind.${doc.kind}`)}</Table.Td>
                  <Table.Td className="cell-main">
                    <Anchor component={Link} to={`/documents/${doc.id}`} className="table-link">
                      {pickText(doc.title, lang)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td data-label={tr('ui.dossier.latestVersion')}>
                    {doc.latestVersion ? (
                      <Stack gap={4} align="flex-start">
                        <Group gap="xs" wrap="wrap">
                          <Text fw={600}>{pickText(doc.latestVersion.label, lang)}</Text>
                          <VersionStatusBadge
                            status={doc.latestVersion.status}
                            frozen={!!doc.latestVersion.frozenAt}
                          />
                        </Group>
                        <Text size="sm" c="dimmed">
                          <time dateTime={doc.latestVersion.publishedAt ?? doc.latestVersion.createdAt}>
                            {formatDate(doc.latestVersion.publishedAt ?? doc.latestVersion.createdAt, lang)}
                          </time>
                        </Text>
                      </Stack>
                    ) : (
                      <Text c="dimmed">{tr('ui.dossier.noVersion')}</Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </section>
  )
}
