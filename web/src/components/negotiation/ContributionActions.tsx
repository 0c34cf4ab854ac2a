/**
 * What the user may do with one contribution, as its own policies say (read from
 * GET /api/contributions/:id): edit the party's draft, send it to the secretariat,
 * withdraw it (after confirmation), or co-sponsor another party's proposal.
 */
import type { ContributionDTO } from '@core/api/contributions.js'
import { Button, Group } from '@mantine/core'
import { useState } from 'react'
import { useContribution, useNegotiationWrite } from '../../api/negotiation.js'
import { useMe } from '../../api/queries.js'
import { useT } from '../../i18n/language.js'
import { ConfirmModal } from '../ConfirmModal.js'
import { ErrorAlert } from '../ErrorAlert.js'

interface ContributionActionsProps {
  contribution: ContributionDTO
  /** Opens the form on the draft (the caller owns the form). */
  onEdit?: ((fresh: ContributionDTO) => void) | undefined
  /** Co-sponsoring is offered only while the round is open. */
  roundOpen?: boolean
}

export function ContributionActions({ contribution, onEdit, roundOpen = true }: ContributionActionsProps) {
  const tr = useT()
  const me = useMe().data?.data
  // Lists carry each contribution's policies; fetch it alone only when they are missing.
  const detail = useContribution(contribution.id, !contribution.policies)
  const [confirmWithdraw, setConfirmWithdraw] = useState(false)
  const fresh = detail.data?.data ?? contribution
  const policies = { ...(contribution.policies ?? detail.data?.policies ?? {}) }
  if (!roundOpen) policies.cosponsor = false
  const enc = encodeURIComponent(contribution.id)

  const submit = useNegotiationWrite(() => ({
    path: `/api/contributions/${enc}/submit`,
    method: 'POST',
    body: { version: fresh.version },
  }))
  const withdraw = useNegotiationWrite(() => ({
    path: `/api/contributions/${enc}/withdraw`,
    method: 'POST',
    body: { version: fresh.version },
  }))
  const joined = !!me?.party && fresh.cosponsors.some((p) => p.id === me.party?.id)
  const cosponsor = useNegotiationWrite(() => ({
    path: `/api/contributions/${enc}/cosponsors`,
    method: joined ? 'DELETE' : 'POST',
  }))

  const any = policies.update || policies.submit || policies.withdraw || policies.cosponsor
  if (!any) return null
  const error = submit.error ?? cosponsor.error
  return (
    <div className="contribution__actions no-print">
      <Group gap="xs" wrap="wrap">
        {policies.update && onEdit && (
          <Button size="compact-sm" variant="default" onClick={() => onEdit(fresh)}>
            {tr('ui.contribution.edit')}
          </Button>
        )}
        {policies.submit && (
          <Button size="compact-sm" onClick={() => submit.mutate()} loading={submit.isPending}>
            {tr('ui.contribution.submit')}
          </Button>
        )}
        {policies.withdraw && (
          <Button size="compact-sm" variant="default" color="red.8" onClick={() => setConfirmWithdraw(true)}>
            {tr('ui.contribution.withdraw')}
          </Button>
        )}
        {policies.cosponsor && (
          <Button
            size="compact-sm"
            variant={joined ? 'default' : 'light'}
            onClick={() => cosponsor.mutate()}
            loading={cosponsor.isPending}
            aria-pressed={joined}
          >
            {joined ? tr('ui.contribution.uncosponsor') : tr('ui.contribution.cosponsor')}
          </Button>
        )}
      </Group>
      {error ? <ErrorAlert error={error} /> : null}
      <ConfirmModal
        opened={confirmWithdraw}
        title={tr('ui.contribution.withdrawTitle')}
        confirmLabel={tr('ui.contribution.withdrawConfirm')}
        danger
        busy={withdraw.isPending}
        error={withdraw.error}
        onClose={() => {
          setConfirmWithdraw(false)
          withdraw.reset()
        }}
        onConfirm={() => withdraw.mutate(undefined, { onSuccess: () => setConfirmWithdraw(false) })}
      >
        {tr('ui.contribution.withdrawBody')}
      </ConfirmModal>
    </div>
  )
}
