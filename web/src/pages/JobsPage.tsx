/** Being built. */
import { NotFoundPage } from './NotFoundPage.js'

export function JobsPage() {
  return <NotFoundPage />
}
