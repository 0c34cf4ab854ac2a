/**
 * Notifications as a list: each in the user's language with what it is about (its kind in
 * words) and its date; unread ones marked by a symbol and a word as well as weight. Choosing
 * one marks it read and follows its link. The text comes from the same function as the
 * e-mail (core/api/notifications.ts), so the inbox and the mail say the same thing.
 */
import type { NotificationDTO } from '@core/api/contributions.js'
import { notificationKindLabel, notificationMessage } from '@core/api/notifications.js'
import { UnstyledButton } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import { api } from '../api/client.js'
import { notificationsKey } from '../api/negotiation.js'
import { useLanguage, useT } from '../i18n/language.js'
import { formatDate } from '../lib/format.js'

interface NotificationListProps {
  items: NotificationDTO[]
  /** Called after a notification is chosen (e.g. to close a popover). */
  onFollow?: (() => void) | undefined
}

export function NotificationList({ items, onFollow }: NotificationListProps) {
  const tr = useT()
  const { lang } = useLanguage()
  const navigate = useNavigate()
  const queryClient = useQueryClient()

  const follow = async (n: NotificationDTO) => {
    if (!n.readAt) {
      try {
        await api(`/api/notifications/${encodeURIComponent(n.id)}/read`, { method: 'POST' })
      } catch {
        // Marking read is bookkeeping: the link is still worth following.
      }
      void queryClient.invalidateQueries({ queryKey: notificationsKey })
    }
    onFollow?.()
    navigate(n.link)
  }

  if (items.length === 0) return <p className="notifications__empty">{tr('ui.notifications.empty')}</p>
  return (
    <ul className="notifications">
      {items.map((n) => (
        <li key={n.id} className="notifications__item" data-unread={!n.readAt || undefined}>
          <UnstyledButton
            className="notifications__link"
            onClick={() => void follow(n)}
            data-testid="notification"
            data-kind={n.kind}
          >
            <span className="notifications__marker" aria-hidden="true">
              {n.readAt ? '○' : '●'}
            </span>
            <span className="notifications__body">
              {!n.readAt && <span className="notifications__new">{tr('ui.notifications.unreadWord')} </span>}
              <span className="notifications__text">{notificationMessage(n.kind, n.params, lang)}</span>
              <span className="notifications__date">
                {notificationKindLabel(n.kind, lang)} ·{' '}
                <time dateTime={n.createdAt}>{formatDate(n.createdAt, lang, true)}</time>
              </span>
            </span>
          </UnstyledButton>
        </li>
      ))}
    </ul>
  )
}
