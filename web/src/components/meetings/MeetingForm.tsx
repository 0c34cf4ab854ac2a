/**
 * Convening a meeting (from the calendar or from a dossier) or changing one: body, title,
 * start and end typed as wall-clock times in the venue's zone, place, format and the
 * conference link; when convening, the delegations to invite and, from a dossier, its
 * documents as agenda items.
 */
import type { MeetingDTO } from '@core/api/meetings.js'
import type { DocumentSummaryDTO, Envelope } from '@core/api/types.js'
import { isHttpsUrl, MEETING_FORMATS, type MeetingFormat } from '@core/domain/meetings.js'
import { pickText } from '@core/i18n/languages.js'
import { Button, Checkbox, Group, MultiSelect, Radio, Select, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import {
  meetingPath,
  useMeetingWrite,
  useOrganizationBodies,
  useOrganizationParties,
} from '../../api/meetings.js'
import { useLanguage, useT } from '../../i18n/language.js'
import { partyLabel } from '../../lib/format.js'
import { zoneLabel } from '../../lib/negotiation.js'
import { DEFAULT_TIMEZONE, ROUND_TIMEZONES, wallTimeInZone, zonedWallToIso } from '../../lib/time.js'
import { Dialog } from '../Dialog.js'
import { ErrorAlert } from '../ErrorAlert.js'

export interface MeetingFormProps {
  opened: boolean
  onClose: () => void
  organizationId: string
  /** The meeting to change; absent to convene a new one. */
  existing?: MeetingDTO | undefined
  /** Convening from a dossier: its lead body, parties and documents (the agenda). */
  dossier?:
    | {
        id: string
        leadBodyId: string | null
        participants: string[]
        documents: DocumentSummaryDTO[]
      }
    | undefined
}

export function MeetingForm(props: MeetingFormProps) {
  const tr = useT()
  return (
    <Dialog
      opened={props.opened}
      onClose={props.onClose}
      title={props.existing ? tr('meetings.edit.title') : tr('meetings.convene.title')}
      size="lg"
    >
      {props.opened && <MeetingFormBody {...props} />}
    </Dialog>
  )
}

interface Problems {
  title?: string
  starts?: string
  ends?: string
  url?: string
  body?: string
}

function MeetingFormBody({ onClose, organizationId, existing, dossier }: MeetingFormProps) {
  const tr = useT()
  const { lang } = useLanguage()
  const navigate = useNavigate()
  const bodies = useOrganizationBodies(organizationId).data?.data ?? []
  const parties = useOrganizationParties(organizationId).data?.data ?? []
  const [bodyId, setBodyId] = useState<string | null>(existing?.body.id ?? dossier?.leadBodyId ?? null)
  const [titleRu, setTitleRu] = useState(existing?.title.ru ?? '')
  const [titleEn, setTitleEn] = useState(existing?.title.en ?? '')
  const [timezone, setTimezone] = useState(existing?.timezone ?? DEFAULT_TIMEZONE)
  const [starts, setStarts] = useState(() =>
    existing ? wallTimeInZone(existing.startsAt, existing.timezone) : '',
  )
  const [ends, setEnds] = useState(() => (existing ? wallTimeInZone(existing.endsAt, existing.timezone) : ''))
  const [placeRu, setPlaceRu] = useState(existing?.place.ru ?? '')
  const [placeEn, setPlaceEn] = useState(existing?.place.en ?? '')
  const [format, setFormat] = useState<MeetingFormat>(existing?.format ?? 'videoconference')
  const [url, setUrl] = useState(existing?.conference?.url ?? '')
  const [delegations, setDelegations] = useState<string[] | null>(null)
  const [inviteSecretariat, setInviteSecretariat] = useState(true)
  const [documents, setDocuments] = useState<string[]>(() => dossier?.documents.map((d) => d.id) ?? [])
  const [problems, setProblems] = useState<Problems>({})
  const chosenBody = bodyId ?? bodies[0]?.id ?? null
  const invited = delegations ?? dossier?.participants ?? parties.map((p) => p.code)
  const zones: string[] = (ROUND_TIMEZONES as readonly string[]).includes(timezone)
    ? [...ROUND_TIMEZONES]
    : [timezone, ...ROUND_TIMEZONES]

  const write = useMeetingWrite<Record<string, unknown>>((body) =>
    existing
      ? { path: meetingPath(existing.id), method: 'PATCH', body }
      : { path: '/api/meetings', method: 'POST', body },
  )

  const save = () => {
    const startsAt = zonedWallToIso(starts, timezone)
    const endsAt = zonedWallToIso(ends, timezone)
    const found: Problems = {}
    if (!titleRu.trim() && !titleEn.trim()) found.title = tr('ui.form.required')
    if (!chosenBody) found.body = tr('ui.form.required')
    if (!startsAt) found.starts = tr('ui.form.required')
    if (!endsAt) found.ends = tr('ui.form.required')
    else if (startsAt && Date.parse(endsAt) <= Date.parse(startsAt)) {
      found.ends = tr('error.meeting_ends_before_start')
    }
    const link = format === 'in_person' ? '' : url.trim()
    if (link && !isHttpsUrl(link)) found.url = tr('error.conference_url_invalid')
    setProblems(found)
    if (Object.keys(found).length) return
    const title = {
      ...(titleRu.trim() ? { ru: titleRu.trim() } : {}),
      ...(titleEn.trim() ? { en: titleEn.trim() } : {}),
    }
    const place = {
      ...(placeRu.trim() ? { ru: placeRu.trim() } : {}),
      ...(placeEn.trim() ? { en: placeEn.trim() } : {}),
    }
    const common = {
      title,
      startsAt,
      endsAt,
      timezone,
      place,
      format,
      conferenceUrl: link || null,
    }
    const body = existing
      ? { version: existing.version, bodyId: chosenBody, ...common }
      : {
          organizationId,
          bodyId: chosenBody,
          ...common,
          delegations: invited,
          inviteSecretariat,
          ...(documents.length
            ? { agenda: documents.map((documentId) => ({ documentId })) }
            : dossier
              ? { agenda: [{ dossierId: dossier.id }] }
              : {}),
        }
    write.mutate(body, {
      onSuccess: (response) => {
        onClose()
        if (!existing) navigate(`/meetings/${(response as Envelope<MeetingDTO>).data.id}`)
      },
    })
  }

  return (
    <form
      noValidate
      data-testid="meeting-form"
      onSubmit={(event) => {
        event.preventDefault()
        save()
      }}
    >
      <Stack gap="md">
        <Select
          label={tr('meetings.field.body')}
          data={bodies.map((b) => ({ value: b.id, label: `${pickText(b.name, lang)} (${b.code})` }))}
          value={chosenBody}
          onChange={setBodyId}
          allowDeselect={false}
          error={problems.body}
          required
          comboboxProps={{ withinPortal: false }}
        />
        <Group grow align="flex-start">
          <TextInput
            label={tr('meetings.field.titleRu')}
            value={titleRu}
            onChange={(e) => setTitleRu(e.currentTarget.value)}
            error={problems.title}
            lang="ru"
            data-autofocus
          />
          <TextInput
            label={tr('meetings.field.titleEn')}
            value={titleEn}
            onChange={(e) => setTitleEn(e.currentTarget.value)}
            lang="en"
          />
        </Group>
        <Select
          label={tr('meetings.field.timezone')}
          data={zones.map((zone) => ({ value: zone, label: zoneLabel(zone, tr) }))}
          value={timezone}
          allowDeselect={false}
          onChange={(value) => value && setTimezone(value)}
          comboboxProps={{ withinPortal: false }}
        />
        <Group grow align="flex-start">
          <TextInput
            type="datetime-local"
            label={tr('meetings.field.startTime')}
            value={starts}
            onChange={(e) => setStarts(e.currentTarget.value)}
            error={problems.starts}
            required
          />
          <TextInput
            type="datetime-local"
            label={tr('meetings.field.endTime')}
            value={ends}
            onChange={(e) => setEnds(e.currentTarget.value)}
            error={problems.ends}
            required
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label={tr('meetings.field.placeRu')}
            value={placeRu}
            onChange={(e) => setPlaceRu(e.currentTarget.value)}
            lang="ru"
          />
          <TextInput
            label={tr('meetings.field.placeEn')}
            value={placeEn}
            onChange={(e) => setPlaceEn(e.currentTarget.value)}
            lang="en"
          />
        </Group>
        <Radio.Group
          label={tr('meetings.field.format')}
          value={format}
          onChange={(value) => setFormat(value as MeetingFormat)}
        >
          <Group gap="lg" mt={6}>
            {MEETING_FORMATS.map((f) => (
              <Radio key={f} value={f} label={tr(`meetings.format.${f}`)} />
            ))}
          </Group>
        </Radio.Group>
        {format !== 'in_person' && (
          <TextInput
            type="url"
            label={tr('meetings.field.conferenceUrl')}
            description={tr('meetings.field.conferenceUrl.hint')}
            placeholder="https://meet.jit.si/…"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={problems.url}
          />
        )}
        {existing ? (
          <Text size="sm" c="dimmed">
            {tr('meetings.edit.notice')}
          </Text>
        ) : (
          <>
            <MultiSelect
              label={tr('meetings.field.delegations')}
              description={tr('meetings.field.delegations.hint')}
              data={parties.map((p) => ({ value: p.code, label: partyLabel(p, lang) }))}
              value={invited}
              onChange={setDelegations}
              comboboxProps={{ withinPortal: false }}
              searchable
            />
            <Checkbox
              label={tr('meetings.field.inviteSecretariat')}
              checked={inviteSecretariat}
              onChange={(e) => setInviteSecretariat(e.currentTarget.checked)}
            />
            {dossier && dossier.documents.length > 0 && (
              <Checkbox.Group label={tr('meetings.agenda')} value={documents} onChange={setDocuments}>
                <Stack gap={6} mt={6}>
                  {dossier.documents.map((d) => (
                    <Checkbox key={d.id} value={d.id} label={pickText(d.title, lang)} />
                  ))}
                </Stack>
              </Checkbox.Group>
            )}
          </>
        )}
        {write.error ? <ErrorAlert error={write.error} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={write.isPending}>
            {tr('ui.action.cancel')}
          </Button>
          <Button type="submit" loading={write.isPending}>
            {existing ? tr('meetings.edit.submit') : tr('meetings.convene.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
