/**
 * Two small forms on a recorded decision: the date of signature (the secretariat, later),
 * and a member's special opinion (its head of delegation for their own State, or the
 * secretariat for any member State taking part), in Russian and/or English.
 */
import type { DossierParticipantDTO } from '@core/api/types.js'
import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import { type AdoptionItem, useAddSpecialOpinion, useUpdateAdoption } from '../../api/minutes.js'
import { useLanguage, useT } from '../../i18n/language.js'
import { partyLabel } from '../../lib/format.js'
import { Dialog } from '../Dialog.js'
import { ErrorAlert } from '../ErrorAlert.js'

interface ModalProps {
  opened: boolean
  onClose: () => void
  dossierId: string
  adoption: AdoptionItem
}

export function SignedOnForm({ opened, onClose, dossierId, adoption }: ModalProps) {
  const tr = useT()
  const update = useUpdateAdoption(dossierId)
  const [signedOn, setSignedOn] = useState(adoption.signedOn ?? '')
  const close = () => {
    update.reset()
    onClose()
  }
  return (
    <Dialog opened={opened} onClose={close} title={tr('ui.adoption.editSignedTitle')} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          update.mutate(
            { id: adoption.id, version: adoption.version, signedOn: signedOn || null },
            { onSuccess: close },
          )
        }}
      >
        <Stack gap="md">
          <TextInput
            type="date"
            label={tr('ui.adoption.signedOn')}
            value={signedOn}
            min={adoption.decidedOn}
            onChange={(e) => setSignedOn(e.currentTarget.value)}
            data-autofocus
          />
          {update.error ? <ErrorAlert error={update.error} /> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={update.isPending}>
              {tr('ui.action.cancel')}
            </Button>
            <Button type="submit" color="navy" loading={update.isPending}>
              {tr('ui.adoption.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}

export function SpecialOpinionForm({
  opened,
  onClose,
  dossierId,
  adoption,
  parties,
}: ModalProps & { parties: DossierParticipantDTO[] }) {
  const tr = useT()
  const { lang } = useLanguage()
  const add = useAddSpecialOpinion(dossierId)
  const [party, setParty] = useState<string | null>(parties.length === 1 ? parties[0]!.code : null)
  const [ru, setRu] = useState('')
  const [en, setEn] = useState('')
  const [touched, setTouched] = useState(false)
  const missingText = touched && !ru.trim() && !en.trim()
  const close = () => {
    add.reset()
    setTouched(false)
    onClose()
  }
  return (
    <Dialog opened={opened} onClose={close} title={tr('ui.adoption.addOpinionTitle')} size="lg" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          setTouched(true)
          if (!party || (!ru.trim() && !en.trim())) return
          add.mutate(
            {
              id: adoption.id,
              party,
              text: { ...(ru.trim() ? { ru: ru.trim() } : {}), ...(en.trim() ? { en: en.trim() } : {}) },
            },
            { onSuccess: close },
          )
        }}
      >
        <Stack gap="md">
          <Select
            label={tr('ui.adoption.opinionParty')}
            data={parties.map((p) => ({ value: p.code, label: partyLabel(p, lang) }))}
            value={party}
            onChange={setParty}
            required
            allowDeselect={false}
            error={touched && !party ? tr('ui.adoption.required') : undefined}
          />
          <Textarea
            label={tr('ui.adoption.opinionTextRu')}
            value={ru}
            onChange={(e) => setRu(e.currentTarget.value)}
            autosize
            minRows={3}
            lang="ru"
            error={missingText ? tr('ui.adoption.opinionTextRequired') : undefined}
          />
          <Textarea
            label={tr('ui.adoption.opinionTextEn')}
            value={en}
            onChange={(e) => setEn(e.currentTarget.value)}
            autosize
            minRows={3}
            lang="en"
          />
          {add.error ? <ErrorAlert error={add.error} /> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={add.isPending}>
              {tr('ui.action.cancel')}
            </Button>
            <Button type="submit" color="navy" loading={add.isPending}>
              {tr('ui.adoption.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}
