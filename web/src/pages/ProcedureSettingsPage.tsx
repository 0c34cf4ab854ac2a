/** Being built. */
import { NotFoundPage } from './NotFoundPage.js'

export function ProcedureSettingsPage() {
  return <NotFoundPage />
}
