/**
 * Notification settings (/settings/notifications): for every kind of notice, grouped by what
 * it is about, whether it comes by e-mail at once, in the daily digest, or not at all. The
 * in-app inbox always shows everything. Saved with a confirmation; unsaved changes are said.
 */
import {
  MAIL_MODES,
  type MailMode,
  NOTIFICATION_GROUPS,
  type NotificationKind,
  notificationKindLabel,
} from '@core/api/notifications.js'
import { Alert, Button, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core'
import { type FormEvent, useEffect, useMemo, useState } from 'react'
import { useNotificationPreferences, useSavePreferences } from '../api/notifications.js'
import { Crumbs } from '../components/Crumbs.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { PageLoader } from '../components/PageLoader.js'
import { useLanguage, useT } from '../i18n/language.js'
import { useDocumentTitle } from '../lib/useDocumentTitle.js'
import '../styles/notify.css'

type Modes = Partial<Record<NotificationKind, MailMode>>

export function NotificationSettingsPage() {
  const tr = useT()
  const { lang } = useLanguage()
  const query = useNotificationPreferences()
  const save = useSavePreferences()
  const [draft, setDraft] = useState<Modes>({})
  const [saved, setSaved] = useState(false)
  useDocumentTitle(tr('ui.product'), tr('ui.notifySettings.title'))

  const data = query.data?.data
  const stored = useMemo<Modes>(
    () => Object.fromEntries((data?.preferences ?? []).map((p) => [p.kind, p.mode])),
    [data],
  )
  useEffect(() => setDraft(stored), [stored])
  const changed = (Object.keys(draft) as NotificationKind[]).filter((k) => draft[k] !== stored[k])

  const choose = (kind: NotificationKind, mode: MailMode) => {
    setSaved(false)
    setDraft((current) => ({ ...current, [kind]: mode }))
  }
  const chooseAll = (mode: MailMode) => {
    setSaved(false)
    setDraft((current) => Object.fromEntries(Object.keys(current).map((k) => [k, mode])) as Modes)
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (changed.length === 0) return
    save.mutate(Object.fromEntries(changed.map((k) => [k, draft[k]])) as Modes, {
      onSuccess: () => setSaved(true),
    })
  }

  return (
    <Stack gap="lg" maw="52rem">
      <Crumbs
        items={[
          { label: tr('ui.nav.dossiers'), to: '/' },
          { label: tr('ui.notifications.title'), to: '/notifications' },
          { label: tr('ui.notifySettings.title') },
        ]}
      />
      <header>
        <Title order={1}>{tr('ui.notifySettings.title')}</Title>
        <Text mt="xs">{tr('ui.notifySettings.intro')}</Text>
        {data && (
          <Text mt="xs" data-testid="mail-address">
            {data.email
              ? tr('ui.notifySettings.address', {
                  email: data.email,
                  language: tr(`ui.notifySettings.language.${data.language}`),
                })
              : tr('ui.notifySettings.noAddress')}
          </Text>
        )}
        <Text mt="xs" c="dimmed">
          {tr('ui.notifySettings.digestNote')}
        </Text>
      </header>

      {query.isPending && <PageLoader />}
      {query.isError && <ErrorAlert error={query.error} />}
      {data && (
        <form onSubmit={submit} noValidate>
          <Stack gap="lg">
            <Paper className="panel" p="md">
              <Group gap="sm" align="center" wrap="wrap">
                <Text fw={600} id="all-kinds">
                  {tr('ui.notifySettings.allLabel')}:
                </Text>
                {MAIL_MODES.map((mode) => (
                  <Button
                    key={mode}
                    variant="default"
                    size="xs"
                    onClick={() => chooseAll(mode)}
                    aria-describedby="all-kinds"
                    data-testid={`all-${mode}`}
                  >
                    {tr(`mail.mode.${mode}`)}
                  </Button>
                ))}
              </Group>
            </Paper>

            {NOTIFICATION_GROUPS.map(({ group, kinds }) => (
              <Paper key={group} className="panel" p="md">
                <fieldset className="notify-settings__group">
                  <legend>{tr(`notification.group.${group}`)}</legend>
                  {kinds.map((kind) => (
                    <div key={kind} className="notify-settings__kind">
                      <Radio.Group
                        label={notificationKindLabel(kind, lang)}
                        value={draft[kind] ?? 'immediate'}
                        onChange={(value) => choose(kind, value as MailMode)}
                        data-testid={`pref-${kind}`}
                      >
                        <Group gap="lg" mt={6} wrap="wrap">
                          {MAIL_MODES.map((mode) => (
                            <Radio key={mode} value={mode} label={tr(`mail.mode.${mode}`)} />
                          ))}
                        </Group>
                      </Radio.Group>
                    </div>
                  ))}
                </fieldset>
              </Paper>
            ))}

            <div className="notify-settings__bar">
              <Group gap="md" align="center" wrap="wrap">
                <Button type="submit" loading={save.isPending} disabled={changed.length === 0}>
                  {tr('ui.notifySettings.save')}
                </Button>
                <div aria-live="polite">
                  {changed.length > 0 && !save.isPending && (
                    <Text size="sm" data-testid="unsaved">
                      {tr('ui.notifySettings.unsaved')}
                    </Text>
                  )}
                </div>
              </Group>
              {save.error ? (
                <div style={{ marginTop: 12 }}>
                  <ErrorAlert error={save.error} />
                </div>
              ) : null}
              {saved && changed.length === 0 && (
                <Alert
                  mt="sm"
                  color="green"
                  role="status"
                  data-testid="preferences-saved"
                  icon={<span aria-hidden="true">✓</span>}
                >
                  {tr('ui.notifySettings.saved')}
                </Alert>
              )}
            </div>
          </Stack>
        </form>
      )}
    </Stack>
  )
}
