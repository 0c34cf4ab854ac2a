/** Being built. */
import { NotFoundPage } from './NotFoundPage.js'

export function CalendarPage() {
  return <NotFoundPage />
}
