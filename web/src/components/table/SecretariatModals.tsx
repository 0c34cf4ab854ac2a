/**
 * The secretariat's work on a whole round: one decision for several contributions at once
 * (all or nothing), and a revision (Rev.N) with the accepted contributions applied.
 */
import type { Decision, RoundDTO } from '@core/api/contributions.js'
import type { VersionSummaryDTO } from '@core/api/types.js'
import type { Lang } from '@core/i18n/languages.js'
import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { useNegotiationWrite } from '../../api/negotiation.js'
import { useT } from '../../i18n/language.js'
import { Dialog } from '../Dialog.js'
import { ErrorAlert } from '../ErrorAlert.js'
import { ReasoningFields } from './ReasoningFields.js'

const BULK_DECISIONS: Decision[] = ['accepted', 'not_accepted', 'withdrawn']

interface BulkDisposeModalProps {
  opened: boolean
  roundId: string
  ids: string[]
  onClose: () => void
  onDone: () => void
}

export function BulkDisposeModal({ opened, roundId, ids, onClose, onDone }: BulkDisposeModalProps) {
  const tr = useT()
  return (
    <Dialog opened={opened} onClose={onClose} title={tr('ui.bulk.title', { n: ids.length })} size="lg">
      {opened && <BulkBody roundId={roundId} ids={ids} onClose={onClose} onDone={onDone} opened />}
    </Dialog>
  )
}

function BulkBody({ roundId, ids, onClose, onDone }: BulkDisposeModalProps) {
  const tr = useT()
  const [decision, setDecision] = useState<Decision>('accepted')
  const [reasonRu, setReasonRu] = useState('')
  const [reasonEn, setReasonEn] = useState('')
  const save = useNegotiationWrite<unknown, void>(() => {
    const reasoning: Partial<Record<Lang, string>> = {}
    if (reasonRu.trim()) reasoning.ru = reasonRu.trim()
    if (reasonEn.trim()) reasoning.en = reasonEn.trim()
    return {
      path: `/api/rounds/${encodeURIComponent(roundId)}/dispositions`,
      method: 'POST',
      body: { items: ids.map((contributionId) => ({ contributionId, decision, reasoning })) },
    }
  })
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        save.mutate(undefined, {
          onSuccess: () => {
            onDone()
            onClose()
          },
        })
      }}
    >
      <Stack gap="md">
        <Text size="sm">{tr('ui.bulk.intro')}</Text>
        <Select
          label={tr('ui.disposition.decision')}
          data={BULK_DECISIONS.map((value) => ({ value, label: tr(`decision.${value}`) }))}
          value={decision}
          allowDeselect={false}
          onChange={(value) => value && setDecision(value as Decision)}
          comboboxProps={{ withinPortal: false }}
          data-autofocus
        />
        <ReasoningFields ru={reasonRu} en={reasonEn} onRu={setReasonRu} onEn={setReasonEn} />
        {save.error ? <ErrorAlert error={save.error} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={save.isPending}>
            {tr('ui.action.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {tr('ui.bulk.save', { n: ids.length })}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

interface RevisionModalProps {
  opened: boolean
  round: RoundDTO
  versions: VersionSummaryDTO[]
  onClose: () => void
}

interface RevisionCreated {
  data: { versionId: string; seq: number; applied: number; skipped: number }
}

export function RevisionModal({ opened, round, versions, onClose }: RevisionModalProps) {
  const tr = useT()
  return (
    <Dialog opened={opened} onClose={onClose} title={tr('ui.revision.title')} size="lg">
      {opened && <RevisionBody round={round} versions={versions} onClose={onClose} opened />}
    </Dialog>
  )
}

function RevisionBody({ round, versions, onClose }: RevisionModalProps) {
  const tr = useT()
  const navigate = useNavigate()
  // Rev.N: the draft is version 1, so the next revision is numbered after the newest seq.
  const n = Math.max(1, ...versions.map((v) => v.seq))
  const [labelRu, setLabelRu] = useState(`Ред. ${n}`)
  const [labelEn, setLabelEn] = useState(`Rev.${n}`)
  const create = useNegotiationWrite<RevisionCreated, void>(() => ({
    path: `/api/documents/${encodeURIComponent(round.documentId)}/revisions`,
    method: 'POST',
    body: {
      fromVersionId: round.versionId,
      roundId: round.id,
      label: { ru: labelRu.trim(), en: labelEn.trim() },
    },
  }))
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        create.mutate(undefined, {
          onSuccess: (response) => {
            onClose()
            navigate(`/documents/${round.documentId}/versions/${response.data.versionId}`)
          },
        })
      }}
    >
      <Stack gap="md">
        <Text size="sm">{tr('ui.revision.intro')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={tr('ui.revision.labelRu')}
            value={labelRu}
            onChange={(event) => setLabelRu(event.currentTarget.value)}
            lang="ru"
            required
            data-autofocus
          />
          <TextInput
            label={tr('ui.revision.labelEn')}
            value={labelEn}
            onChange={(event) => setLabelEn(event.currentTarget.value)}
            lang="en"
            required
          />
        </SimpleGrid>
        {create.error ? <ErrorAlert error={create.error} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={create.isPending}>
            {tr('ui.action.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={!labelRu.trim() || !labelEn.trim()}>
            {tr('ui.revision.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
