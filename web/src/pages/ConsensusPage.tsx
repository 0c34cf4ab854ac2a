/**
 * The consensus on a version: where the document stands and why, the secretariat's
 * "Freeze as agreed" (or, once frozen, the agreed text's hash and downloads), the
 * delegate's "State our position", and the parties × provisions matrix with a side panel
 * for each provision and each party's statements.
 */
import { pickText } from '@core/i18n/languages.js'
import { Anchor, Group, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { useConsensus, usePositionHistory } from '../api/consensus.js'
import { useDocument, useDossier, useMe, useVersion } from '../api/queries.js'
import { Crumbs } from '../components/Crumbs.js'
import { ConsensusMatrix, type MatrixSelection } from '../components/consensus/ConsensusMatrix.js'
import { ConsensusStatus } from '../components/consensus/ConsensusStatus.js'
import { FreezeAction } from '../components/consensus/FreezeAction.js'
import { FrozenDetails } from '../components/consensus/FrozenDetails.js'
import { useConsensusModel } from '../components/consensus/model.js'
import { PositionPanel } from '../components/consensus/PositionPanel.js'
import { ProvisionDrawer } from '../components/consensus/ProvisionDrawer.js'
import { SilenceBanner } from '../components/consensus/SilenceBanner.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { HashDisplay } from '../components/HashDisplay.js'
import { PageLoader } from '../components/PageLoader.js'
import { useLanguage, useT } from '../i18n/language.js'
import { formatDate } from '../lib/format.js'
import { useDocumentTitle } from '../lib/useDocumentTitle.js'

export function ConsensusPage() {
  const { id = '', versionId = '' } = useParams()
  const tr = useT()
  const { lang } = useLanguage()
  const me = useMe().data?.data
  const documentQuery = useDocument(id)
  const doc = documentQuery.data?.data
  const dossier = useDossier(doc?.dossier.id ?? '')
  const version = useVersion(id, versionId)
  const consensus = useConsensus(id, versionId)
  const [selection, setSelection] = useState<MatrixSelection | null>(null)
  const history = usePositionHistory(id, versionId)
  const v = version.data?.data
  const model = useConsensusModel(consensus.data?.data, v, dossier.data?.data.participants ?? [])
  const title = doc ? pickText(doc.title, lang) : ''
  useDocumentTitle(tr('ui.product'), tr('ui.consensus.title'), title)

  const failure = documentQuery.error ?? version.error ?? consensus.error ?? dossier.error
  if (failure) return <ErrorAlert error={failure} />
  if (!doc || !v || !model) return <PageLoader />

  const c = model.consensus
  const policies = consensus.data?.policies ?? {}
  const label = pickText(v.label, lang)
  const myParty = me?.party?.code ?? null
  const mayState =
    !!policies.state_position && !c.frozenAt && !!myParty && model.parties.some((p) => p.code === myParty)

  return (
    <Stack gap="lg">
      <Crumbs
        items={[
          { label: tr('ui.nav.dossiers'), to: '/' },
          { label: doc.dossier.reference, to: `/dossiers/${doc.dossier.id}` },
          { label: title, to: `/documents/${doc.id}/versions/${v.id}` },
          { label: tr('ui.consensus.title') },
        ]}
      />
      <header>
        <Text className="page-kicker">{tr('ui.consensus.kicker')}</Text>
        <Title order={1} mt={6} maw="56rem">
          {title}
        </Title>
        <Group gap="md" mt="sm" wrap="wrap" align="center">
          <Text>
            {tr('ui.consensus.versionLine', {
              label,
              date: formatDate(v.publishedAt ?? v.createdAt, lang),
            })}
          </Text>
          <HashDisplay hash={v.contentHash} />
          <Anchor component={Link} to={`/documents/${doc.id}/versions/${v.id}`} className="no-print">
            {tr('ui.consensus.toText')}
          </Anchor>
        </Group>
      </header>

      <ConsensusStatus model={model}>
        {c.frozenAt && <FrozenDetails documentId={doc.id} versionId={v.id} contentHash={v.contentHash} />}
      </ConsensusStatus>

      <SilenceBanner
        documentId={doc.id}
        versionId={v.id}
        participants={dossier.data?.data.participants ?? []}
        active={v.status === 'published' && !c.frozenAt}
      />

      {policies.freeze && !c.frozenAt && (
        <FreezeAction
          model={model}
          documentId={doc.id}
          versionId={v.id}
          versionLabel={label}
          contentHash={v.contentHash}
        />
      )}

      {mayState && myParty && (
        <PositionPanel model={model} documentId={doc.id} versionId={v.id} partyCode={myParty} />
      )}

      <div className="table-bleed">
        <ConsensusMatrix
          model={model}
          myParty={myParty}
          caption={tr('ui.consensus.caption', { title, label })}
          onSelect={setSelection}
        />
      </div>

      <ProvisionDrawer
        model={model}
        selection={selection}
        history={history.data?.data}
        historyError={history.error}
        onClose={() => setSelection(null)}
      />
    </Stack>
  )
}
