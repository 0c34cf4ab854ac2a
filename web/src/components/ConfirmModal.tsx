/** Asks before an irreversible step; shows the failure, if any, in an alert. */
import { Button, Group, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useT } from '../i18n/language.js'
import { Dialog } from './Dialog.js'
import { ErrorAlert } from './ErrorAlert.js'

interface ConfirmModalProps {
  opened: boolean
  title: string
  children: ReactNode
  confirmLabel: string
  onConfirm: () => void
  onClose: () => void
  busy?: boolean
  error?: unknown
  danger?: boolean
}

export function ConfirmModal({
  opened,
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
  busy = false,
  error,
  danger = false,
}: ConfirmModalProps) {
  const tr = useT()
  return (
    <Dialog opened={opened} onClose={onClose} title={title} centered size="md">
      <Stack gap="md">
        <Text component="div">{children}</Text>
        {error ? <ErrorAlert error={error} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {tr('ui.action.cancel')}
          </Button>
          <Button color={danger ? 'red.8' : 'navy'} onClick={onConfirm} loading={busy}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  )
}
