/**
 * Starting a silence procedure: the deadline typed as a wall-clock time in the chosen zone
 * (Minsk by default), sent as ISO 8601 with that zone's offset; the API's refusals (a past
 * deadline, a procedure already running) are shown as they come.
 */
import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useStartSilence } from '../../api/silence-brackets.js'
import { useLanguage, useT } from '../../i18n/language.js'
import { momentInZone, zoneLabel } from '../../lib/negotiation.js'
import { DEFAULT_TIMEZONE, ROUND_TIMEZONES, wallTimeInZone, zonedWallToIso } from '../../lib/time.js'
import { Dialog } from '../Dialog.js'
import { ErrorAlert } from '../ErrorAlert.js'

interface SilenceFormProps {
  opened: boolean
  onClose: () => void
  documentId: string
  versionId: string
}

export function SilenceForm(props: SilenceFormProps) {
  const tr = useT()
  return (
    <Dialog opened={props.opened} onClose={props.onClose} title={tr('ui.silence.start')} size="lg">
      {props.opened && <SilenceFormBody {...props} />}
    </Dialog>
  )
}

/** A week from now, at 18:00 in the zone. */
function defaultDeadline(timeZone: string): string {
  return `${wallTimeInZone(new Date(Date.now() + 7 * 86_400_000), timeZone).slice(0, 10)}T18:00`
}

function SilenceFormBody({ onClose, documentId, versionId }: SilenceFormProps) {
  const tr = useT()
  const { lang } = useLanguage()
  const [timezone, setTimezone] = useState<string>(DEFAULT_TIMEZONE)
  const [deadline, setDeadline] = useState(() => defaultDeadline(DEFAULT_TIMEZONE))
  const [invalid, setInvalid] = useState<string | null>(null)
  const start = useStartSilence(documentId, versionId)
  const iso = zonedWallToIso(deadline, timezone)

  const save = () => {
    if (!iso) return setInvalid(tr('ui.form.required'))
    setInvalid(null)
    start.mutate({ deadline: iso, timezone }, { onSuccess: onClose })
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        save()
      }}
      data-testid="silence-form"
    >
      <Stack gap="md">
        <Text size="sm">{tr('ui.silence.startIntro')}</Text>
        <Select
          label={tr('ui.silence.timezone')}
          data={ROUND_TIMEZONES.map((zone) => ({ value: zone, label: zoneLabel(zone, tr) }))}
          value={timezone}
          allowDeselect={false}
          onChange={(value) => value && setTimezone(value)}
          comboboxProps={{ withinPortal: false }}
        />
        <TextInput
          type="datetime-local"
          label={tr('ui.silence.deadline')}
          value={deadline}
          onChange={(event) => setDeadline(event.currentTarget.value)}
          error={invalid}
          required
          data-autofocus
        />
        {iso && (
          <Text size="sm" c="dimmed" data-testid="silence-form-preview">
            {tr('ui.silence.preview', { deadline: momentInZone(iso, timezone, lang, tr) })}
          </Text>
        )}
        {start.error ? <ErrorAlert error={start.error} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={start.isPending}>
            {tr('ui.action.cancel')}
          </Button>
          <Button type="submit" loading={start.isPending}>
            {tr('ui.silence.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
