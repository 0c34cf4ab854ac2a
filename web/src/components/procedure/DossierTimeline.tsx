/**
 * Where the dossier stands in its procedure: the stages of its template (current one marked
 * by colour, symbol and word), the path it took (each move with its date, who made it and
 * why), and the next moves — buttons for the secretariat, disabled with the reasons while a
 * guard fails; the server's reasons are shown if a move is refused all the same. In domestic
 * approval, a link to the tracker.
 */
import type { GuardStatusDTO, NextMoveDTO, TimelineDTO } from '@core/api/procedures.js'
import type { DossierDTO } from '@core/api/types.js'
import { pickText } from '@core/i18n/languages.js'
import { Anchor, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core'
import { useState } from 'react'
import { Link } from 'react-router'
import { useMoveStage, useTimeline } from '../../api/procedures.js'
import { useLanguage, useT } from '../../i18n/language.js'
import { formatDate } from '../../lib/format.js'
import { ConfirmModal } from '../ConfirmModal.js'
import { ErrorAlert } from '../ErrorAlert.js'
import { PageLoader } from '../PageLoader.js'
import { StageIndicator } from '../StageIndicator.js'
import './procedure.css'

export function DossierTimeline({ dossier, labelledBy }: { dossier: DossierDTO; labelledBy: string }) {
  const tr = useT()
  const { lang } = useLanguage()
  const timeline = useTimeline(dossier.id)
  if (timeline.isPending) return <PageLoader />
  if (timeline.isError) return <ErrorAlert error={timeline.error} />
  const tl = timeline.data.data
  const mayMove = !!timeline.data.policies.move_stage
  const current = tl.stages.find((s) => s.code === tl.current)
  const inApproval = current?.kind === 'domestic_approval' || dossier.stage === 'domestic_approval'

  return (
    <Stack gap="md" data-testid="dossier-timeline">
      <Text size="sm" c="dimmed" data-testid="procedure-name">
        {pickText(tl.procedure.name, lang)}
      </Text>
      <StageIndicator stages={tl.stages} current={tl.current} labelledBy={labelledBy} />
      {inApproval && (
        <Text>
          <Anchor
            component={Link}
            to={`/dossiers/${dossier.id}/approvals`}
            fw={600}
            data-testid="tracker-link"
          >
            {tr('ui.timeline.trackerLink')}
          </Anchor>
        </Text>
      )}
      <div className="timeline-grid">
        <PathTaken timeline={tl} />
        <NextMoves timeline={tl} mayMove={mayMove} dossierId={dossier.id} />
      </div>
    </Stack>
  )
}

function PathTaken({ timeline }: { timeline: TimelineDTO }) {
  const tr = useT()
  const { lang } = useLanguage()
  const name = (code: string) => {
    const stage = timeline.stages.find((s) => s.code === code)
    return stage ? pickText(stage.name, lang) : code
  }
  return (
    <section aria-labelledby="path-heading" className="panel timeline-panel">
      <Title order={3} id="path-heading" size="h4" mb="xs">
        {tr('ui.timeline.path')}
      </Title>
      {timeline.moves.length === 0 ? (
        <Text size="sm" c="dimmed">
          {tr('ui.timeline.noMoves')}
        </Text>
      ) : (
        <ol className="timeline-path" data-testid="timeline-path">
          {timeline.moves.map((m, i) => {
            const latest = i === timeline.moves.length - 1
            const back =
              m.from !== null &&
              timeline.stages.findIndex((s) => s.code === m.to) <
                timeline.stages.findIndex((s) => s.code === m.from)
            return (
              <li key={m.id} className="timeline-path__item" data-latest={latest || undefined}>
                <span className="timeline-path__symbol" aria-hidden="true">
                  {latest ? '▶' : back ? '↶' : '✓'}
                </span>
                <div>
                  <div className="timeline-path__what">
                    {m.from === null
                      ? tr('ui.timeline.opened', { stage: name(m.to) })
                      : back
                        ? tr('ui.timeline.returned', { stage: name(m.to) })
                        : tr('ui.timeline.entered', { stage: name(m.to) })}
                  </div>
                  <div className="timeline-path__when">
                    <time dateTime={m.at}>{formatDate(m.at, lang)}</time>
                    {m.by ? ` · ${m.by.displayName}` : ` · ${tr('ui.timeline.system')}`}
                  </div>
                  {m.note && <div className="timeline-path__note">{m.note}</div>}
                </div>
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}

function NextMoves({
  timeline,
  mayMove,
  dossierId,
}: {
  timeline: TimelineDTO
  mayMove: boolean
  dossierId: string
}) {
  const tr = useT()
  const [chosen, setChosen] = useState<NextMoveDTO | null>(null)
  const [note, setNote] = useState('')
  const move = useMoveStage(dossierId)
  const { lang } = useLanguage()

  const confirm = () => {
    if (!chosen) return
    move.mutate(
      { version: timeline.dossierVersion, to: chosen.to, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          setChosen(null)
          setNote('')
        },
      },
    )
  }

  return (
    <section aria-labelledby="next-heading" className="panel timeline-panel">
      <Title order={3} id="next-heading" size="h4" mb="xs">
        {tr('ui.timeline.next')}
      </Title>
      {timeline.next.length === 0 ? (
        <Text size="sm">{tr('ui.timeline.finished')}</Text>
      ) : (
        <Stack gap="md">
          {timeline.next.map((m) => (
            <div
              key={m.to}
              className="next-move"
              data-testid="next-move"
              data-to={m.to}
              data-allowed={m.allowed}
            >
              <Group gap="sm" align="center" wrap="wrap">
                {mayMove ? (
                  <Button
                    variant={m.backwards ? 'default' : 'filled'}
                    color="navy"
                    disabled={!m.allowed}
                    aria-describedby={m.guards.length ? `guards-${m.to}` : undefined}
                    onClick={() => {
                      move.reset()
                      setChosen(m)
                    }}
                  >
                    {tr(m.backwards ? 'ui.timeline.moveBack' : 'ui.timeline.move', {
                      stage: pickText(m.name, lang),
                    })}
                  </Button>
                ) : (
                  <Text fw={600}>{pickText(m.name, lang)}</Text>
                )}
                <span className="status" data-tone={m.allowed ? 'green' : 'amber'}>
                  <span className="status__symbol" aria-hidden="true">
                    {m.allowed ? '✓' : '◷'}
                  </span>
                  {tr(m.allowed ? 'ui.timeline.ready' : 'ui.timeline.blocked')}
                </span>
              </Group>
              {m.guards.length > 0 && <GuardList id={`guards-${m.to}`} guards={m.guards} />}
            </div>
          ))}
        </Stack>
      )}
      {move.error && !chosen ? <ErrorAlert error={move.error} title={tr('ui.timeline.refused')} /> : null}
      <ConfirmModal
        opened={!!chosen}
        title={chosen ? tr('ui.timeline.confirmTitle', { stage: pickText(chosen.name, lang) }) : ''}
        confirmLabel={tr('ui.timeline.confirm')}
        onConfirm={confirm}
        onClose={() => setChosen(null)}
        busy={move.isPending}
        error={move.error}
      >
        <Stack gap="sm">
          <Text>{tr('ui.timeline.confirmText')}</Text>
          <Textarea
            label={tr('ui.timeline.note')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
          />
        </Stack>
      </ConfirmModal>
    </section>
  )
}

function GuardList({ id, guards }: { id: string; guards: GuardStatusDTO[] }) {
  const tr = useT()
  return (
    <ul className="guards" id={id}>
      {guards.map((g) => (
        <li key={g.guard} className="guards__item" data-ok={g.ok}>
          <span className="guards__symbol" aria-hidden="true">
            {g.ok ? '✓' : '✕'}
          </span>
          <span>
            <span className="visually-hidden">
              {tr(g.ok ? 'ui.timeline.guardMet' : 'ui.timeline.guardNotMet')}:{' '}
            </span>
            {tr(`procedure.guardName.${g.guard}`)}
            {g.message && <span className="guards__reason">{g.message}</span>}
          </span>
        </li>
      ))}
    </ul>
  )
}
