/**
 * The consolidated table of comments and proposals of one round (/rounds/:id/table):
 * filters bound to the address, the table's language, DOCX and PDF with the same selection,
 * and for the secretariat the dispositions (one by one or several at once), publishing
 * them to the parties, and the revision that applies them.
 */
import type { TableContributionDTO, TableRowDTO } from '@core/api/contributions.js'
import { pickText } from '@core/i18n/languages.js'
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useEffect, useMemo, useState } from 'react'
import { Link, useLocation, useParams } from 'react-router'
import { tableQueryString, useConsolidatedTable, useNegotiationWrite } from '../api/negotiation.js'
import { useDocument, useDossier, useVersion } from '../api/queries.js'
import { ConfirmModal } from '../components/ConfirmModal.js'
import { Crumbs } from '../components/Crumbs.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { PageLoader } from '../components/PageLoader.js'
import { RedlineLegend } from '../components/Redline.js'
import { RoundStateBadge } from '../components/StatusBadges.js'
import { ConsolidatedTable } from '../components/table/ConsolidatedTable.js'
import { DispositionModal, type DispositionTarget } from '../components/table/DispositionModal.js'
import { BulkDisposeModal, RevisionModal } from '../components/table/SecretariatModals.js'
import { TableFilters, useTableParams } from '../components/table/TableFilters.js'
import { useLanguage, useT } from '../i18n/language.js'
import { formatDate } from '../lib/format.js'
import { momentInZone, provisionName } from '../lib/negotiation.js'
import { useDocumentTitle } from '../lib/useDocumentTitle.js'

export function TablePage() {
  const { id = '' } = useParams()
  const tr = useT()
  const { lang } = useLanguage()
  const { params, order } = useTableParams()
  const table = useConsolidatedTable(id, params)
  const data = table.data?.data
  const policies = table.data?.policies ?? {}
  const doc = useDocument(data?.document.id ?? '')
  const dossier = useDossier(doc.data?.data.dossier.id ?? '')
  const version = useVersion(data?.document.id ?? '', data?.round.versionId ?? null)
  const provisions = version.data?.data.provisions ?? []
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [dispose, setDispose] = useState<DispositionTarget | null>(null)
  const [modal, setModal] = useState<'bulk' | 'publish' | 'revision' | null>(null)
  const round = data?.round
  const title = data ? pickText(data.document.title, lang) : ''
  useDocumentTitle(tr('ui.product'), tr('export.table.title'), title)

  const publish = useNegotiationWrite(() => ({
    path: `/api/rounds/${encodeURIComponent(id)}/publish-dispositions`,
    method: 'POST',
    body: { version: round?.version },
  }))
  useScrollToHash(!!data)

  const mergeOptions = useMemo(
    () =>
      (data?.rows ?? []).flatMap((row) =>
        row.contributions.map((c) => ({
          value: c.id,
          label: `${c.party.code} · ${
            row.eid
              ? provisionName(
                  provisions.find((p) => p.eid === row.eid),
                  provisions,
                  tr,
                )
              : tr('ui.table.generalRow')
          } · ${tr(`kind.${c.kind}`)}`,
        })),
      ),
    [data, provisions, tr],
  )

  if (table.isPending) return <PageLoader />
  if (table.isError || !data || !round) return <ErrorAlert error={table.error} />
  const query = tableQueryString({ ...params, lang: params.lang ?? data.lang })
  const toggle = (cid: string) =>
    setSelected((current) => {
      const next = new Set(current)
      if (next.has(cid)) next.delete(cid)
      else next.add(cid)
      return next
    })
  const openDisposition = (contribution: TableContributionDTO, row: TableRowDTO) => {
    const provision = provisions.find((p) => p.eid === row.eid)
    setDispose({
      contribution,
      row,
      provision,
      provisionName: row.eid ? provisionName(provision, provisions, tr) : tr('ui.table.generalRow'),
    })
  }
  const caption = tr('ui.table.caption', { title, version: pickText(round.versionLabel, lang) })
  const languages = version.data?.data.languages ?? [data.lang]

  return (
    <Stack gap="lg" className="table-page">
      <Crumbs
        items={[
          { label: tr('ui.nav.dossiers'), to: '/' },
          ...(doc.data
            ? [{ label: data.document.reference, to: `/dossiers/${doc.data.data.dossier.id}` }]
            : []),
          { label: title, to: `/documents/${data.document.id}/versions/${round.versionId}` },
          { label: tr('export.table.title') },
        ]}
      />
      <header>
        <Text className="page-kicker">{tr('export.table.title')}</Text>
        <Title order={1} mt={6} maw="60rem">
          {tr('export.table.onDraft', { title })}
        </Title>
        <Group gap="sm" mt="sm" wrap="wrap">
          <RoundStateBadge state={round.state} />
          <Text size="sm">
            {tr('export.table.version', { label: pickText(round.versionLabel, lang) })} ·{' '}
            {tr('export.table.round', {
              opens: momentInZone(round.opensAt, round.timezone, lang, tr),
              closes: momentInZone(round.closesAt, round.timezone, lang, tr),
            })}
          </Text>
        </Group>
        <Text size="sm" c="dimmed" mt={4}>
          {tr('ui.round.counts', {
            contributions: round.counts.contributions,
            parties: round.counts.parties,
            disposed: round.counts.disposed,
          })}
          {' · '}
          {round.dispositionsPublishedAt
            ? tr('ui.round.published', { date: formatDate(round.dispositionsPublishedAt, lang) })
            : tr('ui.round.notPublished')}
        </Text>
      </header>

      <Paper className="panel no-print" p="md">
        <TableFilters
          participants={dossier.data?.data.participants ?? []}
          provisions={provisions}
          languages={languages}
          shownLang={data.lang}
        />
      </Paper>

      <Group justify="space-between" wrap="wrap" gap="sm" className="no-print">
        <Group gap="sm" wrap="wrap">
          <Anchor href={`/api/rounds/${id}/table.docx?${query}`} download className="download-link">
            {tr('ui.table.downloadDocx')}
          </Anchor>
          <Anchor href={`/api/rounds/${id}/table.pdf?${query}`} download className="download-link">
            {tr('ui.table.downloadPdf')}
          </Anchor>
          <Button variant="subtle" size="compact-sm" onClick={() => window.print()}>
            {tr('ui.table.print')}
          </Button>
        </Group>
        <Group gap="sm" wrap="wrap">
          {policies.dispose && (
            <Button variant="default" disabled={selected.size === 0} onClick={() => setModal('bulk')}>
              {tr('ui.table.disposeSelected', { n: selected.size })}
            </Button>
          )}
          {policies.publish_dispositions && (
            <Button variant="default" onClick={() => setModal('publish')}>
              {tr('ui.table.publish')}
            </Button>
          )}
          {policies.create_revision && (
            <Button onClick={() => setModal('revision')}>{tr('ui.table.createRevision')}</Button>
          )}
        </Group>
      </Group>
      {table.isFetching && !table.isPending && (
        <Text size="sm" c="dimmed" role="status">
          {tr('ui.loading')}
        </Text>
      )}
      <RedlineLegend />
      <div className="table-bleed">
        <ConsolidatedTable
          table={data}
          policies={policies}
          order={order}
          provisions={provisions}
          selected={selected}
          onToggle={toggle}
          onDispose={openDisposition}
          caption={caption}
        />
      </div>
      <Text size="sm" c="dimmed">
        {tr('export.table.generated', { date: formatDate(data.generatedAt, lang, true) })} ·{' '}
        <Anchor
          component={Link}
          to={`/documents/${data.document.id}/versions/${round.versionId}`}
          underline="always"
        >
          {tr('ui.table.backToDocument')}
        </Anchor>
      </Text>

      <DispositionModal target={dispose} mergeOptions={mergeOptions} onClose={() => setDispose(null)} />
      <BulkDisposeModal
        opened={modal === 'bulk'}
        roundId={id}
        ids={[...selected]}
        onClose={() => setModal(null)}
        onDone={() => setSelected(new Set())}
      />
      <ConfirmModal
        opened={modal === 'publish'}
        title={tr('ui.table.publishTitle')}
        confirmLabel={tr('ui.table.publish')}
        busy={publish.isPending}
        error={publish.error}
        onClose={() => {
          setModal(null)
          publish.reset()
        }}
        onConfirm={() => publish.mutate(undefined, { onSuccess: () => setModal(null) })}
      >
        {tr('ui.table.publishBody')}
      </ConfirmModal>
      <RevisionModal
        opened={modal === 'revision'}
        round={round}
        versions={doc.data?.data.versions ?? []}
        onClose={() => setModal(null)}
      />
    </Stack>
  )
}

/** Scrolls to the #c-<id> of the address once the table is there (links from the compare page). */
function useScrollToHash(ready: boolean) {
  const { hash } = useLocation()
  useEffect(() => {
    if (!ready || !hash) return
    const target = document.getElementById(decodeURIComponent(hash.slice(1)))
    target?.scrollIntoView({ block: 'center' })
    target?.setAttribute('data-targeted', 'true')
  }, [ready, hash])
}
