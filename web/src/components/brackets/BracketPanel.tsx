/**
 * One bracket of a circulated version: its alternatives with their backers; a head of
 * delegation backs one (policy back_bracket); the secretariat resolves it with one
 * alternative or with new wording, recording who agreed (by default the alternative's
 * backers). A resolved bracket shows the agreed text and by whom.
 */
import type { DossierParticipantDTO, Policies } from '@core/api/types.js'
import { Button, Checkbox, Group, Stack, Text, Textarea } from '@mantine/core'
import { useState } from 'react'
import { type BracketDTO, useBracketAction } from '../../api/silence-brackets.js'
import { useLanguage, useT } from '../../i18n/language.js'
import { partyLabel } from '../../lib/format.js'
import { Dialog } from '../Dialog.js'
import { ErrorAlert } from '../ErrorAlert.js'
import { StatusLabel } from '../StatusBadges.js'

interface BracketPanelProps {
  bracket: BracketDTO | null
  provisionName: string
  documentId: string
  versionId: string
  policies: Policies
  myParty: string | null
  parties: DossierParticipantDTO[]
  onClose: () => void
}

export function BracketPanel({ bracket, provisionName, onClose, ...rest }: BracketPanelProps) {
  const tr = useT()
  return (
    <Dialog
      opened={!!bracket}
      onClose={onClose}
      title={tr('ui.brackets.panelTitle', { provision: provisionName })}
      size="lg"
    >
      {bracket && <PanelBody key={bracket.id} bracket={bracket} {...rest} />}
    </Dialog>
  )
}

/** What the secretariat is resolving with: an alternative's index, or new wording. */
type Resolving = { alternative: number } | { text: string } | null

function PanelBody({
  bracket,
  documentId,
  versionId,
  policies,
  myParty,
  parties,
}: Omit<BracketPanelProps, 'onClose' | 'provisionName'> & { bracket: BracketDTO }) {
  const tr = useT()
  const { lang } = useLanguage()
  const action = useBracketAction(documentId, versionId, bracket.id)
  const [resolving, setResolving] = useState<Resolving>(null)
  const [agreedBy, setAgreedBy] = useState<string[]>([])
  const names = (codes: string[]) =>
    codes.map((code) => {
      const party = parties.find((p) => p.code === code)
      return party ? partyLabel(party, lang) : code
    })
  const startResolving = (how: NonNullable<Resolving>) => {
    setResolving(how)
    setAgreedBy('alternative' in how ? (bracket.alternatives[how.alternative]?.backers ?? []) : [])
  }
  const lang_ = bracket.language

  if (bracket.resolved) {
    return (
      <Stack gap="sm" data-testid="bracket-panel" data-state="resolved">
        <StatusLabel tone="green" symbol="✓" word={tr('ui.brackets.state.resolved')} />
        <Text fw={700} data-testid="bracket-resolved">
          {tr('ui.brackets.resolved', { text: bracket.resolved.text })}
        </Text>
        <Text size="sm">
          {tr('ui.brackets.resolvedBy', { parties: names(bracket.resolved.agreedBy).join(', ') })}
        </Text>
      </Stack>
    )
  }

  return (
    <Stack gap="md" data-testid="bracket-panel" data-state="open">
      <StatusLabel tone="amber" symbol="[ ]" word={tr('ui.brackets.state.open')} />
      {bracket.alternatives.map((alt, index) => {
        const mine = !!myParty && alt.backers.includes(myParty)
        return (
          <section
            // biome-ignore lint/suspicious/noArrayIndexKey: alternatives are identified by their position
            key={index}
            className="bracket-alt"
            data-chosen={mine || undefined}
            data-testid="bracket-panel-alternative"
            aria-labelledby={`alt-${bracket.id}-${index}`}
          >
            <Stack gap={6}>
              <Text id={`alt-${bracket.id}-${index}`} size="sm" fw={700}>
                {tr('ui.brackets.alternative', { n: index + 1 })}
              </Text>
              <Text size="lg" lang={lang_}>
                {alt.text}
              </Text>
              <Text size="sm" data-testid="bracket-backers">
                {alt.backers.length
                  ? tr('ui.brackets.backedBy', { parties: names(alt.backers).join(', ') })
                  : tr('ui.brackets.noBackers')}
              </Text>
              <Group gap="sm" wrap="wrap">
                {policies.back_bracket &&
                  myParty &&
                  (mine ? (
                    <StatusLabel tone="green" symbol="✓" word={tr('ui.brackets.ourChoice')} />
                  ) : (
                    <Button
                      size="compact-md"
                      variant="default"
                      loading={action.isPending}
                      onClick={() => action.mutate({ kind: 'back', alternative: index })}
                    >
                      {tr('ui.brackets.back')}
                    </Button>
                  ))}
                {policies.resolve_bracket && (
                  <Button
                    size="compact-md"
                    variant="default"
                    onClick={() => startResolving({ alternative: index })}
                  >
                    {tr('ui.brackets.resolveWith')}
                  </Button>
                )}
              </Group>
            </Stack>
          </section>
        )
      })}
      {policies.resolve_bracket && !resolving && (
        <Group>
          <Button variant="subtle" onClick={() => startResolving({ text: '' })}>
            {tr('ui.brackets.resolveNew')}
          </Button>
        </Group>
      )}
      {resolving && (
        <form
          noValidate
          data-testid="bracket-resolve"
          onSubmit={(event) => {
            event.preventDefault()
            action.mutate({ kind: 'resolve', ...resolving, agreedBy })
          }}
        >
          <Stack gap="sm">
            {'text' in resolving ? (
              <Textarea
                label={tr('ui.brackets.newWording')}
                value={resolving.text}
                onChange={(event) => setResolving({ text: event.currentTarget.value })}
                autosize
                minRows={2}
                required
                lang={lang_}
                data-autofocus
              />
            ) : (
              <Text fw={700}>
                {tr('ui.brackets.alternative', { n: resolving.alternative + 1 })}:{' '}
                <span lang={lang_}>{bracket.alternatives[resolving.alternative]?.text}</span>
              </Text>
            )}
            <Checkbox.Group label={tr('ui.brackets.agreedBy')} value={agreedBy} onChange={setAgreedBy}>
              <Group gap="md" mt={4} wrap="wrap">
                {parties.map((p) => (
                  <Checkbox key={p.code} value={p.code} label={p.code} title={partyLabel(p, lang)} />
                ))}
              </Group>
            </Checkbox.Group>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setResolving(null)} disabled={action.isPending}>
                {tr('ui.action.cancel')}
              </Button>
              <Button
                type="submit"
                loading={action.isPending}
                disabled={'text' in resolving && !resolving.text.trim()}
              >
                {tr('ui.brackets.resolveConfirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {action.error ? <ErrorAlert error={action.error} /> : null}
    </Stack>
  )
}
