/**
 * The dossiers the user may see, grouped by stage in procedure order, each with its
 * reference, title, number of documents and participants, and the date of the last change.
 */
import type { DossierSummaryDTO } from '@core/api/types.js'
import { CIS_STAGES, type Stage } from '@core/domain/procedure.js'
import { pickText } from '@core/i18n/languages.js'
import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core'
import { Link } from 'react-router'
import { useDossiers } from '../api/queries.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { PageLoader } from '../components/PageLoader.js'
import { useLanguage, useT } from '../i18n/language.js'
import { formatDate } from '../lib/format.js'
import { useDocumentTitle } from '../lib/useDocumentTitle.js'

/** Stages in procedure order; a stage unknown to the CIS template goes last. */
function groupByStage(dossiers: DossierSummaryDTO[]): [Stage, DossierSummaryDTO[]][] {
  const groups = new Map<Stage, DossierSummaryDTO[]>()
  for (const dossier of dossiers) {
    const list = groups.get(dossier.stage) ?? []
    list.push(dossier)
    groups.set(dossier.stage, list)
  }
  const rank = (stage: Stage) => {
    const index = CIS_STAGES.indexOf(stage)
    return index === -1 ? CIS_STAGES.length : index
  }
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b))
}

export function DossierListPage() {
  const tr = useT()
  const { lang } = useLanguage()
  const dossiers = useDossiers()
  useDocumentTitle(tr('ui.product'), tr('ui.dossiers.title'))

  const all = dossiers.data?.pages.flatMap((page) => page.data) ?? []
  const groups = groupByStage(all)

  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{tr('ui.dossiers.title')}</Title>
        <Text c="dimmed" mt={4}>
          {tr('ui.dossiers.intro')}
        </Text>
      </div>

      {dossiers.isPending && <PageLoader />}
      {dossiers.isError && <ErrorAlert error={dossiers.error} />}
      {dossiers.isSuccess && all.length === 0 && <Text>{tr('ui.dossiers.empty')}</Text>}

      {groups.map(([stage, list]) => {
        const headingId = `stage-${stage}`
        const position = CIS_STAGES.indexOf(stage)
        return (
          <section key={stage} aria-labelledby={headingId} className="stage-group">
            <Group gap="sm" align="baseline" mb="xs">
              <Title order={2} id={headingId}>
                {tr(`stage.${stage}`)}
              </Title>
              {position >= 0 && (
                <Text c="dimmed" size="sm">
                  {tr('ui.stage.position', { n: position + 1, total: CIS_STAGES.length })}
                </Text>
              )}
            </Group>
            <div className="panel">
              <Table aria-labelledby={headingId} highlightOnHover className="responsive-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" w="14%">
                      {tr('ui.dossiers.reference')}
                    </Table.Th>
                    <Table.Th scope="col">{tr('ui.dossiers.name')}</Table.Th>
                    <Table.Th scope="col" ta="end" w="10%">
                      {tr('ui.dossiers.documents')}
                    </Table.Th>
                    <Table.Th scope="col" ta="end" w="10%">
                      {tr('ui.dossiers.participants')}
                    </Table.Th>
                    <Table.Th scope="col" w="16%">
                      {tr('ui.dossiers.updated')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((dossier) => (
                    <Table.Tr key={dossier.id} data-testid="dossier-row">
                      <Table.Td className="num-cell" data-label={tr('ui.dossiers.reference')}>
                        {dossier.reference}
                      </Table.Td>
                      <Table.Td className="cell-main">
                        <Anchor component={Link} to={`/dossiers/${dossier.id}`} className="table-link">
                          {pickText(dossier.title, lang)}
                        </Anchor>
                      </Table.Td>
                      <Table.Td ta="end" className="num-cell" data-label={tr('ui.dossiers.documents')}>
                        {dossier.documentCount}
                      </Table.Td>
                      <Table.Td ta="end" className="num-cell" data-label={tr('ui.dossiers.participants')}>
                        {dossier.participants.length}
                      </Table.Td>
                      <Table.Td className="num-cell" data-label={tr('ui.dossiers.updated')}>
                        <time dateTime={dossier.updatedAt}>{formatDate(dossier.updatedAt, lang)}</time>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          </section>
        )
      })}

      {dossiers.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            onClick={() => void dossiers.fetchNextPage()}
            loading={dossiers.isFetchingNextPage}
          >
            {tr('ui.dossiers.more')}
          </Button>
        </Group>
      )}
    </Stack>
  )
}
