/** Shows a failed request: the server's message (already in the user's language) in an alert. */
import { Alert } from '@mantine/core'
import { ApiRequestError } from '../api/client.js'
import { useT } from '../i18n/language.js'

export function errorMessage(error: unknown, tr: (key: string) => string): string {
  if (error instanceof ApiRequestError) {
    if (error.message) return error.message
    if (error.status === 0) return tr('ui.error.network')
  }
  return tr('ui.error.unexpected')
}

export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const tr = useT()
  return (
    <Alert
      role="alert"
      color="red"
      variant="light"
      title={title ?? tr('ui.error.title')}
      icon={
        <span aria-hidden="true" className="alert-symbol">
          !
        </span>
      }
    >
      {errorMessage(error, tr)}
    </Alert>
  )
}
