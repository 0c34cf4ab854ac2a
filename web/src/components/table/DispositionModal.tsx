/**
 * The secretariat's disposition of one contribution: the decision, its reasoning in Russian
 * and English, the wording actually taken when accepted in part (pre-filled with the
 * proposal, with its redline against the current text), or the contribution it was merged
 * into. Changing an existing disposition sends back its `version`.
 */
import type { ContributionDTO, Decision, TableContributionDTO, TableRowDTO } from '@core/api/contributions.js'
import { DECISIONS } from '@core/api/contributions.js'
import type { Lang } from '@core/i18n/languages.js'
import { diffWords } from '@core/text/diff.js'
import type { FlatProvision } from '@core/text/model.js'
import { Button, Group, Select, Stack, Text, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useContribution, useNegotiationWrite } from '../../api/negotiation.js'
import { useLanguage, useT } from '../../i18n/language.js'
import { partyLabel } from '../../lib/format.js'
import { contributionRedline, plainText, proposedFull } from '../../lib/negotiation.js'
import { Dialog } from '../Dialog.js'
import { ErrorAlert } from '../ErrorAlert.js'
import { PageLoader } from '../PageLoader.js'
import { Redline } from '../Redline.js'
import { ReasoningFields } from './ReasoningFields.js'

export interface DispositionTarget {
  contribution: TableContributionDTO
  row: TableRowDTO
  /** The provision, for its text in the contribution's own language. */
  provision: FlatProvision | undefined
  provisionName: string
}

interface DispositionModalProps {
  target: DispositionTarget | null
  /** Other contributions of the round it may be merged into: id → label. */
  mergeOptions: { value: string; label: string }[]
  onClose: () => void
}

export function DispositionModal({ target, mergeOptions, onClose }: DispositionModalProps) {
  const tr = useT()
  const { lang } = useLanguage()
  const title = target
    ? tr('ui.disposition.title', {
        party: partyLabel(target.contribution.party, lang),
        provision: target.provisionName,
      })
    : ''
  return (
    <Dialog opened={!!target} onClose={onClose} title={title} size="xl">
      {target && <Loader target={target} mergeOptions={mergeOptions} onClose={onClose} />}
    </Dialog>
  )
}

function Loader({ target, mergeOptions, onClose }: DispositionModalProps & { target: DispositionTarget }) {
  const detail = useContribution(target.contribution.id)
  if (detail.isPending) return <PageLoader />
  if (detail.isError) return <ErrorAlert error={detail.error} />
  return (
    <Body
      key={detail.data.data.version}
      target={target}
      full={detail.data.data}
      mergeOptions={mergeOptions.filter((o) => o.value !== target.contribution.id)}
      onClose={onClose}
    />
  )
}

function Body({
  target,
  full,
  mergeOptions,
  onClose,
}: {
  target: DispositionTarget
  full: ContributionDTO
  mergeOptions: { value: string; label: string }[]
  onClose: () => void
}) {
  const tr = useT()
  const existing = full.disposition
  // Proposals are worded in the contribution's language, whatever the table's language.
  const current = target.provision ? plainText(target.provision, full.language) : target.row.text
  const proposalOps = contributionRedline(full, current)
  const [decision, setDecision] = useState<Decision>(existing?.decision ?? 'accepted')
  const [reasonRu, setReasonRu] = useState(existing?.reasoning.ru ?? '')
  const [reasonEn, setReasonEn] = useState(existing?.reasoning.en ?? '')
  const [adopted, setAdopted] = useState(
    () => existing?.adoptedText ?? (full.proposedText ? proposedFull(full, current) : current),
  )
  const [mergedInto, setMergedInto] = useState<string | null>(existing?.mergedInto ?? null)
  const [invalid, setInvalid] = useState<string | null>(null)
  const save = useNegotiationWrite<unknown, Record<string, unknown>>((body) => ({
    path: `/api/contributions/${encodeURIComponent(full.id)}/disposition`,
    method: 'PUT',
    body,
  }))

  const submit = () => {
    if (decision === 'accepted_in_part' && !adopted.trim()) return setInvalid(tr('ui.form.required'))
    if (decision === 'merged' && !mergedInto) return setInvalid(tr('ui.form.required'))
    setInvalid(null)
    const reasoning: Partial<Record<Lang, string>> = {}
    if (reasonRu.trim()) reasoning.ru = reasonRu.trim()
    if (reasonEn.trim()) reasoning.en = reasonEn.trim()
    save.mutate(
      {
        decision,
        reasoning,
        adoptedText: decision === 'accepted_in_part' ? adopted : null,
        mergedInto: decision === 'merged' ? mergedInto : null,
        ...(existing ? { version: existing.version } : {}),
      },
      { onSuccess: onClose },
    )
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        submit()
      }}
      data-testid="disposition-form"
    >
      <Stack gap="md">
        {proposalOps.length > 0 && (
          <div>
            <Text size="sm" fw={600} mb={4}>
              {tr('ui.disposition.proposal')}
            </Text>
            <blockquote className="current-text" lang={full.language}>
              <Redline ops={proposalOps} />
            </blockquote>
          </div>
        )}
        {target.contribution.comment && <Text size="sm">{target.contribution.comment}</Text>}
        <Select
          label={tr('ui.disposition.decision')}
          data={DECISIONS.map((value) => ({ value, label: tr(`decision.${value}`) }))}
          value={decision}
          allowDeselect={false}
          onChange={(value) => value && setDecision(value as Decision)}
          comboboxProps={{ withinPortal: false }}
          data-autofocus
        />
        {decision === 'accepted_in_part' && (
          <Stack gap="xs">
            <Textarea
              label={tr('ui.disposition.adopted')}
              description={tr('ui.disposition.adoptedHint')}
              value={adopted}
              onChange={(event) => setAdopted(event.currentTarget.value)}
              autosize
              minRows={3}
              maxRows={12}
              lang={full.language}
              required
              error={invalid}
              classNames={{ input: 'form-text' }}
            />
            <div className="live-redline" data-testid="adopted-redline">
              <Text size="sm" fw={600} mb={4}>
                {tr('ui.disposition.adoptedRedline')}
              </Text>
              <p className="live-redline__text" lang={full.language}>
                <Redline ops={diffWords(current, adopted)} />
              </p>
            </div>
          </Stack>
        )}
        {decision === 'merged' && (
          <Select
            label={tr('ui.disposition.mergedInto')}
            data={mergeOptions}
            value={mergedInto}
            onChange={setMergedInto}
            searchable
            required
            error={invalid}
            comboboxProps={{ withinPortal: false }}
          />
        )}
        <ReasoningFields ru={reasonRu} en={reasonEn} onRu={setReasonRu} onEn={setReasonEn} />
        {save.error ? <ErrorAlert error={save.error} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={save.isPending}>
            {tr('ui.action.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {tr('ui.disposition.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
