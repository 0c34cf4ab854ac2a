/**
 * The silence procedure on a circulated version, at the top of the document and of the
 * consensus page: running (the deadline in the procedure's zone and the reader's own, with
 * a countdown refreshed every 30 s), broken (by whom, when) or completed. Colour, symbol
 * and word. The secretariat may start one from here (policy start_silence).
 */
import type { DossierParticipantDTO } from '@core/api/types.js'
import { Button, Group, Stack, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import { type SilenceDTO, useSilence } from '../../api/silence-brackets.js'
import { useLanguage, useT } from '../../i18n/language.js'
import { formatDate, partyLabel } from '../../lib/format.js'
import { momentInZone } from '../../lib/negotiation.js'
import { formatInZone, userTimeZone } from '../../lib/time.js'
import { StatusLabel, type Tone } from '../StatusBadges.js'
import { SilenceForm } from './SilenceForm.js'

const LOOK: Record<SilenceDTO['state'], { tone: Tone; symbol: string }> = {
  running: { tone: 'amber', symbol: '◷' },
  broken: { tone: 'red', symbol: '✕' },
  completed: { tone: 'green', symbol: '✓' },
}

/** Now, refreshed every 30 seconds. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000)
    return () => window.clearInterval(timer)
  }, [])
  return now
}

interface SilenceBannerProps {
  documentId: string
  versionId: string
  participants: DossierParticipantDTO[]
  /** False for a working draft or a frozen text: nothing to show or start. */
  active: boolean
}

export function SilenceBanner({ documentId, versionId, participants, active }: SilenceBannerProps) {
  const silence = useSilence(documentId, active ? versionId : null)
  const [starting, setStarting] = useState(false)
  if (!active || !silence.data) return null
  const current = silence.data.data[0]
  const mayStart = !!silence.data.policies.start_silence && current?.state !== 'running'
  if (!current && !mayStart) return null
  return (
    <>
      {current ? (
        <SilenceState procedure={current} participants={participants}>
          {mayStart && <StartButton onClick={() => setStarting(true)} />}
        </SilenceState>
      ) : (
        <Group className="no-print">
          <StartButton onClick={() => setStarting(true)} />
        </Group>
      )}
      <SilenceForm
        opened={starting}
        onClose={() => setStarting(false)}
        documentId={documentId}
        versionId={versionId}
      />
    </>
  )
}

function StartButton({ onClick }: { onClick: () => void }) {
  const tr = useT()
  return (
    <Button variant="default" onClick={onClick} data-testid="start-silence">
      {tr('ui.silence.start')}
    </Button>
  )
}

interface SilenceStateProps {
  procedure: SilenceDTO
  participants: DossierParticipantDTO[]
  children?: React.ReactNode
}

function SilenceState({ procedure, participants, children }: SilenceStateProps) {
  const tr = useT()
  const { lang } = useLanguage()
  const now = useNow()
  const mine = userTimeZone()
  const look = LOOK[procedure.state]
  const party = participants.find((p) => p.code === procedure.brokenBy)
  const breaker = party ? partyLabel(party, lang) : (procedure.brokenBy ?? '')
  const left = Date.parse(procedure.deadline) - now
  return (
    <section
      className="silence-banner"
      data-state={procedure.state}
      aria-labelledby="silence-heading"
      data-testid="silence-banner"
    >
      <Stack gap={6}>
        <Group gap="sm" wrap="wrap" align="center">
          <StatusLabel
            tone={look.tone}
            symbol={look.symbol}
            word={tr(`ui.silence.state.${procedure.state}`)}
            testId="silence-state"
          />
          <Text component="h2" id="silence-heading" fw={700} size="lg">
            {tr('ui.silence.heading')}
          </Text>
        </Group>
        {procedure.state === 'running' && (
          <>
            <Text data-testid="silence-text">
              {tr('ui.silence.running', {
                deadline: momentInZone(procedure.deadline, procedure.timezone, lang, tr),
              })}
            </Text>
            <Text fw={700} data-testid="silence-countdown" aria-live="off">
              {tr('ui.silence.remaining', { time: left > 0 ? countdown(left, tr) : tr('ui.silence.due') })}
            </Text>
            {mine !== procedure.timezone && (
              <Text size="sm" c="dimmed" data-testid="silence-local">
                {tr('ui.silence.yourTime', {
                  zone: mine,
                  deadline: formatInZone(procedure.deadline, mine, lang),
                })}
              </Text>
            )}
          </>
        )}
        {procedure.state === 'broken' && (
          <Text data-testid="silence-text">
            {tr('ui.silence.broken', {
              party: breaker,
              date: formatDate(procedure.brokenAt, lang, true),
            })}
          </Text>
        )}
        {procedure.state === 'completed' && (
          <Text data-testid="silence-text">
            {tr('ui.silence.completed', { date: formatDate(procedure.completedAt, lang, true) })}
          </Text>
        )}
        {children && <Group className="no-print">{children}</Group>}
      </Stack>
    </section>
  )
}

function countdown(ms: number, tr: ReturnType<typeof useT>): string {
  const minutes = Math.floor(ms / 60_000)
  return tr('ui.silence.countdown', {
    d: Math.floor(minutes / 1440),
    h: Math.floor((minutes % 1440) / 60),
    m: minutes % 60,
  })
}
