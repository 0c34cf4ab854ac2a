/** Being built. */
import { NotFoundPage } from './NotFoundPage.js'

export function MinutesPage() {
  return <NotFoundPage />
}
