/**
 * The secretariat's "Freeze as agreed": asks for confirmation with the SHA-256 that becomes
 * the identity of the agreed text; a refusal (409 not_agreed) shows why, in sentences.
 */
import type { Reason } from '@core/domain/consensus.js'
import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { ApiRequestError } from '../../api/client.js'
import { type NotAgreedDetails, useFreeze } from '../../api/consensus.js'
import { useT } from '../../i18n/language.js'
import { reasonSentences } from '../../lib/consensus.js'
import { Dialog } from '../Dialog.js'
import { ErrorAlert } from '../ErrorAlert.js'
import type { ConsensusModel } from './model.js'

interface FreezeActionProps {
  model: ConsensusModel
  documentId: string
  versionId: string
  versionLabel: string
  contentHash: string
}

export function FreezeAction({ model, documentId, versionId, versionLabel, contentHash }: FreezeActionProps) {
  const tr = useT()
  const [open, setOpen] = useState(false)
  const freeze = useFreeze(documentId, versionId)
  const refused =
    freeze.error instanceof ApiRequestError && freeze.error.code === 'not_agreed'
      ? (((freeze.error.details as NotAgreedDetails | undefined)?.reasons ?? []) as Reason[])
      : null
  const close = () => {
    setOpen(false)
    freeze.reset()
  }

  return (
    <div className="freeze-action no-print" data-testid="freeze-action">
      <Group gap="md" align="center" wrap="wrap">
        <Button onClick={() => setOpen(true)} color={model.consensus.agreed ? '#0b5a37' : 'navy'}>
          {tr('ui.consensus.freeze')}
        </Button>
        <Text size="sm" maw="40rem">
          {model.consensus.agreed ? tr('ui.consensus.freezeReady') : tr('ui.consensus.freezeNotYet')}
        </Text>
      </Group>
      <Dialog opened={open} onClose={close} title={tr('ui.consensus.freezeTitle')} centered size="lg">
        <Stack gap="md">
          <Text>{tr('ui.consensus.freezeBody', { label: versionLabel })}</Text>
          <div>
            <Text fw={700} size="sm">
              {tr('ui.consensus.frozenHash')}
            </Text>
            <code className="frozen__hash" data-testid="freeze-hash">
              {contentHash}
            </code>
          </div>
          {refused ? (
            <Alert
              color="red"
              role="alert"
              title={tr('ui.consensus.freezeRefused')}
              data-testid="freeze-refused"
            >
              <ul className="plain-list">
                {reasonSentences(refused, model.reasonContext).map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </Alert>
          ) : freeze.error ? (
            <ErrorAlert error={freeze.error} />
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={freeze.isPending}>
              {tr('ui.action.cancel')}
            </Button>
            <Button
              color="#0b5a37"
              loading={freeze.isPending}
              onClick={() =>
                freeze.mutate(undefined, {
                  onSuccess: () => {
                    setOpen(false)
                    // The button is gone once frozen: focus the new status instead.
                    window.setTimeout(() => document.getElementById('cstatus-heading')?.focus(), 50)
                  },
                })
              }
              data-autofocus
            >
              {tr('ui.consensus.freezeConfirm')}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </div>
  )
}
