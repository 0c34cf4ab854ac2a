/**
 * "State our position", for the head of delegation (or an observer's delegate): on the
 * whole document or one provision, one of five positions — each explained in plain
 * words — with the special opinion or the reasons where they are required. Shows the
 * party's current position; an observer is told that theirs is recorded but not counted.
 */
import { POSITION_KINDS, type PositionKind } from '@core/domain/consensus.js'
import { Alert, Button, Group, Radio, Select, Stack, Text, Textarea, Title } from '@mantine/core'
import { useId, useState } from 'react'
import { useStatePosition } from '../../api/consensus.js'
import { useT } from '../../i18n/language.js'
import { plainText } from '../../lib/negotiation.js'
import { ErrorAlert } from '../ErrorAlert.js'
import type { ConsensusModel } from './model.js'
import { PositionMark } from './PositionMark.js'

interface PositionPanelProps {
  model: ConsensusModel
  documentId: string
  versionId: string
  partyCode: string
  /** Starts folded (on the document page), with a button to unfold it. */
  folded?: boolean
}

const DOCUMENT = 'document'
const NEEDS_TEXT: PositionKind[] = ['reservation', 'objection']
const excerpt = (s: string) => (s.length > 70 ? `${s.slice(0, 70).trimEnd()}…` : s)

export function PositionPanel({
  model,
  documentId,
  versionId,
  partyCode,
  folded = false,
}: PositionPanelProps) {
  const tr = useT()
  const formId = useId()
  const [open, setOpen] = useState(!folded)
  const [target, setTarget] = useState<string>(DOCUMENT)
  const [kind, setKind] = useState<PositionKind | null>(null)
  const [text, setText] = useState('')
  const [invalid, setInvalid] = useState<{ kind?: string; text?: string }>({})
  const [stated, setStated] = useState<{ kind: PositionKind; where: string } | null>(null)
  const state = useStatePosition(documentId, versionId)
  const observer = model.isObserver(partyCode)
  const eid = target === DOCUMENT ? null : target
  const whereName = (e: string | null) =>
    e === null ? tr('ui.consensus.wholeDocument') : (model.provisions.find((p) => p.eid === e)?.name ?? e)
  const needsText = !!kind && NEEDS_TEXT.includes(kind)

  const submit = () => {
    setStated(null)
    const problems = {
      ...(kind ? {} : { kind: tr('ui.position.chooseKind') }),
      ...(needsText && !text.trim() ? { text: tr(`ui.position.textRequired.${kind}`) } : {}),
    }
    setInvalid(problems)
    if (!kind || Object.keys(problems).length) return
    state.mutate(
      { kind, provisionEid: eid, text: text.trim() || null },
      {
        onSuccess: () => {
          setStated({ kind, where: whereName(eid) })
          setKind(null)
          setText('')
        },
      },
    )
  }

  return (
    <section
      className="panel position-panel no-print"
      aria-labelledby={`${formId}-heading`}
      data-testid="position-panel"
    >
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div>
          <Title order={2} size="h3" id={`${formId}-heading`}>
            {tr('ui.position.title', { party: model.partyLabel(partyCode) })}
          </Title>
          <Text mt={6} component="div">
            {tr('ui.position.current')}{' '}
            <PositionMark kind={model.positionOf(partyCode, null)} testId="our-position" />
          </Text>
        </div>
        {folded && (
          <Button
            variant={open ? 'default' : 'filled'}
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-controls={formId}
          >
            {open ? tr('ui.position.hide') : tr('ui.position.open')}
          </Button>
        )}
      </Group>
      {observer && (
        <Alert color="gray" mt="sm" data-testid="observer-note" icon={<span aria-hidden="true">○</span>}>
          {tr('ui.consensus.observerNote')}
        </Alert>
      )}
      <div id={formId}>
        {open && (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault()
              submit()
            }}
          >
            <Stack gap="md" mt="md">
              <Group align="flex-end" gap="md" wrap="wrap">
                <Select
                  label={tr('ui.position.on')}
                  value={target}
                  onChange={(value) => setTarget(value ?? DOCUMENT)}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: false }}
                  w={{ base: '100%', sm: 420 }}
                  data={[
                    { value: DOCUMENT, label: tr('ui.consensus.wholeDocument') },
                    ...model.provisions.map((p) => ({
                      value: p.eid,
                      label: `${p.name} — ${excerpt(plainText(p.provision, model.lang) || plainText(p.provision, 'ru'))}`,
                    })),
                  ]}
                  data-testid="position-target"
                />
                {eid !== null && (
                  <Text size="sm" pb={8} component="div">
                    {tr('ui.position.currentHere')} <PositionMark kind={model.positionOf(partyCode, eid)} />
                  </Text>
                )}
              </Group>
              <Radio.Group
                label={tr('ui.position.kind')}
                value={kind ?? ''}
                onChange={(value) => setKind(value as PositionKind)}
                error={invalid.kind}
                required
              >
                <Stack gap="sm" mt="xs">
                  {POSITION_KINDS.map((k) => (
                    <Radio
                      key={k}
                      value={k}
                      label={tr(`position.${k}`)}
                      description={tr(`positionHelp.${k}`)}
                    />
                  ))}
                </Stack>
              </Radio.Group>
              <Textarea
                label={tr(needsText ? `ui.position.text.${kind}` : 'ui.position.text.optional')}
                value={text}
                onChange={(event) => setText(event.currentTarget.value)}
                required={needsText}
                error={invalid.text}
                autosize
                minRows={3}
                maxRows={10}
                data-testid="position-text"
              />
              {state.error ? <ErrorAlert error={state.error} /> : null}
              {stated && (
                <Alert
                  color="green"
                  role="status"
                  data-testid="position-stated"
                  icon={<span aria-hidden="true">✓</span>}
                >
                  {tr('ui.position.stated', {
                    position: tr(`position.${stated.kind}`),
                    provision: stated.where,
                  })}
                </Alert>
              )}
              <Group justify="flex-end">
                <Button type="submit" loading={state.isPending}>
                  {tr('ui.position.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </div>
    </section>
  )
}
