/** Mantine's modal with a labelled close button (focus is trapped, and returned on close). */
import { Modal, type ModalProps } from '@mantine/core'
import { useT } from '../i18n/language.js'

export function Dialog(props: ModalProps) {
  const tr = useT()
  return (
    <Modal {...props} closeButtonProps={{ 'aria-label': tr('ui.action.close'), ...props.closeButtonProps }} />
  )
}
