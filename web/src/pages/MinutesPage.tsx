/**
 * The minutes (протокол) of a meeting, as a document that prints well: the language of the
 * minutes (Russian, English), the status (draft, or approved with its date and SHA-256), the
 * downloads (DOCX, PDF). The secretariat drafts them from the record when there are none,
 * edits each section as text, re-drafts a draft, and approves them (with confirmation; then
 * they no longer change).
 */
import type { MinutesDTO, MinutesText } from '@core/api/minutes.js'
import { longDate } from '@core/domain/minutes.js'
import { t } from '@core/i18n/index.js'
import { type Lang, pickText } from '@core/i18n/languages.js'
import { Alert, Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { useId, useState } from 'react'
import { useParams } from 'react-router'
import {
  minutesDocxUrl,
  minutesPdfUrl,
  useApproveMinutes,
  useDraftMinutes,
  useMinutes,
  useUpdateMinutes,
} from '../api/minutes.js'
import { ConfirmModal } from '../components/ConfirmModal.js'
import { Crumbs } from '../components/Crumbs.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { HashDisplay } from '../components/HashDisplay.js'
import { MinutesDocument } from '../components/minutes/MinutesDocument.js'
import { MinutesEditor } from '../components/minutes/MinutesEditor.js'
import { PageLoader } from '../components/PageLoader.js'
import { StatusLabel } from '../components/StatusBadges.js'
import { useLanguage, useT } from '../i18n/language.js'
import { formatDate } from '../lib/format.js'
import { useDocumentTitle } from '../lib/useDocumentTitle.js'
import '../components/minutes/minutes.css'

const MINUTES_LANGS: Lang[] = ['ru', 'en']

function MinutesStatus({ minutes }: { minutes: MinutesDTO }) {
  const tr = useT()
  const { lang } = useLanguage()
  const approved = minutes.status === 'approved'
  return (
    <Stack gap={6} data-testid="minutes-status">
      <Group gap="sm" wrap="wrap" align="center">
        <StatusLabel
          tone={approved ? 'green' : 'amber'}
          symbol={approved ? '✓' : '✎'}
          word={tr(`ui.minutes.status.${minutes.status}`)}
          testId="minutes-status-badge"
        />
        <Text size="sm">
          {approved && minutes.approvedAt
            ? tr('ui.minutes.approvedOn', {
                date: formatDate(minutes.approvedAt, lang, true),
                by: minutes.approvedBy?.displayName ?? '',
              })
            : tr('ui.minutes.draftedOn', {
                date: formatDate(minutes.draftedAt, lang, true),
                updated: formatDate(minutes.updatedAt, lang, true),
              })}
        </Text>
      </Group>
      <HashDisplay hash={minutes.contentHash} />
    </Stack>
  )
}

export function MinutesPage() {
  const { id = '' } = useParams()
  const tr = useT()
  const { lang } = useLanguage()
  const query = useMinutes(id)
  const draft = useDraftMinutes(id)
  const update = useUpdateMinutes(id)
  const approve = useApproveMinutes(id)
  const [chosen, setChosen] = useState<Lang | null>(null)
  const [editing, setEditing] = useState(false)
  const [confirm, setConfirm] = useState<'approve' | 'redraft' | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const langLabelId = useId()
  const page = query.data?.data
  const meetingTitle = page ? pickText(page.meeting.title, lang) : ''
  useDocumentTitle(tr('ui.product'), tr('ui.minutes.title'), meetingTitle)

  if (query.isPending) return <PageLoader />
  if (query.isError) return <ErrorAlert error={query.error} />
  const { meeting, minutes } = query.data.data
  const policies = query.data.policies
  const available = minutes?.languages.length ? minutes.languages : MINUTES_LANGS
  const textLang: Lang =
    chosen && available.includes(chosen) ? chosen : available.includes(lang) ? lang : available[0]!
  const text: MinutesText | undefined = minutes?.texts[textLang]
  const closeConfirm = () => {
    setConfirm(null)
    approve.reset()
    draft.reset()
  }
  const focusStatus = () => window.setTimeout(() => document.getElementById('minutes-heading')?.focus(), 50)

  return (
    <Stack gap="lg">
      <Crumbs
        items={[{ label: meetingTitle, to: `/meetings/${meeting.id}` }, { label: tr('ui.minutes.title') }]}
      />
      <header className="no-print">
        <Text className="page-kicker">{tr('ui.minutes.kicker')}</Text>
        <Title order={1} mt={6} maw="56rem" id="minutes-heading" tabIndex={-1}>
          {meetingTitle}
        </Title>
        <Text mt="xs">
          {[
            pickText(meeting.body.name, lang),
            longDate(meeting.startsAt, lang, meeting.timezone),
            pickText(meeting.place, lang),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </header>

      {notice ? (
        <Alert
          color="green"
          role="status"
          className="no-print"
          onClose={() => setNotice(null)}
          withCloseButton
          closeButtonLabel={tr('ui.action.close')}
        >
          {notice}
        </Alert>
      ) : null}

      {meeting.status === 'cancelled' && !minutes ? (
        <Alert color="gray" role="status">
          {tr('ui.minutes.meetingCancelled')}
        </Alert>
      ) : !minutes ? (
        <section aria-labelledby="minutes-none" className="panel" style={{ padding: '1.25rem' }}>
          <Stack gap="sm" align="flex-start">
            <Text id="minutes-none" fw={700}>
              {policies.draft ? tr('ui.minutes.none') : tr('ui.minutes.noneReader')}
            </Text>
            {policies.draft ? (
              <>
                <Text maw="44rem">{tr('ui.minutes.draftHelp')}</Text>
                {draft.error ? <ErrorAlert error={draft.error} /> : null}
                <Button
                  color="navy"
                  loading={draft.isPending}
                  onClick={() => draft.mutate({}, { onSuccess: () => setNotice(null) })}
                  data-testid="minutes-draft"
                >
                  {tr('ui.minutes.draftFromRecord')}
                </Button>
              </>
            ) : null}
          </Stack>
        </section>
      ) : (
        <>
          <section aria-label={tr('ui.minutes.title')} className="no-print">
            <Stack gap="md">
              <MinutesStatus minutes={minutes} />
              <Group gap="lg" align="flex-end" wrap="wrap">
                <Stack gap={4}>
                  <Text id={langLabelId} size="sm" fw={500} component="span">
                    {tr('ui.minutes.language')}
                  </Text>
                  <SegmentedControl
                    aria-labelledby={langLabelId}
                    data-testid="minutes-language"
                    value={textLang}
                    disabled={editing}
                    onChange={(next) => setChosen(next as Lang)}
                    data={available.map((code) => ({
                      value: code,
                      label: <span lang={code}>{t(code, `lang.${code}`)}</span>,
                    }))}
                  />
                </Stack>
                <Group gap="sm" wrap="wrap" role="group" aria-label={tr('ui.minutes.download')}>
                  <Button
                    component="a"
                    href={minutesDocxUrl(meeting.id, textLang)}
                    download
                    variant="default"
                    aria-label={tr('ui.minutes.downloadDocx', { language: t(textLang, `lang.${textLang}`) })}
                    data-testid="minutes-docx"
                  >
                    {tr('ui.minutes.docx')}
                  </Button>
                  <Button
                    component="a"
                    href={minutesPdfUrl(meeting.id, textLang)}
                    download
                    variant="default"
                    aria-label={tr('ui.minutes.downloadPdf', { language: t(textLang, `lang.${textLang}`) })}
                    data-testid="minutes-pdf"
                  >
                    {tr('ui.minutes.pdf')}
                  </Button>
                  <Button variant="default" onClick={() => window.print()}>
                    {tr('ui.minutes.print')}
                  </Button>
                </Group>
              </Group>
              {!editing && (policies.update || policies.approve || policies.redraft) ? (
                <Group gap="sm" wrap="wrap" data-testid="minutes-actions">
                  {policies.update ? (
                    <Button
                      variant="outline"
                      color="navy"
                      onClick={() => setEditing(true)}
                      data-testid="minutes-edit"
                    >
                      {tr('ui.minutes.edit')}
                    </Button>
                  ) : null}
                  {policies.approve ? (
                    <Button
                      color="#0b5a37"
                      onClick={() => setConfirm('approve')}
                      data-testid="minutes-approve"
                    >
                      {tr('ui.minutes.approve')}
                    </Button>
                  ) : null}
                  {policies.redraft ? (
                    <Button variant="subtle" color="navy" onClick={() => setConfirm('redraft')}>
                      {tr('ui.minutes.redraft')}
                    </Button>
                  ) : null}
                </Group>
              ) : null}
            </Stack>
          </section>

          {editing && text ? (
            <MinutesEditor
              key={`${textLang}-${minutes.version}`}
              text={text}
              lang={textLang}
              busy={update.isPending}
              error={update.error}
              onCancel={() => {
                setEditing(false)
                update.reset()
              }}
              onSave={(next) =>
                update.mutate(
                  { version: minutes.version, texts: { [textLang]: next } },
                  {
                    onSuccess: () => {
                      setEditing(false)
                      setNotice(tr('ui.minutes.saved'))
                      focusStatus()
                    },
                  },
                )
              }
            />
          ) : text ? (
            <MinutesDocument minutes={minutes} text={text} lang={textLang} />
          ) : (
            <Text>{tr('ui.minutes.missingLanguage')}</Text>
          )}

          <ConfirmModal
            opened={confirm === 'approve'}
            title={tr('ui.minutes.approveTitle')}
            confirmLabel={tr('ui.minutes.approveConfirm')}
            busy={approve.isPending}
            error={approve.error}
            onClose={closeConfirm}
            onConfirm={() =>
              approve.mutate(
                { version: minutes.version },
                {
                  onSuccess: () => {
                    setConfirm(null)
                    setNotice(tr('ui.minutes.approvedNotice'))
                    focusStatus()
                  },
                },
              )
            }
          >
            <Stack gap="xs">
              <Text>{tr('ui.minutes.approveBody')}</Text>
              <Text size="sm" fw={700}>
                {tr('ui.minutes.hash')}
              </Text>
              <code className="frozen__hash" data-testid="minutes-approve-hash">
                {minutes.contentHash}
              </code>
            </Stack>
          </ConfirmModal>
          <ConfirmModal
            opened={confirm === 'redraft'}
            title={tr('ui.minutes.redraftTitle')}
            confirmLabel={tr('ui.minutes.redraft')}
            busy={draft.isPending}
            error={draft.error}
            danger
            onClose={closeConfirm}
            onConfirm={() =>
              draft.mutate({ redraftVersion: minutes.version }, { onSuccess: () => setConfirm(null) })
            }
          >
            {tr('ui.minutes.redraftBody')}
          </ConfirmModal>
        </>
      )}
    </Stack>
  )
}
