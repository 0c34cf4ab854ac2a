/**
 * On the document page, for a delegate who may state the party's position on the shown
 * (circulated, not frozen) version: the folded "State our position" panel.
 */
import type { DocumentDTO, VersionDTO } from '@core/api/types.js'
import { useConsensus } from '../../api/consensus.js'
import { useDossier, useMe } from '../../api/queries.js'
import { useConsensusModel } from './model.js'
import { PositionPanel } from './PositionPanel.js'

export function DocumentPositionPanel({ doc, version }: { doc: DocumentDTO; version: VersionDTO }) {
  const me = useMe().data?.data
  const published = version.status === 'published' && !version.frozenAt
  const consensus = useConsensus(doc.id, published && me?.party ? version.id : null)
  const dossier = useDossier(published && me?.party ? doc.dossier.id : '')
  const model = useConsensusModel(consensus.data?.data, version, dossier.data?.data.participants ?? [])
  const code = me?.party?.code
  if (!model || !code || !consensus.data?.policies.state_position || model.consensus.frozenAt) return null
  if (!model.parties.some((p) => p.code === code)) return null
  return <PositionPanel model={model} documentId={doc.id} versionId={version.id} partyCode={code} folded />
}
