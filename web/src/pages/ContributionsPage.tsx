/**
 * "Our contributions": everything the user's party has drafted or sent, by document and
 * round, with the status of each and what the user may do with it (edit a draft, send it
 * to the secretariat, withdraw it).
 */
import type { ContributionDTO, ContributionStatus } from '@core/api/contributions.js'
import { CONTRIBUTION_STATUSES } from '@core/api/contributions.js'
import { pickText } from '@core/i18n/languages.js'
import { Anchor, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { useId, useMemo, useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { useOurContributions, useRound } from '../api/negotiation.js'
import { useDocument, useMe, useVersion } from '../api/queries.js'
import { Crumbs } from '../components/Crumbs.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { ContributionActions } from '../components/negotiation/ContributionActions.js'
import { ContributionForm, type ContributionTarget } from '../components/negotiation/ContributionForm.js'
import { ContributionView } from '../components/negotiation/ContributionView.js'
import { PageLoader } from '../components/PageLoader.js'
import { RoundStateBadge } from '../components/StatusBadges.js'
import { useLanguage, useT } from '../i18n/language.js'
import { partyLabel } from '../lib/format.js'
import { anchorEid, momentInZone, plainText, provisionName } from '../lib/negotiation.js'
import { useDocumentTitle } from '../lib/useDocumentTitle.js'

type Filter = ContributionStatus | 'all'

export function ContributionsPage() {
  const tr = useT()
  const { lang } = useLanguage()
  const me = useMe().data?.data
  const ours = useOurContributions()
  const [search, setSearch] = useSearchParams()
  const filterLabel = useId()
  const asked = search.get('status')
  const filter: Filter = (CONTRIBUTION_STATUSES as readonly string[]).includes(asked ?? '')
    ? (asked as ContributionStatus)
    : 'all'
  useDocumentTitle(tr('ui.product'), tr('ui.ours.title'))

  const all = ours.data?.data ?? []
  const groups = useMemo(() => {
    const map = new Map<string, ContributionDTO[]>()
    for (const c of all) {
      if (filter !== 'all' && c.status !== filter) continue
      map.set(c.roundId, [...(map.get(c.roundId) ?? []), c])
    }
    return [...map.values()]
  }, [all, filter])
  const count = (status: ContributionStatus) => all.filter((c) => c.status === status).length

  return (
    <Stack gap="lg">
      <Crumbs items={[{ label: tr('ui.nav.dossiers'), to: '/' }, { label: tr('ui.ours.title') }]} />
      <header>
        {me?.party && <Text className="page-kicker">{partyLabel(me.party, lang)}</Text>}
        <Title order={1} mt={6}>
          {tr('ui.ours.title')}
        </Title>
        <Text c="dimmed" mt="xs" maw="48rem">
          {tr('ui.ours.intro')}
        </Text>
      </header>
      <Group gap="md" align="center" wrap="wrap">
        <Text id={filterLabel} size="sm" fw={600}>
          {tr('ui.ours.show')}
        </Text>
        <SegmentedControl
          aria-labelledby={filterLabel}
          value={filter}
          onChange={(value) =>
            setSearch(value === 'all' ? {} : { status: value }, { replace: true, preventScrollReset: true })
          }
          data={[
            { value: 'all', label: tr('ui.ours.all', { n: all.length }) },
            ...CONTRIBUTION_STATUSES.map((status) => ({
              value: status,
              label: `${tr(`contributionStatus.${status}`)} (${count(status)})`,
            })),
          ]}
        />
      </Group>
      {ours.isPending && <PageLoader />}
      {ours.isError && <ErrorAlert error={ours.error} />}
      {ours.isSuccess && groups.length === 0 && (
        <Paper className="panel" p="lg">
          <Text>{all.length === 0 ? tr('ui.ours.empty') : tr('ui.ours.emptyFilter')}</Text>
        </Paper>
      )}
      {groups.map((list) => (
        <RoundGroup key={list[0]!.roundId} contributions={list} />
      ))}
    </Stack>
  )
}

/** The contributions of one round, under the document's title, version and deadline. */
function RoundGroup({ contributions }: { contributions: ContributionDTO[] }) {
  const tr = useT()
  const { lang } = useLanguage()
  const first = contributions[0]!
  const doc = useDocument(first.documentId)
  const version = useVersion(first.documentId, first.versionId)
  const round = useRound(first.roundId)
  const [target, setTarget] = useState<ContributionTarget | null>(null)
  const provisions = version.data?.data.provisions ?? []
  const headingId = `round-${first.roundId}`
  const r = round.data?.data
  const title = doc.data ? pickText(doc.data.data.title, lang) : ''
  const language = doc.data?.data.workingLanguage ?? first.language

  const edit = (c: ContributionDTO) => {
    const eid = anchorEid(c)
    const provision = provisions.find((p) => p.eid === eid) ?? null
    setTarget({
      kind: c.kind,
      provision,
      provisionName: provisionName(provision ?? undefined, provisions, tr),
      existing: c,
    })
  }

  return (
    <section className="panel ours-group" aria-labelledby={headingId} data-testid="ours-group">
      <header className="ours-group__head">
        <Title order={2} size="h3" id={headingId}>
          <Anchor component={Link} to={`/documents/${first.documentId}/versions/${first.versionId}`}>
            {title || tr('ui.document.title')}
          </Anchor>
        </Title>
        <Group gap="sm" wrap="wrap" mt={6}>
          {r && <RoundStateBadge state={r.state} />}
          {r && (
            <Text size="sm" c="dimmed">
              {tr('ui.ours.round', {
                version: pickText(r.versionLabel, lang),
                closes: momentInZone(r.closesAt, r.timezone, lang, tr),
              })}
            </Text>
          )}
          {r && (
            <Anchor component={Link} to={`/rounds/${r.id}/table`} size="sm">
              {tr('ui.round.table')}
            </Anchor>
          )}
        </Group>
      </header>
      <div className="ours-group__list">
        {contributions.map((c) => {
          const eid = anchorEid(c)
          const provision = provisions.find((p) => p.eid === eid)
          const where = eid ? provisionName(provision, provisions, tr) : tr('ui.general.where')
          return (
            <ContributionView
              key={c.id}
              contribution={c}
              current={plainText(provision, c.language)}
              where={c.kind === 'insertion' ? tr('ui.contribution.after', { provision: where }) : where}
              alwaysShowStatus
            >
              <ContributionActions contribution={c} onEdit={edit} roundOpen={r?.state === 'open'} />
            </ContributionView>
          )
        })}
      </div>
      <ContributionForm
        target={target}
        roundId={first.roundId}
        language={language}
        maySubmit={!!round.data?.policies.submit}
        onClose={() => setTarget(null)}
      />
    </section>
  )
}
