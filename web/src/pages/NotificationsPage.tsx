/**
 * The inbox: every notification of the user, newest first, "mark all read", and the way to
 * the settings that decide which of them also come by e-mail.
 */
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { Link } from 'react-router'
import { useNotifications } from '../api/negotiation.js'
import { Crumbs } from '../components/Crumbs.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { useMarkAllRead } from '../components/NotificationBell.js'
import { NotificationList } from '../components/NotificationList.js'
import { PageLoader } from '../components/PageLoader.js'
import { useT } from '../i18n/language.js'
import { useDocumentTitle } from '../lib/useDocumentTitle.js'

export function NotificationsPage() {
  const tr = useT()
  const inbox = useNotifications()
  const markAll = useMarkAllRead()
  useDocumentTitle(tr('ui.product'), tr('ui.notifications.title'))
  const unread = inbox.data?.unread ?? 0

  return (
    <Stack gap="lg" maw="48rem">
      <Crumbs items={[{ label: tr('ui.nav.dossiers'), to: '/' }, { label: tr('ui.notifications.title') }]} />
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1}>{tr('ui.notifications.title')}</Title>
          <Text c="dimmed" mt={6}>
            {tr('ui.notifications.unreadCount', { n: unread })}
          </Text>
        </div>
        <Group gap="md" align="center">
          <Anchor component={Link} to="/settings/notifications" fw={600} data-testid="settings-link">
            {tr('ui.notifySettings.link')}
          </Anchor>
          {unread > 0 && (
            <Button variant="default" onClick={() => markAll.mutate()} loading={markAll.isPending}>
              {tr('ui.notifications.markAll')}
            </Button>
          )}
        </Group>
      </Group>
      {markAll.error ? <ErrorAlert error={markAll.error} /> : null}
      {inbox.isPending && <PageLoader />}
      {inbox.isError && <ErrorAlert error={inbox.error} />}
      {inbox.isSuccess && (
        <Paper className="panel" p="sm">
          <NotificationList items={inbox.data.data} />
        </Paper>
      )}
    </Stack>
  )
}
