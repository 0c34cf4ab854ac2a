/**
 * The form of a comment or proposal, in a modal dialog (focus trapped, returned on close).
 * "Propose wording" starts from the provision's current text in the document's working
 * language and shows the redline live as the delegate types. "Save draft" keeps it within
 * the party; "Submit to the secretariat" appears for those who may submit.
 */
import type { ContributionDTO, ContributionKind, ContributionType } from '@core/api/contributions.js'
import { CONTRIBUTION_TYPES } from '@core/api/contributions.js'
import type { Envelope } from '@core/api/types.js'
import type { Lang } from '@core/i18n/languages.js'
import { diffWords } from '@core/text/diff.js'
import type { FlatProvision } from '@core/text/model.js'
import { Button, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useId, useMemo, useState } from 'react'
import { api } from '../../api/client.js'
import { refreshNegotiation } from '../../api/negotiation.js'
import { useT } from '../../i18n/language.js'
import { plainText, proposedFull } from '../../lib/negotiation.js'
import { Dialog } from '../Dialog.js'
import { ErrorAlert } from '../ErrorAlert.js'
import { Redline, RedlineLegend } from '../Redline.js'

export interface ContributionTarget {
  kind: ContributionKind
  /** The provision commented on, amended or deleted; for an insertion, the one it follows. */
  provision: FlatProvision | null
  /** "п. 5", for titles. */
  provisionName: string
  /** The party's draft being edited. */
  existing?: ContributionDTO | undefined
}

interface ContributionFormProps {
  target: ContributionTarget | null
  roundId: string
  /** The document's working language: proposals are worded in it. */
  language: Lang
  maySubmit: boolean
  onClose: () => void
  /** False when the caller moves focus itself on close (the opener may be gone). */
  restoreFocus?: boolean
}

export function ContributionForm({
  target,
  roundId,
  language,
  maySubmit,
  onClose,
  restoreFocus = true,
}: ContributionFormProps) {
  const tr = useT()
  const title = target
    ? tr(`ui.form.title.${target.kind}`, { provision: target.provisionName })
    : tr('ui.form.title.general')
  return (
    <Dialog opened={!!target} onClose={onClose} title={title} size="xl" returnFocus={restoreFocus}>
      {target && (
        <FormBody
          key={target.existing?.id ?? `${target.kind}-${target.provision?.eid ?? 'general'}`}
          target={target}
          roundId={roundId}
          language={target.existing?.language ?? language}
          maySubmit={maySubmit}
          onClose={onClose}
        />
      )}
    </Dialog>
  )
}

function FormBody({
  target,
  roundId,
  language,
  maySubmit,
  onClose,
}: ContributionFormProps & { target: ContributionTarget }) {
  const tr = useT()
  const queryClient = useQueryClient()
  const typeLabel = useId()
  const { kind, provision, existing } = target
  const current = plainText(provision ?? undefined, language)
  const [wording, setWording] = useState(() =>
    existing ? proposedFull(existing, current) : kind === 'amendment' ? current : '',
  )
  const [comment, setComment] = useState(existing?.comment ?? '')
  const [type, setType] = useState<ContributionType>(existing?.type ?? 'general')
  const [justification, setJustification] = useState(existing?.justification ?? '')
  const [invalid, setInvalid] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null)
  const ops = useMemo(
    () => (kind === 'amendment' ? diffWords(current, wording) : []),
    [kind, current, wording],
  )
  const changed = ops.some((op) => op.op !== 'equal')
  const needsWording = kind === 'amendment' || kind === 'insertion'
  const needsComment = kind === 'comment' || kind === 'general'

  const save = async (submit: boolean) => {
    setError(null)
    if (kind === 'amendment' && !changed) return setInvalid(tr('ui.form.unchanged'))
    if (kind === 'insertion' && !wording.trim()) return setInvalid(tr('ui.form.required'))
    if (needsComment && !comment.trim()) return setInvalid(tr('ui.form.required'))
    setInvalid(null)
    setBusy(submit ? 'submit' : 'draft')
    const texts = {
      type,
      comment: comment.trim() || null,
      justification: justification.trim() || null,
      ...(needsWording ? { proposedText: wording } : {}),
    }
    try {
      if (existing) {
        const updated = await api<Envelope<ContributionDTO>>(
          `/api/contributions/${encodeURIComponent(existing.id)}`,
          { method: 'PATCH', body: { version: existing.version, ...texts, span: null } },
        )
        if (submit) {
          await api(`/api/contributions/${encodeURIComponent(existing.id)}/submit`, {
            method: 'POST',
            body: { version: updated.data.version },
          })
        }
      } else {
        await api(`/api/rounds/${encodeURIComponent(roundId)}/contributions`, {
          method: 'POST',
          body: {
            kind,
            language,
            provisionEid: kind === 'general' || kind === 'insertion' ? null : (provision?.eid ?? null),
            afterEid: kind === 'insertion' ? (provision?.eid ?? null) : null,
            ...texts,
            submit,
          },
        })
      }
      await refreshNegotiation(queryClient)
      onClose()
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(null)
    }
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        void save(false)
      }}
      noValidate
      data-testid="contribution-form"
    >
      <Stack gap="md">
        {kind !== 'general' && kind !== 'amendment' && current && (
          <div>
            <Text size="sm" fw={600} mb={4}>
              {tr('ui.form.currentText')}
            </Text>
            <blockquote className="current-text" lang={language}>
              {kind === 'deletion' ? <Redline ops={[{ op: 'delete', text: current }]} /> : current}
            </blockquote>
          </div>
        )}
        {needsWording && (
          <Textarea
            label={kind === 'amendment' ? tr('ui.form.wording') : tr('ui.form.newProvision')}
            description={
              kind === 'amendment'
                ? tr('ui.form.wordingHint', { language: tr(`lang.${language}`) })
                : undefined
            }
            value={wording}
            onChange={(event) => setWording(event.currentTarget.value)}
            autosize
            minRows={4}
            maxRows={14}
            lang={language}
            required
            error={invalid}
            data-autofocus
            classNames={{ input: 'form-text' }}
          />
        )}
        {kind === 'amendment' && (
          <section className="live-redline" aria-labelledby="live-redline-heading" data-testid="live-redline">
            <Text id="live-redline-heading" size="sm" fw={600} mb={4} component="h3">
              {tr('ui.form.redline')}
            </Text>
            <p className="live-redline__text" lang={language}>
              {changed ? <Redline ops={ops} /> : <span className="muted">{tr('ui.form.noChanges')}</span>}
            </p>
            <RedlineLegend />
          </section>
        )}
        <Textarea
          label={needsComment ? tr('ui.form.comment') : tr('ui.form.explanation')}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          autosize
          minRows={needsComment ? 4 : 2}
          maxRows={10}
          required={needsComment}
          error={needsComment ? invalid : null}
          data-autofocus={!needsWording || undefined}
        />
        <div>
          <Text id={typeLabel} size="sm" fw={500} mb={4}>
            {tr('ui.form.type')}
          </Text>
          <SegmentedControl
            aria-labelledby={typeLabel}
            value={type}
            onChange={(value) => setType(value as ContributionType)}
            data={CONTRIBUTION_TYPES.map((value) => ({ value, label: tr(`contributionType.${value}`) }))}
          />
        </div>
        <Textarea
          label={tr('ui.form.justification')}
          value={justification}
          onChange={(event) => setJustification(event.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={8}
        />
        {error ? <ErrorAlert error={error} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={!!busy}>
            {tr('ui.action.cancel')}
          </Button>
          <Button
            type="submit"
            variant={maySubmit ? 'outline' : 'filled'}
            loading={busy === 'draft'}
            disabled={!!busy}
          >
            {tr('ui.form.saveDraft')}
          </Button>
          {maySubmit && (
            <Button onClick={() => void save(true)} loading={busy === 'submit'} disabled={!!busy}>
              {tr('ui.form.submit')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  )
}
