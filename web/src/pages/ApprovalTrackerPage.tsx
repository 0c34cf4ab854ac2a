/** Being built. */
import { NotFoundPage } from './NotFoundPage.js'

export function ApprovalTrackerPage() {
  return <NotFoundPage />
}
