/**
 * Opening a round of comments and proposals on a circulated version, or extending /
 * reopening one: opening and closing moments typed as wall-clock times in the chosen time
 * zone (Minsk by default), sent as ISO 8601 with that zone's offset.
 */
import type { RoundDTO } from '@core/api/contributions.js'
import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useNegotiationWrite } from '../../api/negotiation.js'
import { useLanguage, useT } from '../../i18n/language.js'
import { momentInZone, zoneLabel } from '../../lib/negotiation.js'
import { DEFAULT_TIMEZONE, ROUND_TIMEZONES, wallTimeInZone, zonedWallToIso } from '../../lib/time.js'
import { Dialog } from '../Dialog.js'
import { ErrorAlert } from '../ErrorAlert.js'

interface RoundFormProps {
  opened: boolean
  onClose: () => void
  documentId: string
  versionId: string
  /** The round to extend or reopen; absent to open a new one. */
  existing?: RoundDTO | null | undefined
  onDone?: ((round: RoundDTO) => void) | undefined
}

export function RoundForm(props: RoundFormProps) {
  const tr = useT()
  const title = props.existing ? tr('ui.roundForm.editTitle') : tr('ui.roundForm.openTitle')
  return (
    <Dialog opened={props.opened} onClose={props.onClose} title={title} size="lg">
      {props.opened && <RoundFormBody {...props} />}
    </Dialog>
  )
}

/** Now, to the minute (so that a round opened "now" is open at once). */
function nowWall(timeZone: string): string {
  return wallTimeInZone(new Date(Math.floor(Date.now() / 60_000) * 60_000), timeZone)
}

/** Two weeks from now, at 18:00 in the zone. */
function defaultClose(timeZone: string): string {
  return `${wallTimeInZone(new Date(Date.now() + 14 * 86_400_000), timeZone).slice(0, 10)}T18:00`
}

function RoundFormBody({ onClose, documentId, versionId, existing, onDone }: RoundFormProps) {
  const tr = useT()
  const { lang } = useLanguage()
  const [timezone, setTimezone] = useState(existing?.timezone ?? DEFAULT_TIMEZONE)
  const [opens, setOpens] = useState(() =>
    existing ? wallTimeInZone(existing.opensAt, existing.timezone) : nowWall(timezone),
  )
  const [closes, setCloses] = useState(() =>
    existing ? wallTimeInZone(existing.closesAt, existing.timezone) : defaultClose(timezone),
  )
  const [invalid, setInvalid] = useState<{ opens?: string; closes?: string }>({})
  const write = useNegotiationWrite<{ data: RoundDTO }, Record<string, unknown>>((body) =>
    existing
      ? { path: `/api/rounds/${encodeURIComponent(existing.id)}`, method: 'PATCH', body }
      : { path: `/api/documents/${encodeURIComponent(documentId)}/rounds`, method: 'POST', body },
  )
  const opensIso = zonedWallToIso(opens, timezone)
  const closesIso = zonedWallToIso(closes, timezone)

  const save = () => {
    const problems: { opens?: string; closes?: string } = {}
    if (!opensIso) problems.opens = tr('ui.form.required')
    if (!closesIso) problems.closes = tr('ui.form.required')
    else if (opensIso && Date.parse(closesIso) <= Date.parse(opensIso))
      problems.closes = tr('error.round_dates_invalid')
    setInvalid(problems)
    if (problems.opens || problems.closes) return
    const body = existing
      ? { version: existing.version, opensAt: opensIso, closesAt: closesIso, timezone }
      : { versionId, opensAt: opensIso, closesAt: closesIso, timezone }
    write.mutate(body, {
      onSuccess: (response) => {
        onDone?.(response.data)
        onClose()
      },
    })
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        save()
      }}
      data-testid="round-form"
    >
      <Stack gap="md">
        <Text size="sm">{existing ? tr('ui.roundForm.editIntro') : tr('ui.roundForm.openIntro')}</Text>
        <Select
          label={tr('ui.roundForm.timezone')}
          description={tr('ui.roundForm.timezoneHint')}
          data={ROUND_TIMEZONES.map((zone) => ({ value: zone, label: zoneLabel(zone, tr) }))}
          value={timezone}
          allowDeselect={false}
          onChange={(value) => value && setTimezone(value)}
          comboboxProps={{ withinPortal: false }}
        />
        <Group grow align="flex-start">
          <TextInput
            type="datetime-local"
            label={tr('ui.roundForm.opens')}
            value={opens}
            onChange={(event) => setOpens(event.currentTarget.value)}
            error={invalid.opens}
            required
            data-autofocus
          />
          <TextInput
            type="datetime-local"
            label={tr('ui.roundForm.closes')}
            value={closes}
            onChange={(event) => setCloses(event.currentTarget.value)}
            error={invalid.closes}
            required
          />
        </Group>
        {closesIso && (
          <Text size="sm" c="dimmed" data-testid="round-form-preview">
            {tr('ui.roundForm.preview', { closes: momentInZone(closesIso, timezone, lang, tr) })}
          </Text>
        )}
        {write.error ? <ErrorAlert error={write.error} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={write.isPending}>
            {tr('ui.action.cancel')}
          </Button>
          <Button type="submit" loading={write.isPending}>
            {existing ? tr('ui.roundForm.save') : tr('ui.roundForm.open')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
