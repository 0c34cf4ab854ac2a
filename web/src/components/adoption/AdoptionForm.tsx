/**
 * The secretariat records a decision of a council: the body, the decision, its date, the
 * date of signature (optional; may be given later), the meeting (optional, among the body's
 * meetings on this dossier) and the signatories — by default every member State taking part
 * in the dossier; observers never sign. The server checks that every text is frozen and says
 * which are not.
 */
import type { AdoptionDecision } from '@core/api/minutes.js'
import type { DossierDTO } from '@core/api/types.js'
import { pickText } from '@core/i18n/languages.js'
import { Button, Checkbox, Group, Radio, Select, Stack, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useBodies, useDossierMeetings, useRecordAdoption } from '../../api/minutes.js'
import { useLanguage, useT } from '../../i18n/language.js'
import { formatDate, partyLabel } from '../../lib/format.js'
import { Dialog } from '../Dialog.js'
import { ErrorAlert } from '../ErrorAlert.js'

interface AdoptionFormProps {
  opened: boolean
  onClose: () => void
  dossier: DossierDTO
}

export function AdoptionForm({ opened, onClose, dossier }: AdoptionFormProps) {
  const tr = useT()
  const { lang } = useLanguage()
  const bodies = useBodies(dossier.organization.id, opened)
  const meetings = useDossierMeetings(dossier.id, opened)
  const record = useRecordAdoption(dossier.id)
  const members = dossier.participants.filter((p) => p.status === 'member')
  const [bodyId, setBodyId] = useState<string | null>(null)
  const [decision, setDecision] = useState<AdoptionDecision>('adopted')
  const [decidedOn, setDecidedOn] = useState('')
  const [signedOn, setSignedOn] = useState('')
  const [meetingId, setMeetingId] = useState<string | null>(null)
  const [signatories, setSignatories] = useState<string[]>(() => members.map((p) => p.code))
  const [touched, setTouched] = useState(false)

  const bodyOptions = (bodies.data?.data ?? []).map((b) => ({ value: b.id, label: pickText(b.name, lang) }))
  const meetingOptions = (meetings.data?.data ?? [])
    .filter((m) => m.body.id === bodyId)
    .map((m) => ({ value: m.id, label: `${pickText(m.title, lang)} — ${formatDate(m.startsAt, lang)}` }))
  const close = () => {
    record.reset()
    setTouched(false)
    onClose()
  }

  return (
    <Dialog opened={opened} onClose={close} title={tr('ui.adoption.recordTitle')} size="lg" centered>
      <form
        data-testid="adoption-form"
        onSubmit={(event) => {
          event.preventDefault()
          setTouched(true)
          if (!bodyId || !decidedOn) return
          record.mutate(
            {
              bodyId,
              decision,
              decidedOn,
              ...(signedOn ? { signedOn } : {}),
              ...(meetingId ? { meetingId } : {}),
              signatories,
            },
            { onSuccess: close },
          )
        }}
      >
        <Stack gap="md">
          <Select
            label={tr('ui.adoption.body')}
            data={bodyOptions}
            value={bodyId}
            onChange={(v) => {
              setBodyId(v)
              setMeetingId(null)
            }}
            required
            allowDeselect={false}
            error={touched && !bodyId ? tr('ui.adoption.required') : undefined}
            data-testid="adoption-body"
          />
          <Radio.Group
            label={tr('ui.adoption.decision')}
            value={decision}
            onChange={(v) => setDecision(v as AdoptionDecision)}
            required
          >
            <Group gap="lg" mt={6}>
              <Radio value="adopted" label={tr('ui.adoption.decision.adopted')} />
              <Radio value="recommended" label={tr('ui.adoption.decision.recommended')} />
            </Group>
          </Radio.Group>
          <Group gap="md" grow wrap="wrap" align="flex-start">
            <TextInput
              type="date"
              label={tr('ui.adoption.decidedOn')}
              value={decidedOn}
              onChange={(e) => setDecidedOn(e.currentTarget.value)}
              required
              error={touched && !decidedOn ? tr('ui.adoption.required') : undefined}
              data-testid="adoption-decided-on"
            />
            <TextInput
              type="date"
              label={tr('ui.adoption.signedOn')}
              description={tr('ui.adoption.signedOnHelp')}
              value={signedOn}
              onChange={(e) => setSignedOn(e.currentTarget.value)}
              min={decidedOn || undefined}
            />
          </Group>
          <Select
            label={tr('ui.adoption.meeting')}
            data={meetingOptions}
            value={meetingId}
            onChange={setMeetingId}
            clearable
            placeholder={tr('ui.adoption.noMeeting')}
            disabled={!bodyId || meetingOptions.length === 0}
          />
          <Checkbox.Group
            label={tr('ui.adoption.signatories')}
            description={tr('ui.adoption.signatoriesHelp')}
            value={signatories}
            onChange={setSignatories}
          >
            <Stack gap={6} mt={6}>
              {members.map((p) => (
                <Checkbox key={p.code} value={p.code} label={partyLabel(p, lang)} />
              ))}
            </Stack>
          </Checkbox.Group>
          {record.error ? <ErrorAlert error={record.error} /> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={record.isPending}>
              {tr('ui.action.cancel')}
            </Button>
            <Button type="submit" color="navy" loading={record.isPending}>
              {tr('ui.adoption.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}
