/** A loading indicator that screen readers announce. */
import { Center, Loader } from '@mantine/core'
import { useT } from '../i18n/language.js'

export function PageLoader() {
  const tr = useT()
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="md" aria-hidden="true" />
      <span className="visually-hidden">{tr('ui.loading')}</span>
    </Center>
  )
}
