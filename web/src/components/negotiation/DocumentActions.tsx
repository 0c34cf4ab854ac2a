/**
 * The next steps on a version, as the user's policies allow: compare it with another
 * version, circulate a working draft (secretariat), open a round of comments on a
 * circulated version (secretariat).
 */
import type { RoundDTO } from '@core/api/contributions.js'
import type { Policies, VersionDTO, VersionSummaryDTO } from '@core/api/types.js'
import { pickText } from '@core/i18n/languages.js'
import { Button, Group } from '@mantine/core'
import { useState } from 'react'
import { Link } from 'react-router'
import { useNegotiationWrite } from '../../api/negotiation.js'
import { useLanguage, useT } from '../../i18n/language.js'
import { ConfirmModal } from '../ConfirmModal.js'
import { RoundForm } from './RoundForm.js'

interface DocumentActionsProps {
  documentId: string
  version: VersionDTO
  versionPolicies: Policies
  /** All versions the user sees, newest first. */
  versions: VersionSummaryDTO[]
  mayOpenRound: boolean
  /** The round on this version, if any. */
  round: RoundDTO | null
}

/** The default pair of a comparison: the version before the shown one → the shown one. */
export function comparePair(
  versions: VersionSummaryDTO[],
  shownId: string,
): { from: string; to: string } | null {
  const ordered = [...versions].sort((a, b) => a.seq - b.seq)
  const index = ordered.findIndex((v) => v.id === shownId)
  if (ordered.length < 2) return null
  if (index > 0) return { from: ordered[index - 1]!.id, to: shownId }
  return { from: shownId, to: ordered[ordered.length - 1]!.id }
}

export function DocumentActions({
  documentId,
  version,
  versionPolicies,
  versions,
  mayOpenRound,
  round,
}: DocumentActionsProps) {
  const tr = useT()
  const { lang } = useLanguage()
  const [confirmPublish, setConfirmPublish] = useState(false)
  const [openRound, setOpenRound] = useState(false)
  const publish = useNegotiationWrite(() => ({
    path: `/api/documents/${encodeURIComponent(documentId)}/versions/${encodeURIComponent(version.id)}/publish`,
    method: 'POST',
    body: { version: version.version },
  }))
  const pair = comparePair(versions, version.id)
  const canCirculate = !!versionPolicies.publish && version.status === 'draft'
  const canOpen = mayOpenRound && version.status === 'published' && (!round || round.state === 'closed')
  if (!pair && !canCirculate && !canOpen) return null

  return (
    <Group gap="sm" wrap="wrap" className="no-print" data-testid="document-actions">
      {pair && (
        <Button
          component={Link}
          to={`/documents/${documentId}/compare?from=${pair.from}&to=${pair.to}`}
          variant="default"
        >
          {tr('ui.document.compare')}
        </Button>
      )}
      {canCirculate && <Button onClick={() => setConfirmPublish(true)}>{tr('ui.document.circulate')}</Button>}
      {canOpen && <Button onClick={() => setOpenRound(true)}>{tr('ui.document.openRound')}</Button>}
      <ConfirmModal
        opened={confirmPublish}
        title={tr('ui.document.circulateTitle', { label: pickText(version.label, lang) })}
        confirmLabel={tr('ui.document.circulate')}
        busy={publish.isPending}
        error={publish.error}
        onClose={() => {
          setConfirmPublish(false)
          publish.reset()
        }}
        onConfirm={() => publish.mutate(undefined, { onSuccess: () => setConfirmPublish(false) })}
      >
        {tr('ui.document.circulateBody')}
      </ConfirmModal>
      <RoundForm
        opened={openRound}
        onClose={() => setOpenRound(false)}
        documentId={documentId}
        versionId={version.id}
      />
    </Group>
  )
}
