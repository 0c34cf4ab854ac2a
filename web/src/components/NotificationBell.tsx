/**
 * The bell in the banner: the number of unread notifications (polled every minute), and a
 * popover with the latest ones, "mark all read" and the way to the full inbox.
 */
import { Anchor, Button, Group, Popover, UnstyledButton } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Link } from 'react-router'
import { api } from '../api/client.js'
import { notificationsKey, useNotifications } from '../api/negotiation.js'
import { useT } from '../i18n/language.js'
import { NotificationList } from './NotificationList.js'
import '../styles/notify.css'

const SHOWN = 6

function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  )
}

export function useMarkAllRead() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => api('/api/notifications/read-all', { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  })
}

export function NotificationBell() {
  const tr = useT()
  const [opened, setOpened] = useState(false)
  const inbox = useNotifications()
  const markAll = useMarkAllRead()
  const unread = inbox.data?.unread ?? 0
  const items = inbox.data?.data ?? []

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={420} shadow="md" trapFocus>
      <Popover.Target>
        <UnstyledButton
          className="bell"
          onClick={() => setOpened((value) => !value)}
          aria-label={
            unread > 0 ? tr('ui.notifications.bellUnread', { n: unread }) : tr('ui.notifications.bell')
          }
          aria-expanded={opened}
          data-testid="bell"
        >
          <BellIcon />
          {unread > 0 && (
            <span className="bell__count" aria-hidden="true" data-testid="bell-count">
              {unread > 99 ? '99+' : unread}
            </span>
          )}
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown className="bell__dropdown">
        <Group justify="space-between" align="center" mb="xs">
          <h2 className="bell__title">{tr('ui.notifications.title')}</h2>
          {unread > 0 && (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => markAll.mutate()}
              loading={markAll.isPending}
            >
              {tr('ui.notifications.markAll')}
            </Button>
          )}
        </Group>
        <NotificationList items={items.slice(0, SHOWN)} onFollow={() => setOpened(false)} />
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Anchor component={Link} to="/notifications" size="sm" fw={600} onClick={() => setOpened(false)}>
            {tr('ui.notifications.all')} →
          </Anchor>
          <Anchor component={Link} to="/settings/notifications" size="sm" onClick={() => setOpened(false)}>
            {tr('ui.notifySettings.link')}
          </Anchor>
        </Group>
      </Popover.Dropdown>
    </Popover>
  )
}
