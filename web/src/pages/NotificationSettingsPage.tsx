/** Being built. */
import { NotFoundPage } from './NotFoundPage.js'

export function NotificationSettingsPage() {
  return <NotFoundPage />
}
