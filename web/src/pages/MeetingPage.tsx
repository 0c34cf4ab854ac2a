/** Being built. */
import { NotFoundPage } from './NotFoundPage.js'

export function MeetingPage() {
  return <NotFoundPage />
}
